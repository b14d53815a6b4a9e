package org.mpjbench.kernels.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.program.RankProgramFactory;

/**
 * Everything mpjbench knows of one kernel, in the kernel's own package: its name and description,
 * its options, the program every rank runs, its typed result, the summary a person reads, the
 * figures the sweep and the charts read, and its benchmark cases. One line in {@code
 * META-INF/services/org.mpjbench.kernels.program.RankProgramFactory} registers it; {@link Kernels}
 * lists the registered ones, and the rank runtime finds it as a {@link RankProgramFactory} without
 * importing it.
 *
 * @param <P> the parameters record (sent to every rank as JSON)
 * @param <R> the result record rank 0 returns
 */
public interface KernelDescriptor<P, R> extends RankProgramFactory {
  /** The name on the command line and in result files, e.g. {@code ring}. */
  @Override
  String name();

  /** What the kernel does and checks, in lines of at most 80 characters, for its help. */
  List<String> description();

  @Override
  Class<P> parametersType();

  /** The record type of rank 0's result. */
  Class<R> resultType();

  /** The parameters of a run with every option at its default. */
  P defaults();

  /** A fresh options object (picocli-annotated) for the kernel's {@code run} subcommand. */
  KernelOptions<P> options();

  /** The program every rank runs with {@code parameters}. */
  RankProgram<R> program(P parameters);

  /**
   * The kernel as steps a benchmark times ({@link KernelSession}), opened on this rank with
   * {@code parameters} (every rank opens it at once); the default: the kernel offers none.
   *
   * @throws UnsupportedOperationException when the kernel offers no session
   */
  default KernelSession session(RankContext context, P parameters) throws Exception {
    throw new UnsupportedOperationException(name() + " offers no session to time step by step");
  }

  @Override
  default RankProgram<?> create(Object parameters) {
    if (!parametersType().isInstance(parameters)) {
      throw new IllegalArgumentException(
          name() + " takes " + parametersType().getSimpleName() + ", not " + parameters);
    }
    return program(parametersType().cast(parameters));
  }

  /**
   * How far a complete run with {@code parameters} goes, for the progress bar (rounds, lines...);
   * 0, the default, for a kernel that sends no progress records.
   */
  default long progressTotal(P parameters) {
    return 0;
  }

  /** How far the run is, by one of its progress records (sent by rank 0 as it goes). */
  default long progressPosition(JsonNode record) {
    return 0;
  }

  /** What the kernel's figures mean (the same for every run). */
  FigureMeaning meaning();

  /** The figures of a complete run of {@code ranks} ranks. */
  Figures figures(R result, int ranks);

  /**
   * The kernel's own figures for {@code sweep.csv}, in column order, beyond the shared {@link
   * Figures}; none by default.
   */
  default List<OwnColumn<R>> ownColumns() {
    return List.of();
  }

  /**
   * The summary of a complete run with {@code parameters}, one line each, the first naming the
   * kernel and the run.
   */
  List<String> summary(P parameters, R result, RunInfo run);

  /** The cases the kernel-run benchmark times; the default: one, the default run, from 1 rank. */
  default List<BenchCase<P>> benchCases() {
    return List.of(new BenchCase<>(name(), 1, defaults()));
  }
}
