package org.mpjbench.kernels.berkeley;

import java.util.ArrayList;
import java.util.List;
import org.mpjbench.kernels.clock.ClockOptions;
import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code mpjbench run berkeley}, mixed into its subcommand. */
public final class BerkeleyOptions implements KernelOptions<BerkeleyParameters> {
  private static final BerkeleyParameters D = BerkeleyParameters.DEFAULTS;

  @Option(names = "--rounds", paramLabel = "N", description = "Synchronization rounds (default: "
      + "${DEFAULT-VALUE}).")
  int rounds = D.rounds();

  @Option(names = "--samples", paramLabel = "N", description = "Polls per rank and round; the"
      + " shortest round trip is kept (default: ${DEFAULT-VALUE}).")
  int samples = D.samples();

  @Option(names = "--groups", paramLabel = "N", description = "Poll in a hierarchy of N groups"
      + " (TEMPO's submasters): the master and N-1 submasters each poll their own group at once,"
      + " then the master polls the submasters; 1 is the write-up's flat round (default:"
      + " ${DEFAULT-VALUE}).")
  int groups = D.groups();

  @Mixin ClockOptions clock = new ClockOptions(D.spreadMs(), D.driftPpm(), D.seed());

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

  /**
   * The parameters, checked against the number of ranks too.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public BerkeleyParameters parameters(int ranks) {
    BerkeleyParameters parameters = new BerkeleyParameters(rounds, samples, clock.spreadMs(),
        clock.driftPpm(), clock.seed(), faulty, faultyOffsetMs, toleranceUs, intervalMs, groups);
    parameters.requireFitsRanks(Math.max(ranks, 1));
    return parameters;
  }
}
