package org.mpjbench.launcher.compare;

import java.util.Comparator;

/**
 * One figure of one kernel or benchmark at one rank count: what a row of the comparison is about.
 *
 * @param name the kernel (sweep) or benchmark (bench), e.g. berkeley, ping-pong
 * @param ranks K
 * @param figure the {@code sweep.csv} column, or {@code ops_per_s} for a JMH score
 * @param direction whether less or more is faster
 */
public record Subject(String name, int ranks, String figure, Direction direction) {
  /** Rows in the order of names, then rank counts, then figures as first met. */
  static Comparator<Subject> byNameAndRanks() {
    return Comparator.comparing(Subject::name).thenComparingInt(Subject::ranks);
  }
}
