package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.naming.NamingParameters;
import org.mpjbench.kernels.naming.NamingResult;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpjbench run naming}: a name server with flat and hierarchical names. */
@Command(
    name = "naming",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "A name server: rank 0 holds flat names (printer-3-4) and hierarchical names",
      "(eu/node-2/sqrt-5, resolved through a tree of directories). Every other rank",
      "registers --names names, then resolves --lookups names drawn from everybody's",
      "plus unknown ones (--miss-ratio), one request at a time. With 1 rank, rank 0",
      "does it all locally. Property: every answer equals the ground truth computed",
      "from the seed; every unknown name gives a miss with the right reason.",
    })
public final class NamingCommand implements Callable<Integer> {
  private static final NamingParameters D = NamingParameters.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--names", paramLabel = "N", description = "Names each client registers, half"
      + " flat, half hierarchical (default: ${DEFAULT-VALUE}).")
  int names = D.names();

  @Option(names = "--lookups", paramLabel = "N", description = "Resolutions each client makes"
      + " (default: ${DEFAULT-VALUE}).")
  int lookups = D.lookups();

  @Option(names = "--miss-ratio", paramLabel = "R", description = "Fraction of lookups of"
      + " unknown names (default: ${DEFAULT-VALUE}).")
  double missRatio = D.missRatio();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the names and lookups"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one request"
      + " or answer before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  @Override
  public Integer call() throws Exception {
    NamingParameters parameters;
    try {
      parameters = new NamingParameters(names, lookups, missRatio, seed, timeoutMs);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new KernelRun(spec, run, KernelType.NAMING)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), NamingCommand::summary);
  }

  /** The human summary of a complete naming run. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    NamingResult result = ControlCodec.fromTree(record.result(), NamingResult.class);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "naming: %d ranks, %s, %d client(s), %d names in %.2f s",
        record.ranks(), record.device(), result.clients(), result.registered(),
        record.wallTimeSeconds()));
    lines.add("  property     " + result.check().property() + ": "
        + (result.check().holds() ? "holds" : "VIOLATED") + " (" + result.check().detail() + ")");
    lines.add(String.format(Locale.ROOT,
        "  lookups      %,d (%,d found, %,d missed), %,.0f per second", result.lookups(),
        result.hits(), result.misses(), result.lookupsPerSecond()));
    lines.add(String.format(Locale.ROOT, "  messages     %,d; lookup round trip median %s, max %s",
        result.messages(), Units.nanos(result.medianLookupNanos()),
        Units.nanos(result.maxLookupNanos())));
    return lines;
  }
}
