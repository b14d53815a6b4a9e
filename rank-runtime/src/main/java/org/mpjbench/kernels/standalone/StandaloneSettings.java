package org.mpjbench.kernels.standalone;

import java.nio.file.Path;
import org.mpjbench.kernels.control.FaultInjection;
import picocli.CommandLine.Option;

/**
 * The options of a standalone run that are not the kernel's: where the result goes and how long
 * the run may take. The kernel's own options are mixed in after them.
 */
final class StandaloneSettings {
  /** The longest bound a run may have: a week. */
  static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;

  @Option(names = "--results", paramLabel = "DIR", description = "Folder for the result file"
      + " (default: ${DEFAULT-VALUE}).")
  Path results = Path.of("results");

  @Option(names = "--timeout-s", paramLabel = "SECONDS", description = "Every rank ends the run"
      + " after this long, whatever MPJ does; rank 0 writes a timed-out result first (default:"
      + " ${DEFAULT-VALUE}).")
  long timeoutSeconds = 600;

  @Option(names = {"-q", "--quiet"}, description = "Print the summary only.")
  boolean quiet;

  @Option(names = "--inject-fault", paramLabel = "RANK:KIND", description = "For trying the"
      + " failure handling: make RANK fail (throw), hang (stall silently) or exit (its JVM halts)"
      + " before the kernel starts, e.g. 2:fail.")
  String injectFault;

  /** The fault to commit, or null. */
  FaultInjection fault() {
    return injectFault == null ? null : FaultInjection.parse(injectFault);
  }

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  void validate(int ranks) {
    FaultInjection fault = fault();
    if (fault != null && fault.rank() >= ranks) {
      throw new IllegalArgumentException("--inject-fault names rank " + fault.rank()
          + ", but the run has only ranks 0 to " + (ranks - 1));
    }
    if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("--timeout-s must be 1 to " + MAX_TIMEOUT_SECONDS
          + ", got " + timeoutSeconds);
    }
  }
}
