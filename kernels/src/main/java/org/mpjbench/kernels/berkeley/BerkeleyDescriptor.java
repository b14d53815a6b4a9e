package org.mpjbench.kernels.berkeley;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.KernelSession;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.OwnColumn;
import org.mpjbench.kernels.spi.RunInfo;

/**
 * The Berkeley clock synchronization kernel, {@code mpjbench run berkeley}: its options ({@link
 * BerkeleyOptions}), its program ({@link BerkeleyKernel}), its progress (rounds), its figures and
 * its summary, in one place.
 */
public final class BerkeleyDescriptor extends BaseDescriptor<BerkeleyParameters, BerkeleyResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public BerkeleyDescriptor() {
    super("berkeley", BerkeleyParameters.class, BerkeleyResult.class,
        BerkeleyParameters.DEFAULTS,
        BerkeleyOptions::new, BerkeleyKernel::new,
        // A round polls every slave and scatters the corrections; messages are not counted.
        new FigureMeaning("round", "round", false, null),
        "Berkeley clock synchronization: a master averages the clocks and corrects each.",
        "Rank 0 (the master) polls every rank's simulated clock, estimates its offset",
        "compensating half the round trip (best of --samples polls), averages the offsets",
        "within --tolerance-us of the median, and sends each rank its own correction. All",
        "ranks share the host's monotonic clock, so the true skew after each round is",
        "measured, not estimated.");
  }

  /** A progress record per round, numbered from 1. */
  @Override
  public long progressTotal(BerkeleyParameters parameters) {
    return parameters.rounds();
  }

  @Override
  public long progressPosition(JsonNode record) {
    return record.path("round").asLong();
  }

  /**
   * Rounds a benchmark times one by one ({@link BerkeleySteps}): a step is a round, the check
   * gives the true skew in ns.
   */
  @Override
  public KernelSession session(RankContext context, BerkeleyParameters parameters)
      throws Exception {
    return new BerkeleySteps(new BerkeleySession(context.comm(), context.rank(), context.size(),
        parameters), context.rank());
  }

  @Override
  public Figures figures(BerkeleyResult result, int ranks) {
    BerkeleyResult.Summary s = result.summary();
    return new Figures(null, null, result.rounds().size(), s.medianRoundNanos(),
        s.roundsPerSecond(), result.baselineRoundTripNanos(),
        "final skew " + Durations.nanos(s.finalSkewNanos()), result.latency());
  }

  /**
   * The first round counted as after convergence: the rounds of the first fifth are the
   * convergence (the first steps, the discipline learning each slave's round trip and rate), so
   * with 100 rounds the counted ones are 21 to 100; with fewer than 5, all of them.
   */
  public static int firstConvergedRound(int rounds) {
    return rounds / 5 + 1;
  }

  /**
   * The distribution (P50, P90, P99 by nearest rank, max) of the per-round true skew over the
   * rounds after convergence ({@link #firstConvergedRound}), from {@code rounds[].trueSkewNanos}
   * (so result files of any age have it); {@link Latencies#NONE} without rounds.
   */
  public static Latencies skewAfterConvergence(BerkeleyResult result) {
    List<BerkeleyRound> rounds = result.rounds();
    int first = firstConvergedRound(rounds.size());
    return Latencies.of(rounds.stream().filter(r -> r.round() >= first)
        .mapToLong(BerkeleyRound::trueSkewNanos).toArray());
  }

  /** The skew the clocks end with and a round's median duration. */
  @Override
  public List<OwnColumn<BerkeleyResult>> ownColumns() {
    return List.of(OwnColumn.integer("final_skew_ns", r -> r.summary().finalSkewNanos()),
        OwnColumn.integer("median_round_ns", r -> r.summary().medianRoundNanos()),
        // The true skew of every round after convergence, not only the last round's.
        OwnColumn.integer("skew_p50_ns", r -> skewAfterConvergence(r).p50Nanos()),
        OwnColumn.integer("skew_p90_ns", r -> skewAfterConvergence(r).p90Nanos()),
        OwnColumn.integer("skew_p99_ns", r -> skewAfterConvergence(r).p99Nanos()),
        OwnColumn.integer("skew_max_ns", r -> skewAfterConvergence(r).maxNanos()));
  }

  @Override
  public List<String> summary(BerkeleyParameters parameters, BerkeleyResult result,
      RunInfo run) {
    BerkeleyResult.Summary s = result.summary();
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "berkeley: %d ranks, %s, %d rounds in %.2f s",
        run.ranks(), run.device(), result.rounds().size(), run.wallTimeSeconds()));
    lines.add("  true skew     " + Durations.nanos(s.initialSkewNanos()) + " before, "
        + Durations.nanos(s.finalSkewNanos()) + " after the last round");
    if (!result.rounds().isEmpty()) {
      Latencies skew = skewAfterConvergence(result);
      lines.add(String.format(Locale.ROOT,
          "  per-round skew after round %d: P50 %s, P90 %s, P99 %s, max %s",
          firstConvergedRound(result.rounds().size()) - 1, Durations.nanos(skew.p50Nanos()),
          Durations.nanos(skew.p90Nanos()), Durations.nanos(skew.p99Nanos()),
          Durations.nanos(skew.maxNanos())));
    }
    lines.add("  excluded      " + (s.excludedRanks().isEmpty() ? "none"
        : "rank" + (s.excludedRanks().size() > 1 ? "s " : " ") + join(s.excludedRanks()))
        + (s.faultyRanks().isEmpty() ? "" : " (faulty on purpose: " + join(s.faultyRanks()) + ")"));
    lines.add("  estimation    largest error in the last round "
        + Durations.nanos(s.finalMaxEstimationErrorNanos()));
    String reference = result.baselineRoundTripNanos() == 0 ? ""
        : String.format(Locale.ROOT, " = %.1f MPI round trips of %s",
            s.roundInRoundTrips(), Durations.nanos(result.baselineRoundTripNanos()));
    lines.add(String.format(Locale.ROOT, "  round         median %s%s; %,.0f rounds/s",
        Durations.nanos(s.medianRoundNanos()), reference, s.roundsPerSecond()));
    Latencies l = result.latency();
    if (l != null) {
      lines.add(String.format(Locale.ROOT, "  round times   P50 %s, P90 %s, P99 %s, max %s",
          Durations.nanos(l.p50Nanos()), Durations.nanos(l.p90Nanos()),
          Durations.nanos(l.p99Nanos()), Durations.nanos(l.maxNanos())));
    }
    return lines;
  }

  /** None: a Berkeley round is timed on its own by {@code BerkeleyRoundBenchmark}. */
  @Override
  public List<org.mpjbench.kernels.spi.BenchCase<BerkeleyParameters>> benchCases() {
    return List.of();
  }

  private static String join(List<Integer> ranks) {
    return String.join(",", ranks.stream().map(String::valueOf).toList());
  }
}
