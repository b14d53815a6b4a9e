package org.mpjbench.benchmarks;

import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;

/**
 * The collective operations of the OSU-style sweep ({@link SizeSweep}): each a record of its typed
 * arguments that runs {@code warmup} untimed and then {@code iterations} timed iterations of one
 * MPI operation on messages of {@code bytes}, and leaves the time of every timed iteration on
 * rank 0 ({@link Samples}). Each is registered in {@link OpCodec}; {@link #KINDS} lists them for
 * the sweep, each with what it is called in the results.
 */
public final class SizeOps {
  private static final int TAG_PING = 311;
  private static final int TAG_PONG = 312;
  private static final int TAG_WINDOW = 313;
  private static final int TAG_ACK = 314;

  /** Messages in flight per iteration of {@link Bandwidth}, as OSU's osu_bw, up to 1 MiB. */
  public static final int WINDOW = 64;
  /**
   * Most bytes one window holds in flight. MPJ Express 0.44's buffer pool doubles its region for
   * each new one it needs and fails past 2 GiB ({@code capacity < 0} in {@code
   * Buddy1BufferFactory}): windows of 64 messages of 16 MiB failed so, as did bibw's two windows
   * of 4 MiB after a sweep's smaller sizes. 64 MiB a window is what 64 messages of 1 MiB take.
   */
  static final int WINDOW_BYTES = 64 << 20;

  private SizeOps() {}

  /** A batch of timed iterations of one operation at one size. */
  public interface Timed extends CollectiveOp {
    /** The message size in bytes. */
    int bytes();

    /** The timed iterations. */
    int iterations();

    /** The untimed iterations before them. */
    int warmup();
  }

  /**
   * The messages of a window of {@code bytes}-byte messages: {@value #WINDOW} up to 1 MiB, then
   * as many as {@value #WINDOW_BYTES} bytes hold, at least 1.
   */
  public static int window(int bytes) {
    return Math.max(1, Math.min(WINDOW, WINDOW_BYTES / Math.max(1, bytes)));
  }

  /** Makes a batch of one kind. */
  @FunctionalInterface
  public interface Batch {
    /** The batch of {@code iterations} after {@code warmup} at {@code bytes}. */
    Timed of(int bytes, int iterations, int warmup);
  }

  /**
   * One kind of measurement of the sweep.
   *
   * @param name its name in the results: latency, bandwidth, bibw, bcast, allreduce, gather,
   *     alltoall, reduce, allgather, scatter
   * @param minRanks the fewest ranks it means anything on
   * @param messagesPerIteration the messages of the size one timed iteration moves, by size: the
   *     window for bandwidth, both windows for bibw, 0 for the latencies (no bandwidth figure)
   * @param batch makes its batches
   * @param check its data check ({@link SizeValidation}), run once before it is timed at a size
   */
  public record Kind(String name, int minRanks, IntUnaryOperator messagesPerIteration,
      Batch batch, Check check) {}

  /** A kind's data check on this rank: the verdict on what it received ({@link SizeValidation}). */
  @FunctionalInterface
  interface Check {
    int[] verdict(RankState state, int bytes) throws MPIException;
  }

  /** The latencies' {@link Kind#messagesPerIteration}: no bandwidth figure. */
  private static final IntUnaryOperator NO_BANDWIDTH = bytes -> 0;

  /** Every kind, in the order of the results. */
  public static final List<Kind> KINDS = List.of(
      new Kind("latency", 2, NO_BANDWIDTH, PingPongLatency::new, SizeValidation::pingPong),
      new Kind("bandwidth", 2, SizeOps::window, Bandwidth::new, SizeValidation::window),
      new Kind("bibw", 2, bytes -> 2 * window(bytes), BiBandwidth::new, SizeValidation::bothWays),
      new Kind("bcast", 1, NO_BANDWIDTH, BcastLatency::new, SizeValidation::bcast),
      new Kind("allreduce", 1, NO_BANDWIDTH, AllreduceLatency::new, SizeValidation::allreduce),
      new Kind("gather", 1, NO_BANDWIDTH, GatherLatency::new, SizeValidation::gather),
      new Kind("alltoall", 1, NO_BANDWIDTH, AlltoallLatency::new, SizeValidation::alltoall),
      new Kind("reduce", 1, NO_BANDWIDTH, ReduceLatency::new, SizeValidation::reduce),
      new Kind("allgather", 1, NO_BANDWIDTH, AllgatherLatency::new, SizeValidation::allgather),
      new Kind("scatter", 1, NO_BANDWIDTH, ScatterLatency::new, SizeValidation::scatter));

  /** The kind named {@code name}; an unknown name is one line naming it. */
  static Kind kind(String name) {
    return KINDS.stream().filter(kind -> kind.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no data check for '" + name + "'"));
  }

  /**
   * Rank 0's record of the timed iterations of the point being measured: the sweep starts a new
   * one per operation and size, the batches add to it.
   */
  static final class Samples {
    private long[] nanos = new long[64];
    private int count;
    /** Every timed call's time, of every rank that timed one: what OSU averages. */
    private double everyNanos;
    private long everyCount;

    void add(long[] more) {
      if (count + more.length > nanos.length) {
        nanos = java.util.Arrays.copyOf(nanos, Math.max(nanos.length * 2, count + more.length));
      }
      System.arraycopy(more, 0, nanos, count, more.length);
      count += more.length;
    }

    int count() {
      return count;
    }

    /** Adds timed calls to the mean ({@link #meanNanos}), each rank's of a collective. */
    void addToMean(long[] calls) {
      for (long call : calls) {
        everyNanos += call;
      }
      everyCount += calls.length;
    }

    /**
     * The mean of every timed call added to it, OSU's figure: osu_latency prints the mean half round
     * trip, the collectives the mean over the ranks of each rank's mean time (with as many
     * iterations on every rank, the mean of all their calls); NaN when none was added.
     */
    double meanNanos() {
      return everyCount == 0 ? Double.NaN : everyNanos / everyCount;
    }

    /** The samples, sorted. */
    long[] sorted() {
      long[] copy = java.util.Arrays.copyOf(nanos, count);
      java.util.Arrays.sort(copy);
      return copy;
    }
  }

  /** One iteration's work on one rank. */
  @FunctionalInterface
  private interface Body {
    void run() throws MPIException;
  }

  /**
   * OSU's osu_latency: round trips of {@code bytes} between ranks 0 and 1, each timed on rank 0;
   * the sample is half the round trip. The other ranks wait.
   */
  public record PingPongLatency(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      pointToPoint(state, iterations, warmup, 2, () -> {
        Intracomm comm = state.comm();
        byte[] buffer = new byte[bytes];
        return state.rank() == 0
            ? () -> {
              comm.Send(buffer, 0, bytes, MPI.BYTE, 1, TAG_PING);
              comm.Recv(buffer, 0, bytes, MPI.BYTE, 1, TAG_PONG);
            }
            : () -> {
              comm.Recv(buffer, 0, bytes, MPI.BYTE, 0, TAG_PING);
              comm.Send(buffer, 0, bytes, MPI.BYTE, 0, TAG_PONG);
            };
      });
      return 0;
    }
  }

  /**
   * OSU's osu_bw: rank 0 sends a window of {@value #WINDOW} non-blocking messages of {@code bytes}
   * ({@link #window} above 1 MiB) to rank 1, which receives them all and answers with a one-byte
   * ack; the sample is the whole window, timed on rank 0. The other ranks wait.
   */
  public record Bandwidth(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      pointToPoint(state, iterations, warmup, 1, () -> {
        Intracomm comm = state.comm();
        byte[] buffer = new byte[bytes];
        byte[] ack = new byte[1];
        Request[] window = new Request[window(bytes)];
        return state.rank() == 0
            ? () -> {
              for (int w = 0; w < window.length; w++) {
                window[w] = comm.Isend(buffer, 0, bytes, MPI.BYTE, 1, TAG_WINDOW);
              }
              Request.Waitall(window);
              comm.Recv(ack, 0, 1, MPI.BYTE, 1, TAG_ACK);
            }
            : () -> {
              for (int w = 0; w < window.length; w++) {
                window[w] = comm.Irecv(buffer, 0, bytes, MPI.BYTE, 0, TAG_WINDOW);
              }
              Request.Waitall(window);
              comm.Send(ack, 0, 1, MPI.BYTE, 0, TAG_ACK);
            };
      });
      return 0;
    }
  }

  /**
   * OSU's osu_bibw: ranks 0 and 1 each post a window of non-blocking receives from the other
   * ({@link #window}), then send it as many non-blocking messages of {@code bytes}, and wait for
   * all of them; the sample is the whole exchange, timed on rank 0, and its bandwidth counts both
   * directions' bytes. The other ranks wait.
   */
  public record BiBandwidth(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      pointToPoint(state, iterations, warmup, 1, () -> {
        Intracomm comm = state.comm();
        int peer = 1 - state.rank();
        byte[] sent = new byte[bytes];
        byte[] received = new byte[bytes];
        int messages = window(bytes);
        Request[] window = new Request[2 * messages];
        return () -> {
          for (int w = 0; w < messages; w++) {
            window[w] = comm.Irecv(received, 0, bytes, MPI.BYTE, peer, TAG_WINDOW);
          }
          for (int w = 0; w < messages; w++) {
            window[messages + w] = comm.Isend(sent, 0, bytes, MPI.BYTE, peer, TAG_WINDOW);
          }
          Request.Waitall(window);
        };
      });
      return 0;
    }
  }

  /** OSU's osu_bcast: a {@code Bcast} of {@code bytes} from rank 0. */
  public record BcastLatency(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      return timeCollective(state, this, 1, 0,
          (comm, in, out) -> comm.Bcast(in, 0, bytes, MPI.BYTE, 0));
    }
  }

  /** OSU's osu_allreduce: an {@code Allreduce} (sum) of {@code bytes} bytes over all ranks. */
  public record AllreduceLatency(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      return timeCollective(state, this, 1, 1,
          (comm, in, out) -> comm.Allreduce(in, 0, out, 0, bytes, MPI.BYTE, MPI.SUM));
    }
  }

  /** OSU's osu_gather: every rank sends {@code bytes} to rank 0. */
  public record GatherLatency(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      return timeCollective(state, this, 1, state.size(),
          (comm, in, out) -> comm.Gather(in, 0, bytes, MPI.BYTE, out, 0, bytes, MPI.BYTE, 0));
    }
  }

  /** OSU's osu_alltoall: every rank sends {@code bytes} to every rank. */
  public record AlltoallLatency(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      return timeCollective(state, this, state.size(), state.size(),
          (comm, in, out) -> comm.Alltoall(in, 0, bytes, MPI.BYTE, out, 0, bytes, MPI.BYTE));
    }
  }

  /** OSU's osu_reduce: a {@code Reduce} (sum) of {@code bytes} bytes over all ranks to rank 0. */
  public record ReduceLatency(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      return timeCollective(state, this, 1, 1,
          (comm, in, out) -> comm.Reduce(in, 0, out, 0, bytes, MPI.BYTE, MPI.SUM, 0));
    }
  }

  /** OSU's osu_allgather: every rank sends the same {@code bytes} to every rank. */
  public record AllgatherLatency(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      return timeCollective(state, this, 1, state.size(),
          (comm, in, out) -> comm.Allgather(in, 0, bytes, MPI.BYTE, out, 0, bytes, MPI.BYTE));
    }
  }

  /** OSU's osu_scatter: rank 0 sends {@code bytes} of its own to every rank. */
  public record ScatterLatency(int bytes, int iterations, int warmup) implements Timed {
    @Override
    public long run(RankState state) throws MPIException {
      return timeCollective(state, this, state.size(), 1,
          (comm, in, out) -> comm.Scatter(in, 0, bytes, MPI.BYTE, out, 0, bytes, MPI.BYTE, 0));
    }
  }

  /** One collective call on this rank's buffers. */
  @FunctionalInterface
  private interface Call {
    void run(Intracomm comm, byte[] in, byte[] out) throws MPIException;
  }

  /**
   * Times {@code batch}'s collective {@code call} with a send buffer of {@code inMessages} and a
   * receive buffer of {@code outMessages} messages of the batch's size (OSU's buffers: allocated
   * once, sent as they are); returns 0, the figure being rank 0's {@link Samples}.
   */
  private static long timeCollective(RankState state, Timed batch, int inMessages,
      int outMessages, Call call) throws MPIException {
    byte[] in = new byte[batch.bytes() * inMessages];
    byte[] out = new byte[batch.bytes() * outMessages];
    Intracomm comm = state.comm();
    collective(state, batch.iterations(), batch.warmup(), () -> call.run(comm, in, out));
    return 0;
  }

  /**
   * Runs a point-to-point operation between ranks 0 and 1 ({@code warmup} times, then {@code
   * iterations} times each timed) and adds rank 0's times, each divided by {@code divisor}, to
   * its {@link Samples}; the other ranks only wait at the end. {@code body} makes this rank's side
   * (and its buffers) on ranks 0 and 1 only.
   */
  private static void pointToPoint(RankState state, int iterations, int warmup, long divisor,
      Supplier<Body> body) throws MPIException {
    if (state.rank() > 1) {
      settle(state);
      return;
    }
    Body side = body.get();
    for (int i = 0; i < warmup; i++) {
      side.run();
    }
    long[] nanos = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      side.run();
      nanos[i] = (System.nanoTime() - start) / divisor;
    }
    settle(state);
    if (state.rank() == 0) {
      Samples samples = state.trial(Samples.class);
      samples.add(nanos);
      samples.addToMean(nanos);
    }
  }

  /**
   * A {@code Barrier} of every rank at the end of a batch, outside the timed iterations: no rank
   * starts the lockstep's next broadcast while another still receives this batch's last large
   * message. Without it, a rank once read the next operation's small broadcast where it expected
   * a large message ({@code BufferUnderflowException} in MPJ Express 0.44's multicore device, seen
   * once in a loaded run of BenchSizesIT; not reproduced in three runs since). The likely cause,
   * not proven: a large message's hand-over letting a small one sent after it overtake. The
   * barrier removes the overlap whatever the cause.
   */
  private static void settle(RankState state) throws MPIException {
    state.comm().Barrier();
  }

  /**
   * OSU's collective loop: every rank runs {@code body} after a {@code Barrier}, {@code warmup}
   * times untimed, then {@code iterations} times timed on every rank; rank 0 gathers the times
   * and keeps, per iteration, the slowest rank's.
   */
  private static void collective(RankState state, int iterations, int warmup, Body body)
      throws MPIException {
    Intracomm comm = state.comm();
    for (int i = 0; i < warmup; i++) {
      comm.Barrier();
      body.run();
    }
    long[] nanos = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      comm.Barrier();
      long start = System.nanoTime();
      body.run();
      nanos[i] = System.nanoTime() - start;
    }
    long[] all = new long[iterations * state.size()];
    comm.Gather(nanos, 0, iterations, MPI.LONG, all, 0, iterations, MPI.LONG, 0);
    if (state.rank() == 0) {
      long[] slowest = new long[iterations];
      for (int rank = 0; rank < state.size(); rank++) {
        for (int i = 0; i < iterations; i++) {
          slowest[i] = Math.max(slowest[i], all[rank * iterations + i]);
        }
      }
      Samples samples = state.trial(Samples.class);
      samples.add(slowest);
      samples.addToMean(all);
    }
    settle(state);
  }
}
