package org.mpjbench.kernels.program;

/**
 * A kernel as every rank runs it. All ranks call {@link #run} with the same parameters; the
 * program communicates through {@link RankContext#comm()} and returns its result on rank 0 (other
 * ranks return {@code null}).
 *
 * @param <R> the result record rank 0 reports
 */
@FunctionalInterface
public interface RankProgram<R> {
  /**
   * Runs the kernel on this rank. An exception fails the whole run: the launcher shows it and
   * stops every rank.
   */
  R run(RankContext context) throws Exception;
}
