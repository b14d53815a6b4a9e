package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import picocli.CommandLine;

/**
 * The command tree built for given arguments ({@link MpjBenchCommand#commandLine(String...)},
 * what {@code mpjbench} runs): only the subcommand and the kernel they name, and the same help,
 * errors and exit codes as the whole tree ({@link MpjBenchCommand#commandLine()}).
 */
class MpjBenchCommandTest {

  static Stream<List<String>> argumentsThatDoNotStartAnything() {
    return Stream.of(
        List.of(),
        List.of("--help"),
        List.of("--version"),
        List.of("--no-such-option"),
        List.of("rn"),
        List.of("help"),
        List.of("help", "run"),
        List.of("help", "no-such-command"),
        List.of("run"),
        List.of("run", "--help"),
        List.of("run", "no-such-kernel"),
        List.of("run", "Berkeley"),
        List.of("run", "--no-such-option"),
        List.of("run", "help"),
        List.of("run", "jmh", "--help"),
        List.of("run", "berkeley", "--help"),
        List.of("run", "berkeley", "--no-such-option"),
        List.of("run", "berkeley", "-np", "many"),
        List.of("run", "berkeley", "extra-word"),
        List.of("run", "download", "--help"),
        List.of("sweep", "--help"),
        List.of("bench", "--help"),
        List.of("plot", "--help"),
        List.of("compare", "--help"),
        List.of("cluster"),
        List.of("cluster", "--help"),
        List.of("line-server", "--help"));
  }

  @ParameterizedTest(name = "mpjbench {0}")
  @MethodSource("argumentsThatDoNotStartAnything")
  void printsAndExitsAsTheWholeTreeDoes(List<String> args) {
    String[] words = args.toArray(String[]::new);
    assertEquals(run(MpjBenchCommand.commandLine(), words),
        run(MpjBenchCommand.commandLine(words), words));
  }

  @Test
  void aRunBuildsOnlyItsKernel() {
    CommandLine tree = MpjBenchCommand.commandLine("run", "berkeley", "-np", "4");
    assertEquals(List.of("run"), names(tree));
    assertEquals(List.of("berkeley"), names(tree.getSubcommands().get("run")));
  }

  @Test
  void anotherCommandBuildsOnlyItself() {
    assertEquals(List.of("sweep"), names(MpjBenchCommand.commandLine("sweep", "--ranks", "2")));
    assertEquals(List.of("cluster"), names(MpjBenchCommand.commandLine("cluster", "status")));
  }

  @Test
  void helpOptionsAndUnknownNamesGetTheWholeTree() {
    List<String> kernels = new ArrayList<>(List.of("jmh"));
    Kernels.all().stream().map(KernelDescriptor::name).forEach(kernels::add);
    List<String> commands = List.of("run", "sweep", "bench", "plot", "compare", "cluster",
        "line-server", "help");
    for (String[] args : List.of(new String[0], new String[] {"help", "run"},
        new String[] {"--help"}, new String[] {"rn"})) {
      assertEquals(commands, names(MpjBenchCommand.commandLine(args)), String.join(" ", args));
    }
    assertEquals(commands, names(MpjBenchCommand.commandLine()));
    for (String[] args : List.of(new String[] {"run"}, new String[] {"run", "--help"},
        new String[] {"run", "Berkeley"}, new String[] {"run", "jmh"})) {
      assertEquals(kernels, names(MpjBenchCommand.commandLine(args).getSubcommands().get("run")),
          String.join(" ", args));
    }
    assertEquals(kernels, names(MpjBenchCommand.commandLine().getSubcommands().get("run")));
  }

  private static List<String> names(CommandLine commandLine) {
    return List.copyOf(commandLine.getSubcommands().keySet());
  }

  /** Exit code, stdout and stderr of {@code args} executed by {@code commandLine}. */
  private static List<String> run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return List.of(Integer.toString(exitCode), out.toString(), err.toString());
  }
}
