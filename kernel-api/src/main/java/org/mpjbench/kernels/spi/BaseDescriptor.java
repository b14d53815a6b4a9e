package org.mpjbench.kernels.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mpjbench.kernels.program.RankProgram;

/**
 * The part of a {@link KernelDescriptor} that is only facts: name, description, types, defaults,
 * how its options and program are made and what its figures mean, given once to the constructor.
 * A kernel's descriptor extends it and writes what is its own: how its figures are read, its
 * summary.
 *
 * @param <P> the parameters record
 * @param <R> the result record
 */
public abstract class BaseDescriptor<P, R> implements KernelDescriptor<P, R> {
  private final String name;
  private final Class<P> parametersType;
  private final Class<R> resultType;
  private final P defaults;
  private final Supplier<? extends KernelOptions<P>> options;
  private final Function<P, ? extends RankProgram<R>> program;
  private final FigureMeaning meaning;
  private final List<String> description;

  /**
   * A descriptor of these facts, what its figures mean among them.
   *
   * @param name the name on the command line and in result files
   * @param parametersType the parameters record's class
   * @param resultType the result record's class
   * @param defaults the parameters with every option at its default
   * @param options makes a fresh options object for each command line
   * @param program makes the program every rank runs
   * @param meaning what the figures mean, the same for every run ({@link #meaning()})
   * @param description the help's description, lines of at most 80 characters; the first is a
   *     whole sentence of its own, the kernel's summary in {@code run --help}'s list of kernels
   */
  protected BaseDescriptor(String name, Class<P> parametersType, Class<R> resultType, P defaults,
      Supplier<? extends KernelOptions<P>> options, Function<P, ? extends RankProgram<R>> program,
      FigureMeaning meaning, String... description) {
    this.name = name;
    this.parametersType = parametersType;
    this.resultType = resultType;
    this.defaults = defaults;
    this.options = options;
    this.program = program;
    this.meaning = Objects.requireNonNull(meaning, "meaning");
    this.description = List.of(description);
  }

  /** The {@link FigureMeaning} given to the constructor: the same for every run. */
  @Override
  public final FigureMeaning meaning() {
    return meaning;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<String> description() {
    return description;
  }

  @Override
  public final Class<P> parametersType() {
    return parametersType;
  }

  @Override
  public final Class<R> resultType() {
    return resultType;
  }

  @Override
  public final P defaults() {
    return defaults;
  }

  @Override
  public final KernelOptions<P> options() {
    return options.get();
  }

  @Override
  public final RankProgram<R> program(P parameters) {
    return program.apply(parameters);
  }
}
