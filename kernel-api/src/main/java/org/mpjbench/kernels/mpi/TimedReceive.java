package org.mpjbench.kernels.mpi;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPIException;
import mpi.Status;

/**
 * A receive that gives up at a deadline, which MPI's blocking {@code Recv} cannot do and which
 * algorithms with crashed peers need (Bully's and Ring's time-outs). It probes for a matching
 * message and, between probes, parks for a short pause that doubles up to a millisecond: a waiting
 * rank costs little CPU, and a message is picked up within about a millisecond.
 */
public final class TimedReceive {
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
  private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /**
   * The longest wait for one message a kernel's {@code --timeout-ms} may ask for: longer is a typo,
   * and near {@code Long.MAX_VALUE} the deadline {@code nanoTime() + timeout} would overflow.
   */
  public static final long MAX_TIMEOUT_MS = TimeUnit.HOURS.toMillis(1);

  private TimedReceive() {}

  /** Checks a kernel's {@code --timeout-ms} (1 to {@link #MAX_TIMEOUT_MS}); the message names it. */
  public static void checkTimeoutMs(long timeoutMs) {
    if (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw new IllegalArgumentException(
          "--timeout-ms must be between 1 and " + MAX_TIMEOUT_MS + ", got " + timeoutMs);
    }
  }

  /**
   * Receives into {@code buffer} a message from {@code source} (or {@code MPI.ANY_SOURCE}) with
   * {@code tag} (or {@code MPI.ANY_TAG}) if one arrives before {@code deadlineNanos} (a {@link
   * System#nanoTime()} value); returns its status, or null when the deadline passed first.
   */
  public static Status receive(Intracomm comm, Object buffer, int offset, int count,
      Datatype type, int source, int tag, long deadlineNanos) throws MPIException {
    long pauseNanos = FIRST_PAUSE_NANOS;
    while (true) {
      Status probed = Probe.iprobe(comm, source, tag);
      if (probed != null) {
        return comm.Recv(buffer, offset, count, type, probed.source, probed.tag);
      }
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return null;
      }
      LockSupport.parkNanos(Math.min(pauseNanos, remaining));
      pauseNanos = Math.min(pauseNanos * 2, MAX_PAUSE_NANOS);
    }
  }
}
