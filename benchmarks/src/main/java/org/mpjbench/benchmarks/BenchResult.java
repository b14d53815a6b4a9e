package org.mpjbench.benchmarks;

import java.util.List;

/**
 * What rank 0 reports after JMH finished; the full JMH JSON travels as the artifact {@value
 * BenchProgram#JMH_ARTIFACT}.
 *
 * @param scores one line per benchmark
 */
public record BenchResult(List<Score> scores) {
  /**
   * A benchmark's primary score.
   *
   * @param benchmark JMH's benchmark name
   * @param score the score
   * @param error the 99.9 % confidence half-width (NaN when too few iterations)
   * @param unit the score's unit, e.g. ops/s
   */
  public record Score(String benchmark, double score, double error, String unit) {}
}
