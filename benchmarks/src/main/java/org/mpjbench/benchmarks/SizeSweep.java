package org.mpjbench.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The OSU-style sweep on rank 0: for every {@link SizeOps#KINDS kind} the ranks allow and every
 * size, the data check ({@link SizeValidation}), a warm-up, then batches of timed iterations (1,
 * 2, 4, ... up to {@value #MAX_BATCH}, each a lockstep operation, so the broadcast of the
 * operation falls between batches and never inside a timed iteration) until the time per size is
 * spent and at least {@value #MIN_SAMPLES} iterations are timed, or {@value #MAX_SAMPLES} are. Per
 * size: the median and the 99th percentile of the iterations, and for the bandwidths the bytes of
 * a window over its median time.
 */
final class SizeSweep {
  /** The fewest timed iterations per size, whatever they take. */
  static final int MIN_SAMPLES = 5;
  /** The most timed iterations per size. */
  static final int MAX_SAMPLES = 10_000;
  /** The most iterations of one batch (rank 0 gathers one time per iteration and rank). */
  static final int MAX_BATCH = 1_000;
  /** Sizes up to this many bytes warm up longer: they are the fast ones. */
  private static final int SMALL_BYTES = 8_192;

  /**
   * One operation at one size on K ranks.
   *
   * @param operation the kind's name ({@link SizeOps.Kind#name})
   * @param bytes the message size
   * @param iterations the timed iterations
   * @param medianUs their median, microseconds (for bandwidth: of a whole window)
   * @param p99Us their 99th percentile (nearest rank), microseconds
   * @param meanUs OSU's own figure, microseconds: the mean of every timed call of every rank that
   *     timed one (the collectives' ranks all, not the slowest's alone); null when not known
   * @param mbPerSecond for bandwidth, the window's bytes over its median time in MB/s (10^6
   *     bytes per second, as OSU); null for the latencies
   */
  record Row(String operation, int bytes, int iterations, double medianUs, double p99Us,
      Double meanUs, Double mbPerSecond) {}

  /**
   * What the sweep leaves on rank 0 for the harness's artifact.
   *
   * @param ranks K
   * @param device the MPJ device
   * @param rows one per kind and size, in the order measured
   */
  record Table(int ranks, String device, List<Row> rows) {}

  private final Lockstep lockstep;
  private final RankState state;

  SizeSweep(Lockstep lockstep) {
    this.lockstep = lockstep;
    this.state = lockstep.state();
  }

  /** Measures every kind at every size and leaves the {@link Table} in the rank's state. */
  void run() {
    BenchParameters parameters = state.parameters();
    List<Row> rows = new ArrayList<>();
    for (SizeOps.Kind kind : SizeOps.KINDS) {
      if (state.size() < kind.minRanks()) {
        continue;
      }
      for (int bytes : parameters.sizes()) {
        rows.add(measure(kind, bytes, parameters.sizeMillis() * 1_000_000L));
      }
    }
    state.start(new Table(state.size(), parameters.device(), List.copyOf(rows)));
  }

  private Row measure(SizeOps.Kind kind, int bytes, long budgetNanos) {
    SizeOps.Samples samples = new SizeOps.Samples();
    state.start(samples);
    lockstep.call(new SizeValidation.Validate(kind.name(), bytes));
    lockstep.call(kind.batch().of(bytes, 1, bytes <= SMALL_BYTES ? 20 : 3));
    long start = System.nanoTime();
    int batch = 1;
    while (samples.count() < MAX_SAMPLES) {
      if (samples.count() >= MIN_SAMPLES && System.nanoTime() - start >= budgetNanos) {
        break;
      }
      batch = Math.min(Math.min(batch * 2, MAX_BATCH), MAX_SAMPLES - samples.count());
      lockstep.call(kind.batch().of(bytes, batch, 0));
    }
    state.end(SizeOps.Samples.class);
    return row(kind, bytes, samples.sorted(), samples.meanNanos());
  }

  /**
   * The row of {@code sorted} nanosecond samples of {@code kind} at {@code bytes} and the mean of
   * every timed call, {@code meanNanos} (NaN when not known).
   */
  static Row row(SizeOps.Kind kind, int bytes, long[] sorted, double meanNanos) {
    double median = median(sorted);
    double p99 = sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)];
    int messages = kind.messagesPerIteration().applyAsInt(bytes);
    Double mbPerSecond = messages == 0 || median <= 0 ? null
        : (double) bytes * messages / (median / 1e9) / 1e6;
    Double meanUs = Double.isNaN(meanNanos) ? null : meanNanos / 1e3;
    return new Row(kind.name(), bytes, sorted.length, median / 1e3, p99 / 1e3, meanUs,
        mbPerSecond);
  }

  private static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
