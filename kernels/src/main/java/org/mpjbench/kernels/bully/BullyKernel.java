package org.mpjbench.kernels.bully;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.election.CoordinatorAgreement;
import org.mpjbench.kernels.election.ElectionKernel;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.election.ElectionSetup;
import org.mpjbench.kernels.election.RankReport;
import org.mpjbench.kernels.mpi.Outbox;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.program.RankContext;

/**
 * The Bully election over MPJ ranks.
 *
 * <p>The initiator holds an election: ELECTION to every higher rank. A live rank that receives
 * ELECTION answers OK and holds its own election (once). A rank that gets no OK within {@code
 * --timeout-ms} declares itself coordinator and sends COORDINATOR to every lower rank; a rank that
 * got an OK waits for a COORDINATOR for twice the timeout and holds its election again if none
 * comes (counted as a restart). Every live rank stops as soon as it knows the coordinator; an
 * ELECTION it has not read by then (or anything sent to a crashed rank) stays unread until the
 * election is over, which blocks nobody: every send is an {@code Isend} settled afterwards ({@link
 * Outbox}), since MPJ's multicore device sends by rendezvous, and nobody waits for an answer once
 * the coordinator is known. Ranks below the initiator only wait for the COORDINATOR, within a hard bound.
 *
 * <p>Each rank waits for any of the three kinds at once (a receive with {@code ANY_TAG}), which is
 * safe because the election runs on a duplicate of the communicator: the final Gather's messages
 * live in another context. After it, every rank (crashed ones too) gathers to rank 0 its belief,
 * the time it learned it (from the Barrier just before the election, on its own clock) and its
 * message counts.
 *
 * <p>Trace events ({@code --trace}) of the live ranks: {@code election-start} each time a rank
 * holds an election ({@code restart}: after waiting in vain for a COORDINATOR); {@code send} and
 * {@code receive} of every ELECTION, OK and COORDINATOR; {@code coordinator} when the rank knows
 * the coordinator ({@code afterNanos}: since the Barrier; {@code self}: it declared itself).
 *
 * <p>Messages (all {@code long} arrays of one element):
 *
 * <ul>
 *   <li>{@link #TAG_ELECTION}: {@code [sender]}
 *   <li>{@link #TAG_OK}: {@code [sender]}
 *   <li>{@link #TAG_COORDINATOR}: {@code [coordinator]}
 * </ul>
 */
public final class BullyKernel extends ElectionKernel<BullyResult> {
  /** Tag of the ELECTION message. */
  public static final int TAG_ELECTION = 261;
  /** Tag of the OK answer. */
  public static final int TAG_OK = 262;
  /** Tag of the COORDINATOR announcement. */
  public static final int TAG_COORDINATOR = 263;

  /** Report counter: ELECTION sends. */
  public static final int COUNT_ELECTION = 0;
  /** Report counter: OK sends. */
  public static final int COUNT_OK = 1;
  /** Report counter: COORDINATOR sends. */
  public static final int COUNT_COORDINATOR = 2;
  /** Report counter: elections held again (not a message). */
  public static final int COUNT_RESTARTS = 3;

  /** The wait for a COORDINATOR after an OK, in timeouts. */
  private static final int COORDINATOR_WAIT_TIMEOUTS = 2;

  /** A kernel that runs with these parameters. */
  public BullyKernel(ElectionParameters parameters) {
    super(parameters);
  }

  @Override
  protected RankReport elect(RankContext context, Intracomm election, Outbox outbox,
      ElectionSetup setup, long startNanos) throws MPIException {
    return new Member(context, election, outbox, setup, parameters.timeoutMs())
        .elect(startNanos);
  }

  /** Every message is one {@code long}. */
  @Override
  protected int maxMessageLongs(int ranks) {
    return 1;
  }

  @Override
  protected PropertyCheck check(ElectionSetup setup, List<RankReport> reports) {
    return BullyCheck.check(setup, reports);
  }

  @Override
  protected BullyResult result(PropertyCheck check, ElectionSetup setup, List<RankReport> reports,
      long[] latency) {
    long elections = RankReport.total(reports, COUNT_ELECTION);
    long oks = RankReport.total(reports, COUNT_OK);
    long coordinators = RankReport.total(reports, COUNT_COORDINATOR);
    return new BullyResult(
        check,
        elections + oks + coordinators,
        elections,
        oks,
        coordinators,
        RankReport.total(reports, COUNT_RESTARTS),
        RankReport.totalUnread(reports),
        BullyBounds.of(setup),
        setup.crashedRanks(),
        setup.initiator(),
        setup.highestLive(),
        RankReport.beliefs(reports),
        reports.stream().mapToLong(RankReport::learnedAfterNanos).toArray(),
        latency[0],
        latency[1],
        parameters.timeoutMs(),
        CoordinatorAgreement.latencies(setup, reports));
  }

  /** One live rank's part: an event loop over the three message kinds and two timers. */
  private static final class Member extends LiveRank {
    private final boolean initiator;
    private final long hardBoundNanos;
    private final long[] buffer = new long[1];

    private long startNanos;
    private long coordinator = RankReport.UNKNOWN;
    private boolean electing;
    private boolean gotOk;
    /** While electing without an OK: when to declare victory. */
    private long okDeadlineNanos;
    /** After an OK: when to give up waiting for the COORDINATOR and hold the election again. */
    private long coordinatorDeadlineNanos;

    Member(RankContext context, Intracomm comm, Outbox outbox, ElectionSetup setup,
        long timeoutMs) {
      super(context, comm, outbox, setup, timeoutMs);
      this.initiator = rank == setup.initiator();
      // Far beyond the slowest correct election: every rank holding one after the other.
      this.hardBoundNanos =
          (long) (ranks + 1) * (COORDINATOR_WAIT_TIMEOUTS + 1) * timeoutNanos + HARD_SLACK_NANOS;
    }

    RankReport elect(long startNanos) throws MPIException {
      this.startNanos = startNanos;
      long hardDeadlineNanos = startNanos + hardBoundNanos;
      if (initiator) {
        holdElection(false);
      }
      while (coordinator == RankReport.UNKNOWN) {
        long timer = hardDeadlineNanos;
        if (electing && !gotOk) {
          timer = Math.min(timer, okDeadlineNanos);
        } else if (gotOk) {
          timer = Math.min(timer, coordinatorDeadlineNanos);
        }
        Status status = TimedReceive.receive(comm, buffer, 0, 1, MPI.LONG, MPI.ANY_SOURCE,
            MPI.ANY_TAG, timer);
        if (status != null) {
          handle(status.tag, status.source);
          continue;
        }
        long now = System.nanoTime();
        if (electing && !gotOk && now - okDeadlineNanos >= 0) {
          declareVictory();
        } else if (gotOk && now - coordinatorDeadlineNanos >= 0) {
          sent[COUNT_RESTARTS]++;
          holdElection(true);
        } else if (now - hardDeadlineNanos >= 0) {
          throw new IllegalStateException("bully election: rank " + rank + " learned no"
              + " coordinator within " + TimeUnit.NANOSECONDS.toMillis(hardBoundNanos) + " ms");
        }
      }
      return new RankReport(rank, coordinator, System.nanoTime() - startNanos, 0, sent);
    }

    private void handle(int tag, int source) throws MPIException {
      events.event("receive").with("message", nameOf(tag)).with("from", source).emit();
      switch (tag) {
        case TAG_ELECTION -> {
          send(source, TAG_OK, rank, COUNT_OK);
          if (!electing) {
            holdElection(false);
          }
        }
        case TAG_OK -> {
          gotOk = true;
          coordinatorDeadlineNanos =
              System.nanoTime() + COORDINATOR_WAIT_TIMEOUTS * timeoutNanos;
        }
        case TAG_COORDINATOR -> {
          coordinator = buffer[0];
          learned(false);
        }
        default -> throw new IllegalStateException("bully election: rank " + rank
            + " received a message with tag " + tag + " from rank " + source
            + " on the election's own communicator");
      }
    }

    private void holdElection(boolean restart) throws MPIException {
      events.event("election-start").with("restart", restart).emit();
      electing = true;
      gotOk = false;
      List<Integer> higher = BullyContacts.electionTargets(rank, ranks);
      if (higher.isEmpty()) {
        declareVictory();
        return;
      }
      for (int target : higher) {
        send(target, TAG_ELECTION, rank, COUNT_ELECTION);
      }
      okDeadlineNanos = System.nanoTime() + timeoutNanos;
    }

    private void declareVictory() throws MPIException {
      coordinator = rank;
      learned(true);
      for (int target : BullyContacts.coordinatorTargets(rank)) {
        send(target, TAG_COORDINATOR, rank, COUNT_COORDINATOR);
      }
    }

    private void send(int target, int tag, long value, int counter) throws MPIException {
      outbox.send(new long[] {value}, target, tag);
      sent[counter]++;
      events.event("send").with("message", nameOf(tag)).with("to", target).emit();
    }

    private void learned(boolean self) {
      events.event("coordinator").with("coordinator", coordinator)
          .with("afterNanos", System.nanoTime() - startNanos).with("self", self).emit();
    }

    private static String nameOf(int tag) {
      return switch (tag) {
        case TAG_ELECTION -> "ELECTION";
        case TAG_OK -> "OK";
        case TAG_COORDINATOR -> "COORDINATOR";
        default -> "tag " + tag;
      };
    }
  }
}
