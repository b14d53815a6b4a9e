package org.mpjbench.launcher.runs;

/**
 * A problem the user can fix (bad input, missing set-up, an unreachable daemon): printed as one
 * line without a stack trace, with its own exit code.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code of bad command-line input. */
  public static final int USAGE = 2;
  /** Exit code of a run that could not be done or did not succeed. */
  public static final int FAILED = 1;

  private final int exitCode;

  /** An error with the given exit code. */
  public UserError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The exit code the command ends with. */
  public int exitCode() {
    return exitCode;
  }
}
