package org.mpjbench.kernels.naming;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * The checker: every answer a client got equals the ground truth computed from the seed (the right
 * address for a registered name, a miss with the right reason for an unknown one).
 */
public final class NamingCheck {
  /** The property, as the summary prints it. */
  public static final String PROPERTY =
      "every resolution right and every unknown name a clear miss";

  private NamingCheck() {}

  /**
   * What one client got.
   *
   * @param rank the client
   * @param lookups its lookups with their true answers, in order
   * @param answers the answers it received, in the same order
   */
  public record ClientTrace(int rank, List<NamingWorkload.Lookup> lookups,
      List<NameServer.Resolution> answers) {}

  /** Checks every answer of every client. */
  public static PropertyCheck check(List<ClientTrace> traces) {
    long hits = 0;
    long misses = 0;
    for (ClientTrace trace : traces) {
      if (trace.answers().size() != trace.lookups().size()) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "rank %d got %d answers to %d lookups", trace.rank(), trace.answers().size(),
            trace.lookups().size()));
      }
      for (int j = 0; j < trace.lookups().size(); j++) {
        NamingWorkload.Lookup lookup = trace.lookups().get(j);
        NameServer.Resolution got = trace.answers().get(j);
        NameServer.Resolution want = lookup.expected();
        if (!got.equals(want)) {
          return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
              "rank %d, lookup %d of \"%s\": got %s, expected %s", trace.rank(), j,
              lookup.name(), describe(got), describe(want)));
        }
        if (want.found()) {
          hits++;
        } else {
          misses++;
        }
      }
    }
    return PropertyCheck.held(PROPERTY, String.format(Locale.ROOT,
        "%d client(s): %d resolutions to the right address, %d unknown names missed with the"
            + " right reason", traces.size(), hits, misses));
  }

  /** An answer in words. */
  static String describe(NameServer.Resolution r) {
    if (r.found()) {
      return String.format(Locale.ROOT, "found rank %d index %d", r.value() >>> 32,
          r.value() & 0xFFFFFFFFL);
    }
    return "miss (reason " + r.value() + ")";
  }
}
