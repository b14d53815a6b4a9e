package org.mpjbench.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Whole runs per second of an algorithm kernel ({@link KernelCase}: its default parameters, on
 * every rank), and, as a secondary figure, the messages those runs counted per second. Every run
 * ends with the kernel's own property check on rank 0, so a violated property fails the benchmark
 * with the kernel's message. One run is long (milliseconds to a few hundred: the elections wait
 * out a 200 ms time-out), so the lockstep's command costs nothing beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelRunBenchmark {
  /** Ranks of the run (set by the harness). */
  @Param("0")
  public int ranks;

  /** MPJ device (set by the harness). */
  @Param("multicore")
  public String device;

  /**
   * The kernel case (set by the harness): the chosen ones of {@link KernelCase#NAMES}, the
   * registry's cases, so that a new kernel needs no line here.
   */
  @Param("set-by-the-harness")
  public String kernel;

  private KernelRun run;

  /** Messages the kernel runs counted, reported by JMH as a secondary rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counted {
    /** Messages counted by the kernel runs of this iteration (each kernel's own count). */
    public long messages;
  }

  /** Looks the case up: an unknown name fails here, on rank 0, before any rank runs. */
  @Setup(Level.Trial)
  public void resolve() {
    KernelCase kernelCase = KernelCase.byName(kernel).orElseThrow(() ->
        new IllegalArgumentException("no kernel case " + kernel + "; the cases are "
            + KernelCase.NAMES));
    run = new KernelRun(kernelCase.benchmarkName());
  }

  /** One whole run of the kernel on every rank, its property checked. */
  @Benchmark
  public void run(Counted counted) {
    counted.messages += Lockstep.current().call(run);
  }
}
