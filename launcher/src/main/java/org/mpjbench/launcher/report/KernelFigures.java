package org.mpjbench.launcher.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpjbench.kernels.results.Results;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.kernels.spi.Expectation;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import org.mpjbench.kernels.spi.OwnColumn;

/**
 * Each kernel's figures for the sweep (brief, CSV, table) and the kernel charts: one instance per
 * kernel of the registry ({@link Kernels}, in its order), a view of the kernel's {@link
 * KernelDescriptor}, which says what one operation is and reads every run's figures from its typed
 * result (strictly: a missing field is an error naming it), with the columns of its own that the
 * descriptor adds to {@code sweep.csv} (Berkeley's skew, the download's T and E).
 */
public final class KernelFigures implements Comparable<KernelFigures> {
  private static final List<KernelFigures> ALL =
      Kernels.all().stream().map(KernelFigures::new).toList();

  private final FigureMeaning meaning;
  private final List<Column> columns;
  private final KernelDescriptor<?, ?> descriptor;
  /** The kernel's place in the registry: the order of tables, charts and their colours. */
  private final int index;

  private KernelFigures(KernelDescriptor<?, ?> descriptor) {
    this.descriptor = descriptor;
    this.index = Kernels.all().indexOf(descriptor);
    this.meaning = descriptor.meaning();
    this.columns = descriptor.ownColumns().stream().map(Column::new).toList();
  }

  /** Every kernel's, in the registry's order. */
  public static List<KernelFigures> all() {
    return ALL;
  }

  /** The kernel named {@code kernel}, which must be registered. */
  public static KernelFigures named(String kernel) {
    return byName(kernel).orElseThrow(
        () -> new IllegalStateException("no kernel named " + kernel + " is registered"));
  }

  /** In the registry's order. */
  @Override
  public int compareTo(KernelFigures other) {
    return Integer.compare(index, other.index);
  }

  /** The kernel's name, as in messages. */
  @Override
  public String toString() {
    return kernelName();
  }

  /** The kernel's name in result files, e.g. {@code suzuki-kasami}. */
  public String kernelName() {
    return descriptor.name();
  }

  /** What one operation is, a noun: "round", "entry", "lookup". */
  public String operation() {
    return meaning.operation();
  }

  /** What the median latency measures, for a legend ("wait to enter"); null when none. */
  public String latencyMeaning() {
    return meaning.latencyMeaning();
  }

  /** Whether the kernel checks a correctness property and counts its messages. */
  public boolean checksProperty() {
    return meaning.checksProperty();
  }

  /** The textbook's messages per operation, where the algorithm has a formula; else null. */
  public Expectation expectation() {
    return meaning.expectation();
  }

  /** The kernel's own columns of {@code sweep.csv} (besides those every kernel fills). */
  public List<Column> columns() {
    return columns;
  }

  /** The description of the kernel named {@code kernel} in a result file, if it is one of ours. */
  public static Optional<KernelFigures> byName(String kernel) {
    return kernel == null ? Optional.empty()
        : ALL.stream().filter(k -> k.kernelName().equals(kernel)).findFirst();
  }

  /**
   * The figures of {@code run}. A run that did not complete has none but its verdict (false when
   * its property was violated).
   *
   * @throws IllegalArgumentException when the run is not of a known kernel, or is complete but
   *     lacks a figure its kernel always writes (the message names the run and the field)
   */
  public static RunFigures of(RunRecord run) {
    KernelFigures kernel = byName(run.kernel()).orElseThrow(() -> new IllegalArgumentException(
        "run " + RunFigures.nameOf(run) + " is of kernel '" + run.kernel()
            + "', which has no figures"));
    return kernel.read(run);
  }

  /** The figures of {@code run}, a run of this kernel. */
  public RunFigures read(RunRecord run) {
    if (!RunFigures.COMPLETE.equals(run.status()) || run.result() == null) {
      boolean violated = meaning.checksProperty() && violated(run);
      return new RunFigures(run, this, violated ? Boolean.FALSE : null, null, null, null, null,
          null, null, Map.of(), null);
    }
    return readTyped(descriptor, run);
  }

  /** The figures of a complete run of a kernel that has a descriptor, from its typed result. */
  private <P, R> RunFigures readTyped(KernelDescriptor<P, R> kernel, RunRecord run) {
    R result = Results.typed(run, kernel.resultType());
    Figures f = kernel.figures(result, run.ranks());
    Map<String, Double> own = new LinkedHashMap<>();
    for (OwnColumn<R> column : kernel.ownColumns()) {
      own.put(column.name(), column.value().applyAsDouble(result));
    }
    boolean someOperation = f.operations() > 0;
    return new RunFigures(run, this, f.check() == null ? null : f.check().holds(), f.messages(),
        f.operations(), someOperation ? f.medianLatencyNanos() : null,
        someOperation ? f.operationsPerSecond() : null,
        f.baselineRoundTripNanos() == null || f.baselineRoundTripNanos() <= 0 ? null
            : f.baselineRoundTripNanos(),
        f.headline(), Collections.unmodifiableMap(own), someOperation ? f.latency() : null);
  }

  /** Whether the run failed because the kernel's property check did not hold. */
  private static boolean violated(RunRecord run) {
    return run.error() != null && run.error().violation() != null;
  }

  /**
   * One kernel-specific column of {@code sweep.csv}, as its descriptor declares it.
   *
   * @param own the kernel's declaration: name, format and how it is read from the result
   */
  public record Column(OwnColumn<?> own) {
    /** The column's name. */
    public String name() {
      return own.name();
    }

    /** The cell of a run's figures; empty when the run has none (it did not complete). */
    public String cell(RunFigures run) {
      Double value = run.own().get(name());
      return value == null ? "" : own.format(value);
    }

    /** The figure of a run as a number; NaN when the run has none. */
    public double number(RunFigures run) {
      Double value = run.own().get(name());
      return value == null ? Double.NaN : value;
    }
  }

  /** The column named {@code name} of this kernel. */
  public Column column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException(this + " has no column " + name));
  }
}
