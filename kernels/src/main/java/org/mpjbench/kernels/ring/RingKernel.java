package org.mpjbench.kernels.ring;

import java.util.List;
import java.util.Set;
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
 * Ring election over MPJ ranks on the logical ring 0, 1, ..., K-1, 0.
 *
 * <p>The initiator sends ELECTION, carrying the ids collected so far, to its successor; each live
 * rank acknowledges it at once, appends its id and forwards it. A forward not acknowledged within
 * {@code --timeout-ms} means the successor has crashed: the sender tries the next rank, so the
 * message travels the ring of live ranks. Back at the initiator, the highest id is the coordinator,
 * and a COORDINATOR message goes around the live ring once (each rank forwards it to the live
 * successor it found during the ELECTION pass). Crashed ranks receive nothing; what is sent to
 * them stays unread until the election is over, and blocks nobody: every send is an {@code Isend}
 * settled afterwards ({@link Outbox}), since MPJ's multicore device sends by rendezvous.
 *
 * <p>The election runs on a duplicate of the communicator, so its messages can never be mistaken
 * for the final Gather's. After it, every rank (crashed ones too) gathers to rank 0 its belief, the
 * time it learned it (from the Barrier just before the election, on its own clock) and its message
 * counts.
 *
 * <p>Trace events ({@code --trace}) of the live ranks: {@code election-start} on the initiator;
 * {@code send} and {@code receive} of every ELECTION (with the {@code ids} it carries) and
 * COORDINATOR, {@code unacknowledged} when a successor did not answer (it is skipped), and {@code
 * coordinator} when the rank learns the coordinator ({@code afterNanos}: since the Barrier).
 * Acknowledgements are not traced.
 *
 * <p>Messages (all {@code long} arrays):
 *
 * <ul>
 *   <li>{@link #TAG_ELECTION}: {@code [count, id1, ..., idK]} ({@link ElectionList})
 *   <li>{@link #TAG_COORDINATOR}: {@code [coordinator, initiator]}
 *   <li>{@link #TAG_ACK}: {@code [tag acknowledged]}
 * </ul>
 */
public final class RingKernel extends ElectionKernel<RingResult> {
  /** Tag of the ELECTION message. */
  public static final int TAG_ELECTION = 241;
  /** Tag of the COORDINATOR message. */
  public static final int TAG_COORDINATOR = 242;
  /** Tag of an acknowledgement of either. */
  public static final int TAG_ACK = 243;

  /** Report counter: ELECTION sends, unacknowledged attempts included. */
  public static final int COUNT_ELECTION = 0;
  /** Report counter: COORDINATOR sends. */
  public static final int COUNT_COORDINATOR = 1;
  /** Report counter: ACK sends. */
  public static final int COUNT_ACK = 2;
  /** Report counter: sends that got no acknowledgement (the successor had crashed). */
  public static final int COUNT_UNACKNOWLEDGED = 3;

  /** A kernel that runs with these parameters. */
  public RingKernel(ElectionParameters parameters) {
    super(parameters);
  }

  @Override
  protected RankReport elect(RankContext context, Intracomm ring, Outbox outbox,
      ElectionSetup setup, long startNanos) throws MPIException {
    return new Member(context, ring, outbox, setup, parameters.timeoutMs()).elect(startNanos);
  }

  /** The ELECTION message, with every rank's id. */
  @Override
  protected int maxMessageLongs(int ranks) {
    return ElectionList.length(ranks);
  }

  @Override
  protected PropertyCheck check(ElectionSetup setup, List<RankReport> reports) {
    return RingCheck.check(setup, reports);
  }

  @Override
  protected RingResult result(PropertyCheck check, ElectionSetup setup, List<RankReport> reports,
      long[] latency) {
    RingPrediction.Counts counted = RingCheck.counted(reports);
    RingPrediction.Counts predicted = RingPrediction.counts(
        setup.ranks(), Set.copyOf(setup.crashedRanks()), setup.initiator());
    return new RingResult(
        check,
        counted.total(),
        predicted.total(),
        RankReport.totalUnread(reports),
        counted,
        predicted,
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

  /** One live rank's part in the election. */
  private static final class Member extends LiveRank {
    private final int initiator;
    private final long hardBoundNanos;
    private final long[] ack = new long[1];
    private long hardDeadlineNanos;

    Member(RankContext context, Intracomm ring, Outbox outbox, ElectionSetup setup,
        long timeoutMs) {
      super(context, ring, outbox, setup, timeoutMs);
      this.initiator = setup.initiator();
      // Far beyond the slowest correct election: every rank skipped twice, plus slack.
      this.hardBoundNanos = 2L * (ranks + 1) * timeoutNanos + HARD_SLACK_NANOS;
    }

    RankReport elect(long startNanos) throws MPIException {
      hardDeadlineNanos = startNanos + hardBoundNanos;
      long belief;
      long learnedNanos;
      if (rank == initiator) {
        events.event("election-start").with("initiator", rank).emit();
        long[] election = ElectionList.start(ranks, rank);
        int successor = forward(RingRoute.next(rank, ranks), TAG_ELECTION, election);
        long[] back = successor == rank ? election : receive(TAG_ELECTION, "its ELECTION back");
        belief = ElectionList.highest(back);
        learnedNanos = System.nanoTime();
        learned(belief, learnedNanos - startNanos);
        if (successor != rank) {
          forward(successor, TAG_COORDINATOR, new long[] {belief, initiator});
          receive(TAG_COORDINATOR, "its COORDINATOR back");
        }
      } else {
        long[] election = ElectionList.append(receive(TAG_ELECTION, "an ELECTION"), rank);
        int successor = forward(RingRoute.next(rank, ranks), TAG_ELECTION, election);
        long[] coordinator = receive(TAG_COORDINATOR, "a COORDINATOR");
        belief = coordinator[0];
        learnedNanos = System.nanoTime();
        learned(belief, learnedNanos - startNanos);
        forward(successor, TAG_COORDINATOR, new long[] {coordinator[0], coordinator[1]});
      }
      return new RankReport(rank, belief, learnedNanos - startNanos, 0, sent);
    }

    private void learned(long coordinator, long afterNanos) {
      events.event("coordinator").with("coordinator", coordinator)
          .with("afterNanos", afterNanos).emit();
    }

    private static String nameOf(int tag) {
      return tag == TAG_ELECTION ? "ELECTION" : "COORDINATOR";
    }

    /**
     * Sends {@code message} to {@code first}, or past it to the first rank that acknowledges;
     * returns that rank, or this rank when the ring came back to it (nothing else is live).
     */
    private int forward(int first, int tag, long[] message) throws MPIException {
      int candidate = first;
      while (candidate != rank) {
        outbox.send(message, candidate, tag);
        sent[tag == TAG_ELECTION ? COUNT_ELECTION : COUNT_COORDINATOR]++;
        events.event("send").with("message", nameOf(tag)).with("to", candidate)
            // An ELECTION's first long is its count of ids, a COORDINATOR's the coordinator.
            .with(tag == TAG_ELECTION ? "ids" : "coordinator", message[0]).emit();
        if (acknowledged(candidate, tag)) {
          return candidate;
        }
        sent[COUNT_UNACKNOWLEDGED]++;
        events.event("unacknowledged").with("message", nameOf(tag)).with("to", candidate)
            .emit();
        candidate = RingRoute.next(candidate, ranks);
      }
      return rank;
    }

    /** Waits up to the timeout for {@code peer}'s ACK of {@code tag}; stale ACKs are skipped. */
    private boolean acknowledged(int peer, int tag) throws MPIException {
      long deadline = System.nanoTime() + timeoutNanos;
      while (TimedReceive.receive(comm, ack, 0, 1, MPI.LONG, peer, TAG_ACK, deadline) != null) {
        if (ack[0] == tag) {
          return true;
        }
      }
      return false;
    }

    /** Receives the next {@code tag} message from anyone, acknowledges it, returns it. */
    private long[] receive(int tag, String what) throws MPIException {
      long[] buffer = new long[ElectionList.length(ranks)];
      Status status = TimedReceive.receive(comm, buffer, 0, buffer.length, MPI.LONG,
          MPI.ANY_SOURCE, tag, hardDeadlineNanos);
      if (status == null) {
        throw new IllegalStateException("ring election: rank " + rank + " received no " + what
            + " within " + TimeUnit.NANOSECONDS.toMillis(hardBoundNanos) + " ms");
      }
      events.event("receive").with("message", nameOf(tag)).with("from", status.source).emit();
      outbox.send(new long[] {tag}, status.source, TAG_ACK);
      sent[COUNT_ACK]++;
      return buffer;
    }
  }
}
