package org.mpjbench.kernels.check;

/**
 * The verdict on a kernel's correctness property (mutual exclusion held, every live rank agrees on
 * the coordinator, every message was delivered once, ...). Checkers are pure functions from a trace
 * to a {@code PropertyCheck}, so that a bad trace can be fed to them in a unit test; kernels call
 * {@link #requireHolds()} on rank 0 at the end of every run, which fails the run with the detail.
 *
 * @param property what was checked, in a few words
 * @param holds whether it held
 * @param detail the evidence: what was counted, or the first violation found
 */
public record PropertyCheck(String property, boolean holds, String detail) {

  /** Thrown when a kernel's property does not hold; the run fails with this message. */
  public static final class ViolationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The check that failed: carried to the result file as a typed field, not as text. */
    private final transient PropertyCheck check;

    ViolationException(PropertyCheck check) {
      super("property violated: " + check.property() + ": " + check.detail());
      this.check = check;
    }

    /** The check that did not hold. */
    public PropertyCheck check() {
      return check;
    }

    /**
     * The check that failed when {@code failure} is, or was caused by, a violation; else null.
     */
    public static PropertyCheck checkIn(Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof ViolationException v) {
          return v.check;
        }
      }
      return null;
    }
  }

  /** A property that held. */
  public static PropertyCheck held(String property, String detail) {
    return new PropertyCheck(property, true, detail);
  }

  /** A property that did not hold. */
  public static PropertyCheck violated(String property, String detail) {
    return new PropertyCheck(property, false, detail);
  }

  /** Returns this check if it held, else throws {@link ViolationException}. */
  public PropertyCheck requireHolds() {
    if (!holds) {
      throw new ViolationException(this);
    }
    return this;
  }
}
