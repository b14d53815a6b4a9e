package org.mpjbench.kernels.control;

import java.util.Locale;

/**
 * A fault the launcher asks one rank to commit before its kernel starts, so that the failure
 * handling of the whole chain (rank, runtime, launcher) can be shown and tested on real runs.
 *
 * @param rank the rank that misbehaves
 * @param kind how it misbehaves
 */
public record FaultInjection(int rank, Kind kind) {

  /** The ways a rank can be made to fail. */
  public enum Kind {
    /** Throws an exception: the rank reports it, the others are left blocked in MPI. */
    FAIL,
    /** Stops making progress without a word: only the run's time-out can end it. */
    HANG,
    /** Its JVM halts at once without reporting anything (in multicore: all ranks' JVM). */
    EXIT
  }

  /** Validates the rank. */
  public FaultInjection {
    if (rank < 0) {
      throw new IllegalArgumentException("fault injection names rank " + rank + ", negative");
    }
    if (kind == null) {
      throw new IllegalArgumentException("fault injection needs a kind");
    }
  }

  /** Parses {@code RANK:KIND}, e.g. {@code 2:fail}. */
  public static FaultInjection parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "--inject-fault wants RANK:KIND with KIND fail, hang or exit; got '" + text + "'");
    }
    int rank;
    try {
      rank = Integer.parseInt(text.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--inject-fault: '" + text.substring(0, colon)
          + "' is not a rank number");
    }
    String kind = text.substring(colon + 1).toUpperCase(Locale.ROOT);
    try {
      return new FaultInjection(rank, Kind.valueOf(kind));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--inject-fault: kind must be fail, hang or exit; got '"
          + text.substring(colon + 1) + "'");
    }
  }

  /**
   * Misbehaves on {@code rank} as asked (nothing on the other ranks): throws, stalls until the run
   * is ended from outside, or halts the JVM.
   */
  public void commitOn(int rank) throws InterruptedException {
    if (rank != this.rank) {
      return;
    }
    switch (kind) {
      case FAIL -> throw new IllegalStateException(
          "injected failure on rank " + rank + " (--inject-fault)");
      case HANG -> {
        // Ended by an abort, a watchdog or the launcher's going away, which halt this JVM.
        while (true) {
          Thread.sleep(Long.MAX_VALUE);
        }
      }
      case EXIT -> Runtime.getRuntime().halt(3);
      default -> throw new IllegalStateException("unknown fault " + this);
    }
  }
}
