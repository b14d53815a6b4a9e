package org.mpjbench.kernels.remotecall;

import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.spi.OptionChecks;

/**
 * Everything a remote-call run is told, checked when the record is made (messages name the
 * option).
 *
 * @param calls calls each client makes
 * @param negativeRatio fraction of calls with a negative argument (answered with the error)
 * @param seed seed of the arguments
 * @param timeoutMs longest wait for any one message before the run fails
 */
public record RemoteCallParameters(int calls, double negativeRatio, long seed, long timeoutMs) {
  /** The defaults the launcher shows in {@code --help}. */
  public static final RemoteCallParameters DEFAULTS =
      new RemoteCallParameters(200, 0.1, 1L, 10_000L);

  private static final int MAX_CALLS = 1_000_000;

  /** Checks every value; the message names the option at fault. */
  public RemoteCallParameters {
    OptionChecks.requireBetween("--calls", calls, 1, MAX_CALLS);
    OptionChecks.requireFraction("--negative-ratio", negativeRatio);
    TimedReceive.checkTimeoutMs(timeoutMs);
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
