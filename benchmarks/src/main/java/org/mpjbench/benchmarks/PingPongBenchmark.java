package org.mpjbench.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Baseline: MPI round trips per second of one {@code long} between rank 0 and rank 1, on the same
 * ranks and in the same run as the kernels, so that a kernel's figure reads as "so many ping-pongs"
 * from machine to machine. Needs at least 2 ranks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PingPongBenchmark {
  private static final int ROUND_TRIPS = 100;

  /** Ranks of the run (set by the harness). */
  @Param("0")
  public int ranks;

  /** MPJ device (set by the harness). */
  @Param("multicore")
  public String device;

  /** A hundred round trips per invocation. */
  @Benchmark
  @OperationsPerInvocation(ROUND_TRIPS)
  public void roundTrip() {
    Lockstep.current().call(new BaselineOps.PingPongs(ROUND_TRIPS));
  }
}
