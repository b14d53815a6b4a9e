package org.mpjbench.kernels.lamport;

import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.spi.OptionChecks;

/**
 * Everything a Lamport run is told. Values are checked when the record is made, so a bad one fails
 * in the launcher with a message naming the option.
 *
 * @param messages point-to-point messages in the pattern (with one rank: steps of local events)
 * @param localEventsMax each rank does 0 to this many local events before each step
 * @param vector whether to keep vector clocks too, and check them against happened-before
 * @param seed seed of the pattern (every rank computes the same one)
 * @param timeoutMs longest wait for one message before the run fails
 */
public record LamportParameters(
    int messages, int localEventsMax, boolean vector, long seed, long timeoutMs) {

  /** The defaults the launcher shows in {@code --help}. */
  public static final LamportParameters DEFAULTS =
      new LamportParameters(200, 1, false, 1L, 10_000L);

  /** Most messages: keeps the trace, and the O(n²) vector check, to a few thousand events. */
  public static final int MAX_MESSAGES = 2_000;
  /** Most local events per rank and step. */
  public static final int MAX_LOCAL_EVENTS = 3;
  /** Most events the vector check takes on (it compares every pair). */
  public static final long MAX_VECTOR_EVENTS = 20_000;

  /** Checks every value; the message names the option at fault. */
  public LamportParameters {
    OptionChecks.requireBetween("--messages", messages, 0, MAX_MESSAGES);
    OptionChecks.requireBetween("--local-events", localEventsMax, 0, MAX_LOCAL_EVENTS);
    TimedReceive.checkTimeoutMs(timeoutMs);
  }

  /** The most events a run on {@code ranks} ranks can record. */
  public long maxEvents(int ranks) {
    return 2L * messages + (long) messages * ranks * localEventsMax;
  }

  /** Checks what depends on the number of ranks: the vector check's trace size. */
  public void requireFitsRanks(int ranks) {
    if (vector && maxEvents(ranks) > MAX_VECTOR_EVENTS) {
      throw new IllegalArgumentException("--vector with --messages " + messages
          + " and --local-events " + localEventsMax + " on " + ranks + " ranks may record "
          + maxEvents(ranks) + " events; the pairwise check takes at most " + MAX_VECTOR_EVENTS);
    }
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
