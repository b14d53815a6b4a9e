package org.mpjbench.benchmarks;

import java.io.IOException;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.berkeley.BerkeleyParameters;
import org.mpjbench.kernels.berkeley.BerkeleySession;
import org.mpjbench.kernels.clock.ClockSkew;
import org.mpjbench.kernels.download.DownloadParameters;
import org.mpjbench.kernels.download.DownloadResult;
import org.mpjbench.kernels.download.DownloadSession;
import org.mpjbench.kernels.rank.RankContext;

/**
 * Keeps the ranks in step with rank 0's JMH run. Rank 0 {@link #call}s an {@link Op}: it
 * broadcasts {@code long[4] = [op, a, b, c]} and then runs the op; every other rank sits in {@link
 * #follow}, receives the same command and runs the same op, so every op is collective. {@link
 * #stop} releases the followers. One instance per rank; in multicore each rank loads this class in
 * its own class loader, so the static {@link #current()} is per rank as it must be.
 */
public final class Lockstep {
  /** The commands. */
  public enum Op {
    /** Followers leave {@link #follow}. */
    STOP,
    /** Draw the clocks: a = samples, b = tolerance in µs. */
    BERKELEY_SETUP,
    /** Run a synchronization rounds. */
    BERKELEY_ROUNDS,
    /** Gather the true errors; rank 0 checks skew and exclusions (throws when broken). */
    BERKELEY_CHECK,
    /** Connect to rank 0's line server: a = port, b = lines, c = rate per second. */
    DOWNLOAD_SETUP,
    /** Download the whole file a times; returns the lines the ranks received (rank 0). */
    DOWNLOADS,
    /** Close the connections; returns the completed downloads (rank 0). */
    DOWNLOAD_CLOSE,
    /** a MPI round trips between rank 0 and rank 1. */
    PING_PONGS,
    /** a Allreduce operations of one double over all ranks. */
    ALLREDUCES,
    /**
     * One whole run of the kernel case of ordinal a on every rank; returns the messages it counted
     * (rank 0). Its property check throws on rank 0 when it does not hold.
     */
    KERNEL_RUN
  }

  private static final int TAG_PING = 301;
  private static final int TAG_PONG = 302;
  private static volatile Lockstep current;

  private final Intracomm comm;
  private final int rank;
  private final int size;
  private final BenchParameters parameters;
  private BerkeleySession berkeley;
  private BerkeleySession.Step lastStep;
  private int round;
  private DownloadSession download;
  private long downloadsCompleted;
  /** What a kernel run gets: progress records and artifacts go nowhere, as nobody reads them. */
  private final RankContext kernelContext;

  private Lockstep(Intracomm comm, int rank, int size, BenchParameters parameters) {
    this.comm = comm;
    this.rank = rank;
    this.size = size;
    this.parameters = parameters;
    this.kernelContext = new RankContext(comm, rank, size, record -> { }, (name, data) -> { });
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
    return size;
  }

  /** The parameters of this run. */
  public BenchParameters parameters() {
    return parameters;
  }

  /** Rank 0: broadcasts the op and runs it; returns the op's value (rank 0's view). */
  public long call(Op op, long a, long b, long c) {
    if (rank != 0) {
      throw new IllegalStateException("only rank 0 gives commands");
    }
    long[] command = {op.ordinal(), a, b, c};
    try {
      comm.Bcast(command, 0, 4, MPI.LONG, 0);
      return run(op, a, b, c);
    } catch (MPIException | IOException e) {
      throw new IllegalStateException(op + " failed: " + e.getMessage(), e);
    } catch (Exception e) {
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(op + " failed: " + e.getMessage(), e);
    }
  }

  /** Other ranks: run rank 0's commands until {@link Op#STOP}. */
  void follow() throws Exception {
    long[] command = new long[4];
    while (true) {
      comm.Bcast(command, 0, 4, MPI.LONG, 0);
      Op op = Op.values()[(int) command[0]];
      if (op == Op.STOP) {
        return;
      }
      run(op, command[1], command[2], command[3]);
    }
  }

  /** Rank 0: releases the followers. */
  void stop() throws MPIException {
    comm.Bcast(new long[] {Op.STOP.ordinal(), 0, 0, 0}, 0, 4, MPI.LONG, 0);
  }

  private long run(Op op, long a, long b, long c) throws Exception {
    return switch (op) {
      case STOP -> 0;
      case BERKELEY_SETUP -> {
        berkeley = new BerkeleySession(comm, rank, size, new BerkeleyParameters(1, (int) a, 50.0,
            20.0, 1L, List.of(), 0.0, b, 0L));
        round = 0;
        yield 0;
      }
      case BERKELEY_ROUNDS -> {
        for (long i = 0; i < a; i++) {
          lastStep = berkeley.synchronize(++round);
        }
        yield 0;
      }
      case BERKELEY_CHECK -> checkBerkeley();
      case DOWNLOAD_SETUP -> {
        download = new DownloadSession(comm, rank, size, new DownloadParameters(
            parameters.serverHost(), (int) a, (int) b, Double.longBitsToDouble(c), 5, 20, 10_000,
            5_000, "jmh", "ranks"));
        downloadsCompleted = 0;
        yield 0;
      }
      case DOWNLOADS -> {
        long lines = 0;
        for (long i = 0; i < a; i++) {
          DownloadSession.Outcome outcome = download.download(point -> { });
          if (outcome != null) {
            downloadsCompleted += outcome.result().accepted() ? 1 : 0;
            for (DownloadResult.RankFigures figures : outcome.result().ranks()) {
              lines += figures.linesReceived();
            }
          }
        }
        yield lines;
      }
      case DOWNLOAD_CLOSE -> {
        download.close();
        download = null;
        yield downloadsCompleted;
      }
      case PING_PONGS -> {
        pingPongs(a);
        yield 0;
      }
      case ALLREDUCES -> {
        double[] in = {rank};
        double[] out = new double[1];
        for (long i = 0; i < a; i++) {
          comm.Allreduce(in, 0, out, 0, 1, MPI.DOUBLE, MPI.SUM);
        }
        yield 0;
      }
      case KERNEL_RUN -> {
        KernelCase kernel = KernelCase.all().get((int) a);
        Object result = kernel.program(parameters.mutexUnsafe()).run(kernelContext);
        yield rank == 0 ? KernelCase.messages(result) : 0;
      }
    };
  }

  /**
   * After a trial: the true skew must be within the bound and no clock (none is faulty here) may
   * have been left out of the last average; otherwise the kernel is broken and the run must fail.
   */
  private long checkBerkeley() throws MPIException {
    long[] errors = berkeley.gatherTrueErrors();
    if (rank != 0) {
      return 0;
    }
    long skewNanos = ClockSkew.skewNanos(errors, berkeley.faulty());
    long boundNanos = Math.round(parameters.berkeleySkewBoundUs() * 1_000);
    List<Integer> excluded = lastStep == null ? List.of() : lastStep.agreement().excluded();
    if (!excluded.isEmpty() || skewNanos > boundNanos) {
      throw new IllegalStateException("Berkeley check failed after " + round + " rounds: true skew "
          + skewNanos + " ns (bound " + boundNanos + " ns), healthy clocks left out of the"
          + " average: " + excluded);
    }
    return skewNanos;
  }

  private void pingPongs(long count) throws MPIException {
    long[] message = new long[1];
    if (rank == 0 && size > 1) {
      for (long i = 0; i < count; i++) {
        comm.Send(message, 0, 1, MPI.LONG, 1, TAG_PING);
        comm.Recv(message, 0, 1, MPI.LONG, 1, TAG_PONG);
      }
    } else if (rank == 1) {
      for (long i = 0; i < count; i++) {
        comm.Recv(message, 0, 1, MPI.LONG, 0, TAG_PING);
        comm.Send(message, 0, 1, MPI.LONG, 0, TAG_PONG);
      }
    }
  }
}
