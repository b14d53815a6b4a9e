package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpjbench.launcher.mpj.MpjHome;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --help} at every level and {@code --version} exit 0 and print to stdout only. */
class HelpAndVersionTest {

  static Stream<Arguments> helpPages() {
    return Stream.of(
        Arguments.of(List.of("--help"),
            List.of("Usage: mpjbench", "run", "cluster", "--version")),
        Arguments.of(List.of("-h"), List.of("Usage: mpjbench")),
        Arguments.of(List.of("run", "--help"),
            List.of("Usage: mpjbench run", "berkeley")),
        Arguments.of(List.of("run", "berkeley", "--help"),
            List.of("Usage: mpjbench run berkeley", "-np", "--device", "--machines",
                "--daemon-port", "--results", "--timeout-s", "--spread-ms", "--faulty",
                "--faulty-offset-ms", "--tolerance-us", "--rounds", "--samples", "--interval-ms",
                "--seed", "--drift-ppm", "multicore", "niodev")),
        Arguments.of(List.of("help", "cluster"),
            List.of("Usage: mpjbench cluster", "start", "stop", "status")),
        Arguments.of(List.of("cluster", "--help"),
            List.of("Usage: mpjbench cluster", "start", "stop", "status")),
        Arguments.of(List.of("cluster", "start", "--help"),
            List.of("Usage: mpjbench cluster start", "--daemon-port", "--mpj-home", "--machines")),
        Arguments.of(List.of("cluster", "status", "--help"),
            List.of("Usage: mpjbench cluster status", "--daemon-port", "--machines")));
  }

  @ParameterizedTest(name = "mpjbench {0}")
  @MethodSource("helpPages")
  void helpExitsZeroAndShowsTheKeyOptions(List<String> args, List<String> expected) {
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run::describe);
    assertEquals("", run.err(), run::describe);
    for (String text : expected) {
      assertTrue(run.out().contains(text), () -> "missing '" + text + "':\n" + run.describe());
    }
  }

  /**
   * A parent's list of commands shows each command's first description line (or its header's):
   * cut mid-sentence ("writes every result and a CSV under") it says nothing, so every one is a
   * whole sentence of its own, short enough to read in a list.
   */
  @Test
  void everyListedCommandHasAWholeSentenceAsItsSummary() {
    List<String> problems = new ArrayList<>();
    for (CommandSpec spec : subcommands(MpjBenchCommand.commandLine())) {
      String[] header = spec.usageMessage().header();
      String[] description = spec.usageMessage().description();
      String summary = header.length > 0 ? header[0]
          : description.length > 0 ? description[0] : "";
      if (!summary.strip().endsWith(".") || summary.length() > MAX_SUMMARY_CHARS) {
        problems.add(spec.qualifiedName() + ": '" + summary + "'");
      }
    }
    assertEquals(List.of(), problems, () -> String.join("\n", problems));
  }

  /**
   * picocli prints a description line by line and wraps each at the help's width on its own: a
   * longer line leaves a stub of a few words on a line of their own ("CSV under" / "results/...").
   */
  @Test
  void everyDescriptionLineFitsTheHelpsWidth() {
    List<String> problems = new ArrayList<>();
    for (CommandSpec spec : everyCommand()) {
      int width = spec.usageMessage().width();
      for (String line : spec.usageMessage().description()) {
        if (line.length() > width) {
          problems.add(spec.qualifiedName() + " (" + line.length() + " > " + width + "): " + line);
        }
      }
    }
    assertEquals(List.of(), problems, () -> String.join("\n", problems));
  }

  /**
   * picocli passes every line of a help page through {@code String.format} ({@code %n} is a line
   * break): a lone {@code %} ("a 95 % interval") cannot be formatted, and picocli prints a warning
   * above the help instead. Every text of every command must format.
   */
  @Test
  void everyHelpTextFormatsWithoutAWarning() {
    List<String> problems = new ArrayList<>();
    for (CommandSpec spec : everyCommand()) {
      List<String> texts = new ArrayList<>();
      texts.addAll(List.of(spec.usageMessage().header()));
      texts.addAll(List.of(spec.usageMessage().description()));
      texts.addAll(List.of(spec.usageMessage().footer()));
      spec.options().forEach(option -> texts.addAll(List.of(option.description())));
      spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
      for (String text : texts) {
        try {
          String.format(text);
        } catch (java.util.IllegalFormatException e) {
          problems.add(spec.qualifiedName() + ": '" + text + "' (" + e + ")");
        }
      }
    }
    assertEquals(List.of(), problems, () -> String.join("\n", problems));
  }

  /** {@code mpjbench} itself and every command under it. */
  private static List<CommandSpec> everyCommand() {
    CommandLine root = MpjBenchCommand.commandLine();
    List<CommandSpec> specs = new ArrayList<>(subcommands(root));
    specs.add(root.getCommandSpec());
    return specs;
  }

  /** Every command under {@code parent}, at every depth, each once (aliases share a command). */
  private static List<CommandSpec> subcommands(CommandLine parent) {
    List<CommandSpec> specs = new ArrayList<>();
    for (CommandLine child : new LinkedHashSet<>(parent.getSubcommands().values())) {
      specs.add(child.getCommandSpec());
      specs.addAll(subcommands(child));
    }
    return specs;
  }

  /** Two lines of the list at most (picocli wraps a summary after its name's column). */
  private static final int MAX_SUMMARY_CHARS = 110;

  @Test
  void berkeleyHelpShowsTheKernelDefaults() {
    CliRun run = CliRun.of("run", "berkeley", "--help");
    assertEquals(0, run.exitCode(), run::describe);
    // Defaults come from BerkeleyParameters.DEFAULTS through ${DEFAULT-VALUE}.
    assertTrue(run.out().contains("(default: 20)"), run::describe);
    assertTrue(run.out().contains("(default: 4)"), run::describe);
    assertTrue(!run.out().contains("${DEFAULT-VALUE}"), run::describe);
  }

  @Test
  void benchHelpNamesEveryKernelCase() {
    CliRun run = CliRun.of("bench", "--help");
    assertEquals(0, run.exitCode(), run::describe);
    String text = run.out().replaceAll("\\s+", " ");
    for (String kernel : org.mpjbench.benchmarks.KernelCase.NAMES) {
      assertTrue(text.contains(" " + kernel + ",") || text.contains(" " + kernel + " "),
          () -> "missing " + kernel + ":\n" + text);
    }
    assertTrue(text.contains("--mutex-unsafe"), text);
  }

  @Test
  void versionExitsZeroAndNamesMpjExpress() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exitCode(), run::describe);
    assertEquals("", run.err(), run::describe);
    assertTrue(run.out().startsWith("mpjbench "), run::describe);
    assertTrue(run.out().contains("MPJ Express " + MpjHome.EXPECTED_VERSION), run::describe);
    assertTrue(run.out().contains("kernels: "), run::describe);
  }
}
