package org.mpjbench.launcher.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;
import org.mpjbench.kernels.results.Results;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelFixture;
import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine;

/**
 * The Java API of mpjbench's runs: one call runs a kernel (or another rank program, such as the
 * JMH harness) on MPJ Express ranks and returns its typed {@link RunOutcome}, with the result file
 * already written. The {@code run}, {@code sweep} and {@code bench} commands are shells around
 * these calls.
 *
 * <pre>{@code
 * RunSettings settings = RunSettings.builder().ranks(4).results(folder).quiet(true).build();
 * RunOutcome<BerkeleyResult> outcome =
 *     Runs.run(new BerkeleyDescriptor(), List.of("--rounds", "20"), settings, err);
 * }</pre>
 *
 * <p>Bad input (a setting or a kernel option) throws {@link IllegalArgumentException} naming the
 * option before anything starts; missing set-up (MPJ Express, a daemon) throws {@link UserError}.
 * A run that starts always ends in an outcome, complete or not, with its record written.
 */
public final class Runs {
  private Runs() {}

  /** What the progress bar shows: how far a complete run goes, and where a progress record is. */
  public record Progress(long total, ToLongFunction<JsonNode> position) {
    /** For a program that sends no progress records. */
    public static final Progress NONE = new Progress(0, record -> 0);
  }

  /** Turns a complete run's record (as written, in its file) into the summary a person reads. */
  @FunctionalInterface
  public interface Summary {
    /** The summary lines of {@code record}, written to {@code file}. */
    List<String> lines(RunRecord record, Path file) throws IOException;
  }

  /**
   * Runs {@code kernel} with its own options given as arguments (for instance {@code --rounds
   * 20}; none for its defaults).
   *
   * @param err where notes go (unless quiet), and the record when it cannot be written
   * @throws IllegalArgumentException for a bad setting or option, naming it
   * @throws UserError when the run cannot start
   */
  public static <P, R> RunOutcome<R> run(KernelDescriptor<P, R> kernel,
      List<String> kernelArguments, RunSettings settings, PrintWriter err) throws IOException {
    KernelOptions<P> options = options(kernel, kernelArguments);
    return run(kernel, options, settings, err);
  }

  /**
   * Runs {@code kernel} with {@code options}, already given their values (by the {@code run}
   * command's parser, or {@link #options}).
   *
   * @throws IllegalArgumentException for a bad setting or option, naming it
   * @throws UserError when the run cannot start
   */
  public static <P, R> RunOutcome<R> run(KernelDescriptor<P, R> kernel, KernelOptions<P> options,
      RunSettings settings, PrintWriter err) throws IOException {
    // The kernel's options first: bad input must fail before the runner looks for MPJ.
    P parameters = options.parameters(settings.ranks());
    KernelFixture<P> fixture = options.fixture(settings.ranks());
    if (fixture == null) {
      return runner(kernel, settings, 0, err).execute(parameters,
          progress(kernel, parameters), kernel.resultType(),
          (record, file) -> Results.summary(kernel, record, file, null));
    }
    try (fixture) {
      // Stored beside the result: the runner checks the room for it first.
      KernelRunner runner = runner(kernel, settings, fixture.artifactBytes(), err);
      try {
        parameters = fixture.start(runner.rankFacingAddress(), runner.rankFacingHost());
      } catch (IOException e) {
        throw new UserError(UserError.FAILED, e.getMessage());
      }
      if (!settings.quiet()) {
        fixture.notes().forEach(note -> err.println("mpjbench: " + note));
        err.flush();
      }
      return runner.execute(parameters, progress(kernel, parameters), kernel.resultType(),
          (record, file) -> Results.summary(kernel, record, file, fixture));
    }
  }

  /** A runner of {@code kernel}: the ranks get its name and the class that makes it. */
  private static KernelRunner runner(KernelDescriptor<?, ?> kernel, RunSettings settings,
      long artifactBytes, PrintWriter err) {
    return new KernelRunner(settings, kernel.name(), kernel.getClass().getName(), artifactBytes,
        err);
  }

  /**
   * Runs the rank program registered as {@code program} that is not a kernel (the JMH harness)
   * with {@code parameters}; {@code summary} reads its result.
   *
   * @throws IllegalArgumentException for a bad setting, naming it
   * @throws UserError when the run cannot start
   */
  public static <R> RunOutcome<R> program(String program, Object parameters, Class<R> resultType,
      RunSettings settings, Summary summary, PrintWriter err) throws IOException {
    return new KernelRunner(settings, program, null, 0, err).execute(parameters, Progress.NONE,
        resultType, summary::lines);
  }

  /**
   * {@code kernel}'s options with {@code kernelArguments} given, as its {@code run} command would
   * parse them; the options' {@link KernelOptions#parameters} make the checked parameters.
   *
   * @throws IllegalArgumentException naming the argument the kernel does not take
   */
  public static <P> KernelOptions<P> options(KernelDescriptor<P, ?> kernel,
      List<String> kernelArguments) {
    KernelOptions<P> options = kernel.options();
    try {
      CommandLine.ParseResult parsed =
          new CommandLine(options).parseArgs(kernelArguments.toArray(String[]::new));
      options.given(parsed::hasMatchedOption);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(kernel.name() + ": " + e.getMessage(), e);
    }
    return options;
  }

  /** Whether {@code kernel}'s options include one named {@code option}, e.g. {@code --rounds}. */
  public static boolean takes(KernelDescriptor<?, ?> kernel, String option) {
    return new CommandLine(kernel.options()).getCommandSpec().findOption(option) != null;
  }

  /** {@code file} as a person reads it: relative to the working folder when it is below it. */
  public static String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }

  private static <P> Progress progress(KernelDescriptor<P, ?> kernel, P parameters) {
    return new Progress(kernel.progressTotal(parameters), kernel::progressPosition);
  }
}
