package org.mpjbench.benchmarks;

import java.util.Arrays;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;

/**
 * The data check of the OSU-style sweep, as OSU's {@code -c}: before an operation is timed at a
 * size, it runs once with every message filled with a pattern of its own (which depends on the
 * size, the sender and the receiver, and changes from byte to byte), and every rank compares what
 * it received with what must have arrived. A latency measured on messages that arrive wrong means
 * nothing, so a mismatch fails the bench, naming the operation, the size, the rank, the byte and
 * both values. The check is outside the timed iterations and uses their buffers' sizes and MPI
 * calls, not their buffers' contents (the timed iterations send zeros, as OSU's do without
 * {@code -c}).
 */
final class SizeValidation {
  private static final int TAG_DATA = 321;
  private static final int TAG_REPLY = 322;
  /** A rank's verdict: the first wrong byte (-1 for none), its expected and received values, and
   * the rank whose data it was (-1 for a reduction's result). */
  private static final int VERDICT_INTS = 4;
  /** Bytes the bandwidth check sends in all, at most, once the window's messages are large. */
  private static final int WINDOW_CHECK_BYTES = 4 << 20;

  private SizeValidation() {}

  /**
   * Checks one operation of the sweep at one size on every rank.
   *
   * @param operation the kind's name ({@link SizeOps.Kind#name})
   * @param bytes the message size
   */
  record Validate(String operation, int bytes) implements CollectiveOp {
    @Override
    public long run(RankState state) throws MPIException {
      int[] verdict = SizeOps.kind(operation).check().verdict(state, bytes);
      int[] all = new int[VERDICT_INTS * state.size()];
      state.comm().Gather(verdict, 0, VERDICT_INTS, MPI.INT, all, 0, VERDICT_INTS, MPI.INT, 0);
      if (state.rank() == 0) {
        String wrong = firstWrong(operation, bytes, all);
        if (wrong != null) {
          throw new IllegalStateException(wrong);
        }
      }
      return 0;
    }
  }

  /** The byte at {@code index} of the message from rank {@code from} to rank {@code to}. */
  static byte expected(int bytes, int from, int to, int index) {
    int x = (bytes * 31 + from) * 31 + to + 1;
    x = x * 0x9E3779B1 + index * 0x85EBCA6B;
    return (byte) (x ^ (x >>> 15) ^ (x >>> 24));
  }

  /**
   * Fills {@code length} bytes at {@code offset} with the message from {@code from} to {@code to}.
   */
  static void fill(byte[] buffer, int offset, int length, int bytes, int from, int to) {
    for (int i = 0; i < length; i++) {
      buffer[offset + i] = expected(bytes, from, to, i);
    }
  }

  /**
   * The verdict on {@code length} received bytes at {@code offset}, which must be the message from
   * {@code from} to {@code to}: the first wrong byte with its expected and received value, or -1.
   */
  static int[] verdict(byte[] buffer, int offset, int length, int bytes, int from, int to) {
    for (int i = 0; i < length; i++) {
      byte want = expected(bytes, from, to, i);
      if (buffer[offset + i] != want) {
        return new int[] {i, want & 0xff, buffer[offset + i] & 0xff, from};
      }
    }
    return ok();
  }

  /** The verdict of a rank that received nothing wrong. */
  static int[] ok() {
    return new int[] {-1, 0, 0, 0};
  }

  /** The message for the first wrong byte among every rank's verdicts, or null when none is. */
  static String firstWrong(String operation, int bytes, int[] verdicts) {
    for (int rank = 0; rank < verdicts.length / VERDICT_INTS; rank++) {
      int at = rank * VERDICT_INTS;
      if (verdicts[at] >= 0) {
        String whose = verdicts[at + 3] < 0 ? "of the reduction"
            : "of rank " + verdicts[at + 3] + "'s message";
        return String.format(java.util.Locale.ROOT,
            "osu %s at %d B: rank %d received byte %d %s as 0x%02x, expected 0x%02x: MPI"
                + " delivered wrong data, so no figure of this run can be trusted",
            operation, bytes, rank, verdicts[at], whose, verdicts[at + 2], verdicts[at + 1]);
      }
    }
    return null;
  }

  /** Ranks 0 and 1 send each other a message; the other ranks have nothing to check. */
  static int[] pingPong(RankState state, int bytes) throws MPIException {
    Intracomm comm = state.comm();
    byte[] buffer = new byte[bytes];
    if (state.rank() == 0) {
      fill(buffer, 0, bytes, bytes, 0, 1);
      comm.Send(buffer, 0, bytes, MPI.BYTE, 1, TAG_DATA);
      Arrays.fill(buffer, (byte) 0);
      comm.Recv(buffer, 0, bytes, MPI.BYTE, 1, TAG_REPLY);
      return verdict(buffer, 0, bytes, bytes, 1, 0);
    }
    if (state.rank() == 1) {
      comm.Recv(buffer, 0, bytes, MPI.BYTE, 0, TAG_DATA);
      int[] verdict = verdict(buffer, 0, bytes, bytes, 0, 1);
      fill(buffer, 0, bytes, bytes, 1, 0);
      comm.Send(buffer, 0, bytes, MPI.BYTE, 0, TAG_REPLY);
      return verdict;
    }
    return ok();
  }

  /**
   * Messages from rank 0 to rank 1 with the non-blocking calls the bandwidth test's window uses,
   * each with a pattern of its own, one at a time so that the check needs one buffer a side: the
   * whole window's {@value SizeOps#WINDOW} up to 64 KiB, fewer above (4 MiB in all, at least 2).
   */
  static int[] window(RankState state, int bytes) throws MPIException {
    if (state.rank() > 1) {
      return ok();
    }
    Intracomm comm = state.comm();
    int messages = checkedMessages(bytes);
    byte[] buffer = new byte[bytes];
    for (int w = 0; w < messages; w++) {
      if (state.rank() == 0) {
        fill(buffer, 0, bytes, bytes, 0, w + 1);
        comm.Isend(buffer, 0, bytes, MPI.BYTE, 1, TAG_DATA).Wait();
      } else {
        comm.Irecv(buffer, 0, bytes, MPI.BYTE, 0, TAG_DATA).Wait();
        int[] verdict = verdict(buffer, 0, bytes, bytes, 0, w + 1);
        if (verdict[0] >= 0) {
          // The rest still arrive, so that rank 0's sends end.
          for (int rest = w + 1; rest < messages; rest++) {
            comm.Irecv(buffer, 0, bytes, MPI.BYTE, 0, TAG_DATA).Wait();
          }
          return verdict;
        }
      }
    }
    return ok();
  }

  /**
   * Messages both ways between ranks 0 and 1 with the bidirectional test's calls (a non-blocking
   * receive, then a non-blocking send), each with a pattern of its own, one pair at a time: as
   * many as the bandwidth check sends.
   */
  static int[] bothWays(RankState state, int bytes) throws MPIException {
    if (state.rank() > 1) {
      return ok();
    }
    Intracomm comm = state.comm();
    int peer = 1 - state.rank();
    int messages = checkedMessages(bytes);
    byte[] sent = new byte[bytes];
    byte[] received = new byte[bytes];
    int[] first = ok();
    for (int w = 0; w < messages; w++) {
      // Every pair is exchanged even after a wrong byte, so that neither side waits for good.
      fill(sent, 0, bytes, bytes, state.rank(), 2 + w);
      Request receive = comm.Irecv(received, 0, bytes, MPI.BYTE, peer, TAG_DATA);
      comm.Isend(sent, 0, bytes, MPI.BYTE, peer, TAG_DATA).Wait();
      receive.Wait();
      if (first[0] < 0) {
        first = verdict(received, 0, bytes, bytes, peer, 2 + w);
      }
    }
    return first;
  }

  /**
   * The messages the bandwidth checks send each way: the whole window's {@value SizeOps#WINDOW}
   * up to 64 KiB, fewer above ({@value #WINDOW_CHECK_BYTES} bytes in all, at least 2).
   */
  private static int checkedMessages(int bytes) {
    return Math.min(SizeOps.WINDOW, Math.max(2, WINDOW_CHECK_BYTES / Math.max(1, bytes)));
  }

  /** Rank 0's message, to every rank. */
  static int[] bcast(RankState state, int bytes) throws MPIException {
    byte[] buffer = new byte[bytes];
    if (state.rank() == 0) {
      fill(buffer, 0, bytes, bytes, 0, 0);
    }
    state.comm().Bcast(buffer, 0, bytes, MPI.BYTE, 0);
    return state.rank() == 0 ? ok() : verdict(buffer, 0, bytes, bytes, 0, 0);
  }

  /**
   * Every rank's own bytes, summed: every rank checks the sum byte by byte (Java's byte sum, which
   * wraps as MPJ's {@code MPI.SUM} on {@code MPI.BYTE} does).
   */
  static int[] allreduce(RankState state, int bytes) throws MPIException {
    byte[] in = new byte[bytes];
    byte[] out = new byte[bytes];
    fill(in, 0, bytes, bytes, state.rank(), 0);
    state.comm().Allreduce(in, 0, out, 0, bytes, MPI.BYTE, MPI.SUM);
    return sumVerdict(out, bytes, state.size());
  }

  /** The same sum, to rank 0 alone, which checks it. */
  static int[] reduce(RankState state, int bytes) throws MPIException {
    byte[] in = new byte[bytes];
    byte[] out = new byte[bytes];
    fill(in, 0, bytes, bytes, state.rank(), 0);
    state.comm().Reduce(in, 0, out, 0, bytes, MPI.BYTE, MPI.SUM, 0);
    return state.rank() == 0 ? sumVerdict(out, bytes, state.size()) : ok();
  }

  /** The verdict on {@code out}, which must be the byte sum of every rank's message to rank 0. */
  static int[] sumVerdict(byte[] out, int bytes, int ranks) {
    for (int i = 0; i < bytes; i++) {
      byte sum = 0;
      for (int rank = 0; rank < ranks; rank++) {
        sum += expected(bytes, rank, 0, i);
      }
      if (out[i] != sum) {
        return new int[] {i, sum & 0xff, out[i] & 0xff, -1};
      }
    }
    return ok();
  }

  /** Every rank's own message, to rank 0, which checks each in its place. */
  static int[] gather(RankState state, int bytes) throws MPIException {
    byte[] in = new byte[bytes];
    fill(in, 0, bytes, bytes, state.rank(), 0);
    // Every rank's receive buffer is whole, as in the timed gather: MPJ's gather goes through
    // the other ranks' buffers too.
    byte[] out = new byte[bytes * state.size()];
    state.comm().Gather(in, 0, bytes, MPI.BYTE, out, 0, bytes, MPI.BYTE, 0);
    if (state.rank() != 0) {
      return ok();
    }
    return blocksVerdict(out, bytes, state.size(), 0);
  }

  /** Every rank's own message, to every rank, which checks each in its place. */
  static int[] allgather(RankState state, int bytes) throws MPIException {
    byte[] in = new byte[bytes];
    fill(in, 0, bytes, bytes, state.rank(), 0);
    byte[] out = new byte[bytes * state.size()];
    state.comm().Allgather(in, 0, bytes, MPI.BYTE, out, 0, bytes, MPI.BYTE);
    return blocksVerdict(out, bytes, state.size(), 0);
  }

  /** A message of its own from rank 0 to every rank, which checks its own. */
  static int[] scatter(RankState state, int bytes) throws MPIException {
    byte[] in = new byte[bytes * state.size()];
    if (state.rank() == 0) {
      for (int to = 0; to < state.size(); to++) {
        fill(in, to * bytes, bytes, bytes, 0, to);
      }
    }
    byte[] out = new byte[bytes];
    state.comm().Scatter(in, 0, bytes, MPI.BYTE, out, 0, bytes, MPI.BYTE, 0);
    return verdict(out, 0, bytes, bytes, 0, state.rank());
  }

  /**
   * The verdict on {@code out}, which must hold the message of every rank to {@code to} in rank
   * order: the first wrong block's.
   */
  private static int[] blocksVerdict(byte[] out, int bytes, int ranks, int to) {
    for (int from = 0; from < ranks; from++) {
      int[] verdict = verdict(out, from * bytes, bytes, bytes, from, to);
      if (verdict[0] >= 0) {
        return verdict;
      }
    }
    return ok();
  }

  /** A message of its own from every rank to every rank; each checks the ones it received. */
  static int[] alltoall(RankState state, int bytes) throws MPIException {
    int size = state.size();
    byte[] in = new byte[bytes * size];
    byte[] out = new byte[bytes * size];
    for (int to = 0; to < size; to++) {
      fill(in, to * bytes, bytes, bytes, state.rank(), to);
    }
    state.comm().Alltoall(in, 0, bytes, MPI.BYTE, out, 0, bytes, MPI.BYTE);
    return blocksVerdict(out, bytes, size, state.rank());
  }
}
