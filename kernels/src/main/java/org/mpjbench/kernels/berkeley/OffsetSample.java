package org.mpjbench.kernels.berkeley;

import java.util.List;

/**
 * One poll of a slave by the master, reduced to what the estimate needs: the round trip as the
 * master's clock measured it, and the slave's offset from the master assuming the reply took half
 * of it (Cristian's compensation). The error of that assumption is at most half the round trip, so
 * of several samples the one with the shortest round trip is the most trustworthy.
 *
 * @param roundTripNanos master clock time from sending the poll to receiving the reading
 * @param offsetNanos estimated slave clock minus master clock (positive: slave ahead)
 */
public record OffsetSample(long roundTripNanos, long offsetNanos) {

  /** Validates that the round trip is not negative. */
  public OffsetSample {
    if (roundTripNanos < 0) {
      throw new IllegalArgumentException("negative round trip: " + roundTripNanos + " ns");
    }
  }

  /**
   * The sample from one exchange: the master sent at {@code masterSendNanos}, the slave read
   * {@code slaveReadingNanos}, the master received it at {@code masterReceiveNanos} (both master
   * times on the master's clock). The slave's reading is taken to belong to the midpoint.
   */
  public static OffsetSample fromExchange(
      long masterSendNanos, long slaveReadingNanos, long masterReceiveNanos) {
    long roundTrip = masterReceiveNanos - masterSendNanos;
    if (roundTrip < 0) {
      throw new IllegalArgumentException(
          "reply received before the poll was sent (" + roundTrip + " ns): master clock went back");
    }
    long midpoint = masterSendNanos + roundTrip / 2;
    return new OffsetSample(roundTrip, slaveReadingNanos - midpoint);
  }

  /**
   * The sample from one exchange with four timestamps, as NTP takes them: the master sent at
   * {@code masterSendNanos}, the slave received the poll at {@code slaveReceiveNanos} and sent its
   * reply at {@code slaveSendNanos} (slave clock), the master received it at {@code
   * masterReceiveNanos}. The round trip leaves out the slave's own time between receiving and
   * replying, and the offset is the mean of the two one-way differences, so a slave preempted
   * between its two timestamps does not bias the estimate.
   */
  public static OffsetSample fromExchange(long masterSendNanos, long slaveReceiveNanos,
      long slaveSendNanos, long masterReceiveNanos) {
    long total = masterReceiveNanos - masterSendNanos;
    long atSlave = slaveSendNanos - slaveReceiveNanos;
    if (total < 0 || atSlave < 0) {
      throw new IllegalArgumentException("a clock went back in one exchange (master " + total
          + " ns, slave " + atSlave + " ns)");
    }
    long roundTrip = Math.max(0, total - atSlave);
    // ((T2 - T1) + (T3 - T4)) / 2, summed as differences so that large offsets cannot overflow
    long offset = Math.floorDiv(
        (slaveReceiveNanos - masterSendNanos) + (slaveSendNanos - masterReceiveNanos), 2);
    return new OffsetSample(roundTrip, offset);
  }

  /** The sample with the shortest round trip; the earliest wins a tie. */
  public static OffsetSample best(List<OffsetSample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples to choose from");
    }
    OffsetSample best = samples.get(0);
    for (OffsetSample sample : samples) {
      if (sample.roundTripNanos < best.roundTripNanos) {
        best = sample;
      }
    }
    return best;
  }
}
