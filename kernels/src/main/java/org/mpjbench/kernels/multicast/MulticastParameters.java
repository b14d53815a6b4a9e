package org.mpjbench.kernels.multicast;

import java.util.concurrent.TimeUnit;
import org.mpjbench.kernels.mpi.TimedReceive;

/**
 * Everything a multicast run is told, with its units in the names; checked when made, with
 * messages naming the option.
 *
 * @param messages messages multicast to the group in all (split among the senders under total
 *     order)
 * @param mode {@code bcast} (MPI Bcast) or {@code p2p} (one Isend per member)
 * @param totalOrder {@code none} (rank 0 is the only sender) or {@code sequencer} (every rank
 *     sends, rank 0 orders)
 * @param payloadLongs longs of payload after the fixed header of each message
 * @param seed seed of the senders' interleaving under total order
 * @param timeoutMs longest wait for any one message before the run fails
 */
public record MulticastParameters(
    int messages, String mode, String totalOrder, int payloadLongs, long seed, long timeoutMs) {

  /** The defaults the launcher shows in {@code --help}. */
  public static final MulticastParameters DEFAULTS =
      new MulticastParameters(200, "bcast", "none", 8, 1L, 10_000L);

  private static final int MAX_MESSAGES = 1_000_000;
  private static final int MAX_PAYLOAD = 1 << 16;

  /** Checks every value; the message names the option at fault. */
  public MulticastParameters {
    if (messages < 1 || messages > MAX_MESSAGES) {
      throw new IllegalArgumentException(
          "--messages must be between 1 and " + MAX_MESSAGES + ", got " + messages);
    }
    if (!"bcast".equals(mode) && !"p2p".equals(mode)) {
      throw new IllegalArgumentException("--mode must be bcast or p2p, got " + mode);
    }
    if (!"none".equals(totalOrder) && !"sequencer".equals(totalOrder)) {
      throw new IllegalArgumentException(
          "--total-order must be none or sequencer, got " + totalOrder);
    }
    if (payloadLongs < 0 || payloadLongs > MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "--payload-longs must be between 0 and " + MAX_PAYLOAD + ", got " + payloadLongs);
    }
    TimedReceive.checkTimeoutMs(timeoutMs);
  }

  /** True with the sequencer's total order. */
  public boolean sequenced() {
    return "sequencer".equals(totalOrder);
  }

  /** True when members receive by MPI Bcast. */
  public boolean bcast() {
    return "bcast".equals(mode);
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
