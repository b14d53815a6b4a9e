package org.mpjbench.kernels.cristian;

import java.util.Arrays;
import org.mpjbench.kernels.mpi.PingPong;

/**
 * A client's side of Cristian's algorithm, without MPI: it takes the exchanges one by one (client
 * clock at request, server reading, client clock at receipt) and keeps the one with the shortest
 * round trip, whose estimate {@code server + roundTrip / 2} is wrong by at most half that round
 * trip (the server read its clock somewhere inside the round trip). Not thread-safe.
 */
public final class CristianEstimator {
  private final long[] roundTripsNanos;
  private int count;
  private long bestRoundTripNanos = Long.MAX_VALUE;
  private long bestOffsetNanos;
  private long bestReceiptNanos;
  private int bestIndex = -1;

  /** An estimator for up to {@code samples} exchanges. */
  public CristianEstimator(int samples) {
    this.roundTripsNanos = new long[samples];
  }

  /**
   * Records one exchange, all times on the client's clock except {@code serverClockNanos}.
   *
   * @return the offset this exchange alone suggests: {@code server + rtt/2 - clientReceive}
   */
  public long add(long clientSendNanos, long serverClockNanos, long clientReceiveNanos) {
    long roundTrip = clientReceiveNanos - clientSendNanos;
    if (roundTrip < 0) {
      throw new IllegalArgumentException("negative round trip " + roundTrip + " ns");
    }
    if (count == roundTripsNanos.length) {
      throw new IllegalStateException("more than " + count + " samples");
    }
    roundTripsNanos[count++] = roundTrip;
    long offset = serverClockNanos + roundTrip / 2 - clientReceiveNanos;
    if (roundTrip < bestRoundTripNanos) {
      bestRoundTripNanos = roundTrip;
      bestOffsetNanos = offset;
      bestReceiptNanos = clientReceiveNanos;
      bestIndex = count - 1;
    }
    return offset;
  }

  /** Exchanges recorded so far. */
  public int count() {
    return count;
  }

  /** The shortest round trip seen. */
  public long minRoundTripNanos() {
    requireSamples();
    return bestRoundTripNanos;
  }

  /** The correction to step the clock by: the offset of the shortest exchange. */
  public long offsetNanos() {
    requireSamples();
    return bestOffsetNanos;
  }

  /** The client clock's reading when the kept exchange's reply arrived. */
  public long bestReceiptNanos() {
    requireSamples();
    return bestReceiptNanos;
  }

  /** The position (0-based, in the order added) of the kept exchange. */
  public int bestIndex() {
    requireSamples();
    return bestIndex;
  }

  /** The median round trip (mean of the two middle values for an even count). */
  public long medianRoundTripNanos() {
    requireSamples();
    return PingPong.median(Arrays.copyOf(roundTripsNanos, count));
  }

  private void requireSamples() {
    if (count == 0) {
      throw new IllegalStateException("no exchange recorded yet");
    }
  }
}
