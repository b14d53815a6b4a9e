package org.mpjbench.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The OSU-style baselines by message size ({@value BenchParameters#OSU}): one JMH invocation (a
 * single shot) runs the whole {@link SizeSweep}, which times every iteration itself, as OSU's
 * benchmarks do, so that per size there is a median and a 99th percentile. JMH's own score (the
 * sweep's duration) is not reported; the sweep's table is ({@link BenchProgram#SIZES_ARTIFACT}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SizesBenchmark {
  /** Ranks of the run (set by the harness). */
  @Param("0")
  public int ranks;

  /** MPJ device (set by the harness). */
  @Param("multicore")
  public String device;

  /** Every kind at every size. */
  @Benchmark
  public void sweep() {
    new SizeSweep(Lockstep.current()).run();
  }
}
