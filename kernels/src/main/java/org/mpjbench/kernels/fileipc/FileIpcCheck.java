package org.mpjbench.kernels.fileipc;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;

/** The checker: every reader got every record exactly once, in order, and uncorrupted. */
public final class FileIpcCheck {
  /** The property, as the summary prints it. */
  public static final String PROPERTY = "every reader got every record once, in order, intact";

  private FileIpcCheck() {}

  /** Checks every reader's counts against the {@code lines} records written. */
  public static PropertyCheck check(List<ReaderLog.Counts> readers, long lines) {
    for (ReaderLog.Counts r : readers) {
      String who = String.format(Locale.ROOT, "rank %d reading the %s", r.rank(), r.file());
      if (r.corrupt() > 0) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "%s: %d corrupt record(s), the first at record %d", who, r.corrupt(),
            r.firstProblem()));
      }
      if (r.duplicates() > 0) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "%s: %d record(s) again or out of order, the first at record %d", who,
            r.duplicates(), r.firstProblem()));
      }
      if (r.skipped() > 0) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "%s: %d record(s) skipped, the first gap at record %d", who, r.skipped(),
            r.firstProblem()));
      }
      if (r.received() != lines || r.inOrder() != lines) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "%s: %d of %d records", who, r.received(), lines));
      }
    }
    return PropertyCheck.held(PROPERTY, String.format(Locale.ROOT,
        "%d reader(s) x %d records, checksums and sequence numbers", readers.size(), lines));
  }
}
