package org.mpjbench.launcher.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mpjbench.kernels.check.PropertyCheck.ViolationException;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.spi.Expectation;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import org.mpjbench.launcher.results.RunRecord;

/**
 * Each kernel's figures for the sweep (brief, CSV, table) and the kernel charts: one instance per
 * kernel of the registry ({@link Kernels}, in its order), a view of the kernel's {@link
 * KernelDescriptor}, which says what one operation is and reads every run's figures from its typed
 * result (strictly: a missing field is an error naming it). Berkeley and the download add columns
 * of their own to {@code sweep.csv}, read by JSON pointer.
 */
public final class KernelFigures implements Comparable<KernelFigures> {
  /** The kernels' own columns of {@code sweep.csv}, by kernel name. */
  private static final Map<String, List<Column>> OWN_COLUMNS = Map.of(
      "berkeley", List.of(Column.integer("final_skew_ns", "/summary/finalSkewNanos"),
          Column.integer("median_round_ns", "/summary/medianRoundNanos")),
      "download", List.of(Column.integer("lines", "/lineCount"), Column.integer("draws", "/draws"),
          Column.decimal("master_complete_s", "/masterCompleteSeconds"),
          Column.decimal("bound_s", "/boundSeconds"),
          Column.decimal("efficiency", "/efficiency")));

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
    this.columns = OWN_COLUMNS.getOrDefault(descriptor.name(), List.of());
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
          null, null);
    }
    return readTyped(descriptor, run);
  }

  /** The figures of a complete run of a kernel that has a descriptor, from its typed result. */
  private <P, R> RunFigures readTyped(KernelDescriptor<P, R> kernel, RunRecord run) {
    R result;
    try {
      // A missing field must not read as 0: that would hide a broken result behind a figure.
      result = ControlCodec.mapper().readerFor(kernel.resultType())
          .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .readValue(run.result());
    } catch (MismatchedInputException e) {
      throw new IllegalArgumentException("run " + RunFigures.nameOf(run) + " has no "
          + missingField(e) + " (its " + kernel.name() + " result is incomplete)", e);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("run " + RunFigures.nameOf(run) + ": its result is not a "
          + kernel.name() + " result (" + e.getMessage() + ")", e);
    }
    Figures f = kernel.figures(result, run.ranks());
    boolean someOperation = f.operations() > 0;
    return new RunFigures(run, this, f.check() == null ? null : f.check().holds(), f.messages(),
        f.operations(), someOperation ? f.medianLatencyNanos() : null,
        someOperation ? f.operationsPerSecond() : null,
        f.baselineRoundTripNanos() == null || f.baselineRoundTripNanos() <= 0 ? null
            : f.baselineRoundTripNanos(),
        f.headline());
  }

  /** "result.figures.medianWaitNanos": where the field Jackson missed sits in the record. */
  private static String missingField(MismatchedInputException e) {
    StringBuilder path = new StringBuilder("result");
    for (JsonMappingException.Reference step : e.getPath()) {
      path.append('.').append(step.getFieldName() != null ? step.getFieldName()
          : String.valueOf(step.getIndex()));
    }
    java.util.regex.Matcher property =
        java.util.regex.Pattern.compile("property '([^']+)'").matcher(e.getOriginalMessage());
    if (property.find() && !path.toString().endsWith("." + property.group(1))) {
      path.append('.').append(property.group(1));
    }
    return path.toString();
  }

  /** Whether the run failed because rank 0's check threw {@link ViolationException}. */
  private static boolean violated(RunRecord run) {
    if (run.error() == null) {
      return false;
    }
    String message = String.valueOf(run.error().message());
    String detail = String.valueOf(run.error().detail());
    return message.contains(ViolationException.class.getSimpleName() + ": ")
        || detail.startsWith(ViolationException.class.getName());
  }

  /**
   * One kernel-specific column of {@code sweep.csv}.
   *
   * @param name the column's name
   * @param pointer where its value sits in the result
   * @param decimal whether it is written with four decimals (else as the JSON has it)
   */
  public record Column(String name, String pointer, boolean decimal) {
    static Column integer(String name, String pointer) {
      return new Column(name, pointer, false);
    }

    static Column decimal(String name, String pointer) {
      return new Column(name, pointer, true);
    }

    /** The cell of a complete run's {@code result}; empty when the result lacks the field. */
    public String cell(RunRecord run) {
      var value = run.result() == null ? null : run.result().at(pointer);
      if (value == null || !value.isNumber()) {
        return "";
      }
      return decimal ? String.format(Locale.ROOT, "%.4f", value.doubleValue()) : value.asText();
    }

    /** The value of a complete run's {@code result} as a number; NaN when it lacks the field. */
    public double number(RunRecord run) {
      var value = run.result() == null ? null : run.result().at(pointer);
      return value == null || !value.isNumber() ? Double.NaN : value.doubleValue();
    }
  }

  /** The column named {@code name} of this kernel. */
  public Column column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException(this + " has no column " + name));
  }
}
