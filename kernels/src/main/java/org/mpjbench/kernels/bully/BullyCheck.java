package org.mpjbench.kernels.bully;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.election.CoordinatorAgreement;
import org.mpjbench.kernels.election.ElectionSetup;
import org.mpjbench.kernels.election.RankReport;

/**
 * The Bully election's verdict on its gathered trace: every live rank believes the highest live
 * rank is the coordinator, and the messages counted lie within the configuration's bounds ({@link
 * BullyBounds}). Pure, so good and bad traces can be fed to it in tests.
 */
public final class BullyCheck {
  private BullyCheck() {}

  /** The verdict for the reports of every rank (by rank) of an election with {@code setup}. */
  public static PropertyCheck check(ElectionSetup setup, List<RankReport> reports) {
    PropertyCheck agreement =
        CoordinatorAgreement.check(setup, RankReport.beliefs(reports));
    BullyBounds bounds = BullyBounds.of(setup);
    long election = RankReport.total(reports, BullyKernel.COUNT_ELECTION);
    long ok = RankReport.total(reports, BullyKernel.COUNT_OK);
    long coordinator = RankReport.total(reports, BullyKernel.COUNT_COORDINATOR);
    long messages = election + ok + coordinator;
    String detail = String.format(Locale.ROOT,
        "messages counted %d (election %d, ok %d, coordinator %d), bounds for this configuration"
            + " %d to %d (textbook: best case n-1 = %d, worst case K²-1 = %d)",
        messages, election, ok, coordinator, bounds.lower(), bounds.upper(), bounds.bestCase(),
        bounds.worstCase());
    return CoordinatorAgreement.and(agreement, bounds.contains(messages),
        "messages within bounds", detail);
  }
}
