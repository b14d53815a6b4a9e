package org.mpjbench.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Berkeley synchronization rounds per second: one round polls every slave {@code samples} times,
 * averages the agreeing offsets and scatters the corrections. After the trial the true skew is
 * gathered and checked; a broken kernel fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BerkeleyRoundBenchmark {
  private static final int ROUNDS = 10;

  /** Ranks of the run (set by the harness; recorded in the report). */
  @Param("0")
  public int ranks;

  /** MPJ device (set by the harness). */
  @Param("multicore")
  public String device;

  /** Polls per slave and round. */
  @Param("5")
  public int samples;

  /** Tolerance of the fault-tolerant average, in µs. */
  @Param("100000")
  public long toleranceUs;

  /** Draws every rank's clock. */
  @Setup(Level.Trial)
  public void drawClocks() {
    // A session's steps are its rounds, so --rounds (a whole run's) only has to be valid; the
    // clocks are Berkeley's defaults (50 ms spread, 20 ppm, seed 1): the same every trial.
    Lockstep.current().call(new SessionOps.Open("berkeley", List.of("--rounds", "1",
        "--samples", Integer.toString(samples), "--tolerance-us", Long.toString(toleranceUs))));
  }

  /** Ten rounds per invocation, amortizing the lockstep command. */
  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  public void round() {
    Lockstep.current().call(new SessionOps.Steps(ROUNDS));
  }

  /** Fails the trial when the clocks do not agree or a healthy clock was left out. */
  @TearDown(Level.Trial)
  public void checkSkew() {
    Lockstep lockstep = Lockstep.current();
    long skewNanos = lockstep.call(new SessionOps.Check());
    lockstep.call(new SessionOps.Close());
    long boundNanos = Math.round(lockstep.parameters().berkeleySkewBoundUs() * 1_000);
    if (skewNanos > boundNanos) {
      throw new IllegalStateException("Berkeley check failed: true skew " + skewNanos
          + " ns after the trial's rounds (bound " + boundNanos + " ns)");
    }
  }
}
