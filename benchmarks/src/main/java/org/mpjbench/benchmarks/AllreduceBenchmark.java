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

/** Baseline: {@code Allreduce} operations per second of one {@code double} over all ranks. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AllreduceBenchmark {
  private static final int REDUCTIONS = 100;

  /** Ranks of the run (set by the harness). */
  @Param("0")
  public int ranks;

  /** MPJ device (set by the harness). */
  @Param("multicore")
  public String device;

  /** A hundred reductions per invocation. */
  @Benchmark
  @OperationsPerInvocation(REDUCTIONS)
  public void allreduce() {
    Lockstep.current().call(new BaselineOps.Allreduces(REDUCTIONS));
  }
}
