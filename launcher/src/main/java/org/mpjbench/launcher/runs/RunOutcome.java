package org.mpjbench.launcher.runs;

import java.nio.file.Path;
import java.util.List;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.job.JobOutcome;

/**
 * How one run ended, typed: its status, its record and the file it was written to, rank 0's result
 * as the kernel's own record, and the summary a person reads. A run that did not complete still
 * has its record (with the progress it made) and its file.
 *
 * @param status how the job ended
 * @param record the run's record, as written
 * @param file the result file; null when it could not be written (the record then went to the
 *     error stream as one line of JSON)
 * @param result rank 0's result; null unless the run completed
 * @param summary the summary lines of a complete run; empty otherwise
 * @param problem one line saying why the run failed; null when it completed and was written
 * @param <R> the kernel's result record
 */
public record RunOutcome<R>(
    JobOutcome.Status status,
    RunRecord record,
    Path file,
    R result,
    List<String> summary,
    String problem) {
  /** Exit code of a run stopped by the user, as shells report SIGINT. */
  public static final int INTERRUPTED_EXIT = 130;

  /** Whether the run completed and its file was written. */
  public boolean complete() {
    return status == JobOutcome.Status.COMPLETE && file != null;
  }

  /** The exit code of a command that made this one run: 0, 1, or 130 when interrupted. */
  public int exitCode() {
    if (complete()) {
      return 0;
    }
    return status == JobOutcome.Status.INTERRUPTED ? INTERRUPTED_EXIT : UserError.FAILED;
  }
}
