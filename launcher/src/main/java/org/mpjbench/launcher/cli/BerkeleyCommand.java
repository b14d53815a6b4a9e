package org.mpjbench.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.berkeley.BerkeleyParameters;
import org.mpjbench.kernels.berkeley.BerkeleyResult;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpjbench run berkeley}: Berkeley clock synchronization. */
@Command(
    name = "berkeley",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Berkeley clock synchronization: rank 0 (the master) polls every rank's simulated clock,",
      "estimates its offset compensating half the round trip (best of --samples polls), averages",
      "the offsets within --tolerance-us of the median, and sends each rank its own correction.",
      "All ranks share the host's monotonic clock, so the true skew after each round is measured,",
      "not estimated.",
    })
public final class BerkeleyCommand implements Callable<Integer> {
  private static final BerkeleyParameters D = BerkeleyParameters.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--rounds", paramLabel = "N", description = "Synchronization rounds (default: "
      + "${DEFAULT-VALUE}).")
  int rounds = D.rounds();

  @Option(names = "--samples", paramLabel = "N", description = "Polls per rank and round; the"
      + " shortest round trip is kept (default: ${DEFAULT-VALUE}).")
  int samples = D.samples();

  @Option(names = "--spread-ms", paramLabel = "MS", description = "Initial clock offsets are"
      + " uniform over a window this wide (default: ${DEFAULT-VALUE}).")
  double spreadMs = D.spreadMs();

  @Option(names = "--drift-ppm", paramLabel = "PPM", description = "Clock drift rates are uniform"
      + " in +/- this many parts per million (default: ${DEFAULT-VALUE}).")
  double driftPpm = D.driftPpm();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the clock population"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--faulty", paramLabel = "RANKS", split = ",", description = "Ranks with a broken"
      + " clock: offset by --faulty-offset-ms and deaf to corrections, e.g. 3 or 1,3.")
  List<Integer> faulty = new ArrayList<>(D.faultyRanks());

  @Option(names = "--faulty-offset-ms", paramLabel = "MS", description = "Extra offset of every"
      + " faulty clock (default: ${DEFAULT-VALUE}).")
  double faultyOffsetMs = D.faultyOffsetMs();

  @Option(names = "--tolerance-us", paramLabel = "US", description = "Offsets further than this"
      + " from the median are left out of the average (default: ${DEFAULT-VALUE}).")
  double toleranceUs = D.toleranceUs();

  @Option(names = "--interval-ms", paramLabel = "MS", description = "Pause between rounds; 0 runs"
      + " them back to back (default: ${DEFAULT-VALUE}).")
  long intervalMs = D.intervalMs();

  @Override
  public Integer call() throws Exception {
    BerkeleyParameters parameters;
    try {
      parameters = new BerkeleyParameters(rounds, samples, spreadMs, driftPpm, seed, faulty,
          faultyOffsetMs, toleranceUs, intervalMs);
      parameters.requireFitsRanks(Math.max(run.ranks, 1));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new KernelRun(spec, run, KernelType.BERKELEY)
        .execute(
            parameters,
            new KernelRun.Progress(parameters.rounds(), round -> round.path("round").asLong()),
            BerkeleyCommand::summary);
  }

  /** The human summary of a complete Berkeley run. */
  static List<String> summary(RunRecord record, java.nio.file.Path file)
      throws java.io.IOException {
    BerkeleyResult result = ControlCodec.fromTree(record.result(), BerkeleyResult.class);
    BerkeleyResult.Summary s = result.summary();
    List<String> lines = new ArrayList<>();
    lines.add(String.format(java.util.Locale.ROOT,
        "berkeley: %d ranks, %s, %d rounds in %.2f s", record.ranks(), record.device(),
        result.rounds().size(), record.wallTimeSeconds()));
    lines.add("  true skew     " + Units.nanos(s.initialSkewNanos()) + " before, "
        + Units.nanos(s.finalSkewNanos()) + " after the last round");
    lines.add("  excluded      " + (s.excludedRanks().isEmpty() ? "none"
        : "rank" + (s.excludedRanks().size() > 1 ? "s " : " ") + join(s.excludedRanks()))
        + (s.faultyRanks().isEmpty() ? "" : " (faulty on purpose: " + join(s.faultyRanks()) + ")"));
    lines.add("  estimation    largest error in the last round " 
        + Units.nanos(s.finalMaxEstimationErrorNanos()));
    String reference = result.baselineRoundTripNanos() == 0 ? ""
        : String.format(java.util.Locale.ROOT, " = %.1f MPI round trips of %s",
            s.roundInRoundTrips(), Units.nanos(result.baselineRoundTripNanos()));
    lines.add(String.format(java.util.Locale.ROOT, "  round         median %s%s; %,.0f rounds/s",
        Units.nanos(s.medianRoundNanos()), reference, s.roundsPerSecond()));
    return lines;
  }

  private static String join(List<Integer> ranks) {
    return String.join(",", ranks.stream().map(String::valueOf).toList());
  }
}
