package org.mpjbench.benchmarks;

import java.io.IOException;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;

/**
 * Keeps the ranks in step with rank 0's JMH run. Rank 0 {@link #call}s a {@link CollectiveOp}: it
 * broadcasts the operation (its length, then its bytes, {@link OpCodec}) and then runs it; every
 * other rank sits in {@link #follow}, receives the same operation and runs it, so every operation
 * is collective. {@link #stop} releases the followers. One instance per rank, with the rank's
 * {@link RankState}.
 */
public final class Lockstep {
  /** Releases the followers: they leave {@link #follow} on receiving it. */
  public record Stop() implements CollectiveOp {
    @Override
    public long run(RankState state) {
      return 0;
    }
  }

  // The benchmarks' only static mutable state, and why it must be static: JMH instantiates the
  // benchmark classes itself, so they can only find this rank's lockstep here. In multicore each
  // rank loads this class in its own class loader, so this is one lockstep per rank as it must be.
  private static volatile Lockstep current;

  private final Intracomm comm;
  private final RankState state;

  private Lockstep(Intracomm comm, int rank, int size, BenchParameters parameters) {
    this.comm = comm;
    this.state = new RankState(comm, rank, size, parameters);
  }

  /**
   * Makes this rank's lockstep the current one. Collective: with kernel cases to run, every rank
   * first moves MPJ's communicator contexts past the world's ({@link #skipCollidingContexts}).
   */
  static Lockstep install(Intracomm comm, int rank, int size, BenchParameters parameters)
      throws MPIException {
    if (!parameters.kernelCases().isEmpty()) {
      skipCollidingContexts(comm);
    }
    current = new Lockstep(comm, rank, size, parameters);
    return current;
  }

  /**
   * Works around a flaw of MPJ Express 0.44 that repeated kernel runs in one JVM run into. A new
   * communicator gets the context c the ranks agree on (one above the highest any rank has handed
   * out so far) for its point-to-point messages and 3c for its collectives, so some clone's c
   * equals the world's 3c (the multicore world has 3 and 9): that clone's receives see the world's
   * collective messages. The elections clone the world for every run and drain the clone with
   * {@code ANY_TAG} receives, and so once took the final Gather's message for theirs ("count 3 is
   * less than length 7"). One run per JVM, as {@code mpjbench run} makes, never gets that far. So
   * every rank clones the world (a collective; every rank loops as often, from the same agreed
   * contexts) until the contexts handed out lie above the world's collective one; later clones can
   * then never collide with it.
   */
  static void skipCollidingContexts(Intracomm world) throws MPIException {
    int worldCollective = world.mpjdevComm.collctxt;
    while (((Intracomm) world.clone()).mpjdevComm.recvctxt <= worldCollective) {
      // Each clone takes the next context; the ones below the bound are left unused.
    }
  }

  /** This rank's lockstep; fails when the harness did not install one (JMH run outside a rank). */
  public static Lockstep current() {
    Lockstep lockstep = current;
    if (lockstep == null) {
      throw new IllegalStateException("no MPJ rank here: run the benchmarks with mpjbench bench");
    }
    return lockstep;
  }

  /** The number of ranks. */
  public int size() {
    return state.size();
  }

  /** This rank's state. */
  RankState state() {
    return state;
  }

  /** The parameters of this run. */
  public BenchParameters parameters() {
    return state.parameters();
  }

  /** Rank 0: broadcasts {@code op} and runs it; returns the op's value (rank 0's view). */
  public long call(CollectiveOp op) {
    if (state.rank() != 0) {
      throw new IllegalStateException("only rank 0 gives commands");
    }
    try {
      broadcast(op);
      return run(op);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(op + " failed: " + e.getMessage(), e);
    }
  }

  /** Other ranks: run rank 0's operations until {@link Stop}. */
  void follow() throws Exception {
    for (CollectiveOp op = receive(); !(op instanceof Stop); op = receive()) {
      run(op);
    }
  }

  /**
   * Runs {@code op} on this rank. MPJ Express 0.44's buffer pool (one per JVM: every multicore rank
   * draws on it) doubles its region for each new one it needs and fails past 2 GiB with nothing
   * but {@code capacity < 0}: too many large messages in flight at once (an alltoall of 64 MiB on
   * 4 ranks). That failure is said in words that name the operation and what to change.
   */
  private long run(CollectiveOp op) throws Exception {
    try {
      return op.run(state);
    } catch (IllegalArgumentException e) {
      if (!poolOverflow(e)) {
        throw e;
      }
      throw new IllegalStateException("MPJ Express's buffer pool cannot hold the messages of "
          + op + " on " + state.size() + " ranks in flight (it fails past 2 GiB: " + e.getMessage()
          + "); choose smaller sizes or fewer ranks", e);
    }
  }

  /** Whether {@code e} is MPJ's buffer pool failing to make a region (see {@link #run}). */
  static boolean poolOverflow(IllegalArgumentException e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("mpjbuf.")) {
        return String.valueOf(e.getMessage()).startsWith("capacity < 0");
      }
    }
    return false;
  }

  /** Rank 0: releases the followers. */
  void stop() throws MPIException {
    broadcast(new Stop());
  }

  private void broadcast(CollectiveOp op) throws MPIException {
    byte[] bytes = OpCodec.encode(op);
    comm.Bcast(new int[] {bytes.length}, 0, 1, MPI.INT, 0);
    comm.Bcast(bytes, 0, bytes.length, MPI.BYTE, 0);
  }

  private CollectiveOp receive() throws MPIException, IOException {
    int[] length = new int[1];
    comm.Bcast(length, 0, 1, MPI.INT, 0);
    byte[] bytes = new byte[length[0]];
    comm.Bcast(bytes, 0, bytes.length, MPI.BYTE, 0);
    return OpCodec.decode(bytes);
  }
}
