package org.mpjbench.kernels.ring;

import java.util.Set;
import org.mpjbench.kernels.election.ElectionSetup;

/**
 * How many messages a ring election sends, predicted from the configuration alone. With n live
 * ranks (n at least 2) each live rank forwards ELECTION once and COORDINATOR once, each forward
 * acknowledged; the ELECTION pass also tries every crashed rank exactly once (the live rank before
 * it skips over it after a missing acknowledgement), while the COORDINATOR pass reuses the live
 * successor each rank found and tries no crashed rank. With one live rank nothing is forwarded
 * (the message would come straight back) but the crashed ranks are still tried.
 */
public final class RingPrediction {
  private RingPrediction() {}

  /**
   * Messages by type.
   *
   * @param election ELECTION sends, the unacknowledged attempts included
   * @param coordinator COORDINATOR sends
   * @param acks ACK sends
   * @param unacknowledged ELECTION sends to crashed ranks (part of {@code election})
   */
  public record Counts(long election, long coordinator, long acks, long unacknowledged) {
    /** All messages sent. */
    public long total() {
      return election + coordinator + acks;
    }
  }

  /** The counts for K = {@code ranks}, the given crashed ranks and a live initiator. */
  public static Counts counts(int ranks, Set<Integer> crashed, int initiator) {
    ElectionSetup setup =
        new ElectionSetup(ranks, crashed.stream().sorted().toList(), initiator);
    int live = setup.liveCount();
    long forwards = live >= 2 ? live : 0;
    long skipped = setup.crashedRanks().size();
    return new Counts(forwards + skipped, forwards, 2 * forwards, skipped);
  }

  /** All messages sent: {@code 2f + c + 2f} with f the forwards per pass and c the crashed ranks. */
  public static long messages(int ranks, Set<Integer> crashed, int initiator) {
    return counts(ranks, crashed, initiator).total();
  }
}
