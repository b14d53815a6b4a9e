package org.mpjbench.launcher.cli;

import java.io.PrintWriter;
import java.util.List;
import org.mpjbench.kernels.spi.Kernels;
import org.mpjbench.launcher.mpj.MpjHome;
import org.mpjbench.launcher.runs.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command tree: {@code mpjbench run|cluster ...}. */
@Command(
    name = "mpjbench",
    mixinStandardHelpOptions = true,
    versionProvider = MpjBenchCommand.Version.class,
    description = {
      "Benchmarks classic distributed algorithms as real MPJ Express ranks.",
      "",
      "Examples:",
      "  mpjbench sweep                     (both kernels, 1-4 ranks, charts in plots/)",
      "  mpjbench run berkeley -np 4",
      "  mpjbench run berkeley -np 4 --faulty 3 --faulty-offset-ms 10000",
      "  mpjbench run download -np 4 --lines 1000 --rate-per-second 250",
      "  mpjbench run berkeley -np 2 --device niodev --machines machines.txt",
      "  mpjbench plot results/sweep-*/",
      "  mpjbench compare results/sweep-A/ results/sweep-B/ --fail-if-slower 10",
      "  mpjbench line-server --port 7777",
      "  mpjbench cluster start | status | stop",
    })
public final class MpjBenchCommand implements Runnable {
  /**
   * The subcommands, in the order of the help. Added by {@link #commandLine(String...)} rather
   * than named in the annotation: picocli builds every subcommand it is given (reading each one's
   * annotations, options and mixins), and a run only needs the one it names (docs/startup.md).
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, SweepCommand.class,
      BenchCommand.class, PlotCommand.class, CompareCommand.class, ClusterCommand.class,
      LineServerCommand.class, CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "say what to do: run, sweep, bench, plot, compare, line-server, cluster or help");
  }

  /**
   * Builds the whole command tree (every subcommand and kernel) with mpjbench's error handling
   * (one line, exit 2 for bad input).
   */
  public static CommandLine commandLine() {
    return commandLine((String[]) null);
  }

  /**
   * Builds the command tree {@code args} need, with mpjbench's error handling: when {@code args}
   * begin with a subcommand's name ({@code run}, {@code sweep}, ...; not {@code help}), only that
   * subcommand is built, and under {@code run} only the kernel named next (see {@link
   * RunCommand#addSubcommands}). Anything else (no arguments, an option, {@code help}, a name
   * that is not a subcommand's) gets the whole tree, so help, suggestions and errors are those of
   * the whole tree. {@code args} null: the whole tree.
   */
  public static CommandLine commandLine(String... args) {
    CommandLine commandLine = new CommandLine(new MpjBenchCommand());
    Class<?> named = args == null || args.length == 0 ? null : subcommandNamed(args[0]);
    for (Class<?> subcommand : SUBCOMMANDS) {
      if (named == null || subcommand == named) {
        commandLine.addSubcommand(subcommand);
      }
    }
    CommandLine run = commandLine.getSubcommands().get("run");
    if (run != null) {
      // Before the settings below: picocli applies them to the subcommands present at the time.
      RunCommand.addSubcommands(run, named == RunCommand.class && args.length > 1 ? args[1] : null);
    }
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(MpjBenchCommand::handleParameterError);
    commandLine.setExecutionExceptionHandler(
        (ex, cl, parsed) -> {
          PrintWriter err = cl.getErr();
          if (ex instanceof UserError userError) {
            err.println("mpjbench: " + userError.getMessage());
            err.flush();
            return userError.exitCode();
          }
          if (ex instanceof IllegalArgumentException && ex.getMessage() != null) {
            err.println("mpjbench: " + ex.getMessage());
            err.flush();
            return UserError.USAGE;
          }
          err.println("mpjbench: internal error (please report it): " + ex);
          ex.printStackTrace(err);
          err.flush();
          return UserError.FAILED;
        });
    return commandLine;
  }

  /** Parses and runs {@code args}; returns the exit code. */
  public static int execute(String... args) {
    return commandLine(args).execute(args);
  }

  /** The subcommand (other than help) whose name or alias is {@code word}, or null. */
  private static Class<?> subcommandNamed(String word) {
    for (Class<?> subcommand : SUBCOMMANDS) {
      Command command = subcommand.getAnnotation(Command.class);
      if (subcommand != CommandLine.HelpCommand.class
          && (command.name().equals(word) || List.of(command.aliases()).contains(word))) {
        return subcommand;
      }
    }
    return null;
  }

  private static int handleParameterError(CommandLine.ParameterException ex, String[] args) {
    CommandLine where = ex.getCommandLine();
    String message = ex.getMessage();
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
        && where.getCommandSpec().userObject() instanceof RunCommand
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      message =
          "unknown kernel '" + unmatched.getUnmatched().get(0) + "'; known kernels: "
              + RunCommand.kernelNames();
    }
    PrintWriter err = where.getErr();
    err.println(
        "mpjbench: " + message + " (see '" + where.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return UserError.USAGE;
  }

  /** Reports the mpjbench and MPJ Express versions. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MpjBenchCommand.class.getPackage().getImplementationVersion();
      return new String[] {
        "mpjbench " + (version == null ? "(development build)" : version),
        "built for MPJ Express " + MpjHome.EXPECTED_VERSION + ", Java " + Runtime.version(),
        "kernels: " + Kernels.all().size(),
      };
    }
  }
}
