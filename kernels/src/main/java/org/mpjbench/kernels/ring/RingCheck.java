package org.mpjbench.kernels.ring;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.election.CoordinatorAgreement;
import org.mpjbench.kernels.election.ElectionSetup;
import org.mpjbench.kernels.election.RankReport;

/**
 * The ring election's verdict on its gathered trace: every live rank believes the highest live
 * rank is the coordinator, and the ranks sent exactly the messages {@link RingPrediction}
 * predicts. Pure, so good and bad traces can be fed to it in tests.
 */
public final class RingCheck {
  private RingCheck() {}

  /** The verdict for the reports of every rank (by rank) of an election with {@code setup}. */
  public static PropertyCheck check(ElectionSetup setup, List<RankReport> reports) {
    PropertyCheck agreement =
        CoordinatorAgreement.check(setup, RankReport.beliefs(reports));
    RingPrediction.Counts predicted = RingPrediction.counts(
        setup.ranks(), Set.copyOf(setup.crashedRanks()), setup.initiator());
    RingPrediction.Counts counted = counted(reports);
    boolean same = predicted.equals(counted);
    String detail = String.format(Locale.ROOT,
        "messages counted %d (election %d of which %d unacknowledged, coordinator %d, ack %d),"
            + " predicted %d%s",
        counted.total(), counted.election(), counted.unacknowledged(), counted.coordinator(),
        counted.acks(), predicted.total(),
        same ? "" : String.format(Locale.ROOT,
            " (election %d of which %d unacknowledged, coordinator %d, ack %d)",
            predicted.election(), predicted.unacknowledged(), predicted.coordinator(),
            predicted.acks()));
    return CoordinatorAgreement.and(agreement, same, "messages as predicted", detail);
  }

  /** The counts the ranks reported, summed. */
  public static RingPrediction.Counts counted(List<RankReport> reports) {
    return new RingPrediction.Counts(
        RankReport.total(reports, RingKernel.COUNT_ELECTION),
        RankReport.total(reports, RingKernel.COUNT_COORDINATOR),
        RankReport.total(reports, RingKernel.COUNT_ACK),
        RankReport.total(reports, RingKernel.COUNT_UNACKNOWLEDGED));
  }
}
