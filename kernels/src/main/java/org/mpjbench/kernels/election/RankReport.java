package org.mpjbench.kernels.election;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;

/**
 * What one rank reports after an election, gathered to rank 0 as a fixed layout of {@value
 * #LENGTH} longs: {@code [belief, learnedAfterNanos, unread, sent0, sent1, sent2, sent3]}. The
 * meaning of the four counters is the kernel's (per message type).
 *
 * @param rank the reporting rank
 * @param belief the rank it believes to be the coordinator, or {@link #UNKNOWN}
 * @param learnedAfterNanos time from this rank leaving the Barrier before the election to its
 *     learning the coordinator, on its own clock, or {@link #UNKNOWN}
 * @param unread messages sent to this rank that it never read, discarded after the election
 * @param sent the four message counters
 */
public record RankReport(int rank, long belief, long learnedAfterNanos, long unread, long[] sent) {
  /** A belief or time a rank does not have (crashed ranks report it for both). */
  public static final long UNKNOWN = -1;
  /** Longs in one report. */
  public static final int LENGTH = 7;
  /** Message counters in one report. */
  public static final int COUNTERS = 4;

  /** Checks the counters' number. */
  public RankReport {
    if (sent.length != COUNTERS) {
      throw new IllegalArgumentException("a report has " + COUNTERS + " counters, got "
          + sent.length);
    }
    sent = sent.clone();
  }

  /** The report of a rank that ignored the election. */
  public static RankReport crashed(int rank) {
    return new RankReport(rank, UNKNOWN, UNKNOWN, 0, new long[COUNTERS]);
  }

  /** This report with the number of messages discarded unread. */
  public RankReport withUnread(long discarded) {
    return new RankReport(rank, belief, learnedAfterNanos, discarded, sent);
  }

  /** This report in its wire layout. */
  public long[] toLongs() {
    long[] out = new long[LENGTH];
    out[0] = belief;
    out[1] = learnedAfterNanos;
    out[2] = unread;
    System.arraycopy(sent, 0, out, 3, COUNTERS);
    return out;
  }

  /** Rank {@code rank}'s report read from {@code all} (the gathered layouts, rank after rank). */
  public static RankReport fromLongs(int rank, long[] all) {
    int at = rank * LENGTH;
    return new RankReport(rank, all[at], all[at + 1], all[at + 2],
        Arrays.copyOfRange(all, at + 3, at + 3 + COUNTERS));
  }

  /** Every rank's report at rank 0 (collective; crashed ranks take part too); null elsewhere. */
  public static List<RankReport> gather(Intracomm comm, int size, RankReport mine)
      throws MPIException {
    long[] all = new long[size * LENGTH];
    comm.Gather(mine.toLongs(), 0, LENGTH, MPI.LONG, all, 0, LENGTH, MPI.LONG, 0);
    if (comm.Rank() != 0) {
      return null;
    }
    List<RankReport> reports = new ArrayList<>(size);
    for (int rank = 0; rank < size; rank++) {
      reports.add(fromLongs(rank, all));
    }
    return reports;
  }

  /** The beliefs of all ranks, by rank. */
  public static long[] beliefs(List<RankReport> reports) {
    return reports.stream().mapToLong(RankReport::belief).toArray();
  }

  /** Messages discarded unread, over all ranks. */
  public static long totalUnread(List<RankReport> reports) {
    return reports.stream().mapToLong(RankReport::unread).sum();
  }

  /** The sum of counter {@code counter} over all ranks. */
  public static long total(List<RankReport> reports, int counter) {
    return reports.stream().mapToLong(r -> r.sent()[counter]).sum();
  }
}
