package org.mpjbench.kernels.mpi;

import java.util.Arrays;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;

/**
 * The reference figure kernels measure beside themselves: the median round trip of a plain
 * one-{@code long} ping-pong between a centre rank and every other rank in turn, on the same ranks
 * and in the same run, so that a kernel's latency reads as "so many ping-pongs" from machine to
 * machine. Collective: every rank calls it with the same arguments.
 */
public final class PingPong {
  private PingPong() {}

  /**
   * How the exchanges are received: blocking {@code Recv} (as kernels that use it), or {@link
   * TimedReceive} with a time-out (as kernels that poll), so the baseline pays what the kernel pays.
   *
   * @param timeoutNanos 0 for blocking receives, else the bound of each timed receive
   * @param kernel the kernel's name, for the error when a timed receive runs out
   */
  public record Receiving(long timeoutNanos, String kernel) {
    /** Blocking receives. */
    public static final Receiving BLOCKING = new Receiving(0, "");
  }

  /**
   * Runs {@code warmup + exchanges} ping-pongs between {@code centre} and every other rank, the
   * first {@code warmup} not measured; returns the median measured round trip on {@code centre}
   * and 0 elsewhere (and with one rank).
   */
  public static long medianRoundTripNanos(Intracomm comm, int rank, int size, int centre,
      int warmup, int exchanges, int pingTag, int pongTag, Receiving receiving)
      throws MPIException {
    if (size == 1) {
      return 0;
    }
    long[] message = new long[1];
    int total = warmup + exchanges;
    if (rank != centre) {
      for (int i = 0; i < total; i++) {
        receive(comm, message, centre, pingTag, receiving, "ping " + i);
        comm.Send(message, 0, 1, MPI.LONG, centre, pongTag);
      }
      return 0;
    }
    long[] roundTrips = new long[(size - 1) * exchanges];
    int next = 0;
    for (int peer = 0; peer < size; peer++) {
      if (peer == centre) {
        continue;
      }
      for (int i = 0; i < total; i++) {
        message[0] = i;
        long start = System.nanoTime();
        comm.Send(message, 0, 1, MPI.LONG, peer, pingTag);
        receive(comm, message, peer, pongTag, receiving, "pong " + i + " from rank " + peer);
        if (i >= warmup) {
          roundTrips[next++] = System.nanoTime() - start;
        }
      }
    }
    return median(roundTrips);
  }

  /**
   * Runs {@code count} plain one-{@code long} round trips from {@code pinger} to {@code ponger}
   * and back, with blocking receives and nothing measured (the caller times them, as a benchmark
   * does); every other rank returns at once. Both ranks call it with the same arguments.
   */
  public static void roundTrips(Intracomm comm, int rank, int pinger, int ponger, int count,
      int pingTag, int pongTag) throws MPIException {
    long[] message = new long[1];
    if (rank == pinger) {
      for (int i = 0; i < count; i++) {
        comm.Send(message, 0, 1, MPI.LONG, ponger, pingTag);
        comm.Recv(message, 0, 1, MPI.LONG, ponger, pongTag);
      }
    } else if (rank == ponger) {
      for (int i = 0; i < count; i++) {
        comm.Recv(message, 0, 1, MPI.LONG, pinger, pingTag);
        comm.Send(message, 0, 1, MPI.LONG, pinger, pongTag);
      }
    }
  }

  /**
   * The median (the mean of the two middle values for an even count, rounded down without
   * overflowing); 0 for none. Shared by the kernels that report medians of nanosecond figures.
   */
  public static long median(long[] values) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : sorted[n / 2 - 1] + (sorted[n / 2] - sorted[n / 2 - 1]) / 2;
  }

  private static void receive(Intracomm comm, long[] message, int source, int tag,
      Receiving receiving, String what) throws MPIException {
    if (receiving.timeoutNanos() == 0) {
      comm.Recv(message, 0, 1, MPI.LONG, source, tag);
      return;
    }
    if (TimedReceive.receive(comm, message, 0, 1, MPI.LONG, source, tag,
        System.nanoTime() + receiving.timeoutNanos()) == null) {
      throw new IllegalStateException(receiving.kernel() + ": no baseline " + what + " within "
          + receiving.timeoutNanos() / 1_000_000 + " ms");
    }
  }
}
