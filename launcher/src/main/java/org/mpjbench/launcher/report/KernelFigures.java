package org.mpjbench.launcher.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.check.PropertyCheck.ViolationException;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.spi.Expectation;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import org.mpjbench.kernels.spi.Rates;
import org.mpjbench.launcher.results.RunRecord;

/**
 * Each kernel's figures for the sweep (brief, CSV, table) and the kernel charts: one constant per
 * kernel of {@link KernelType}, a bridge to the kernel's {@link KernelDescriptor}, which says what
 * one operation is and reads every run's figures from its typed result (strictly: a missing field
 * is an error naming it). Berkeley and the download add columns of their own to {@code
 * sweep.csv}, still read by JSON pointer. This enum goes once the sweep, the charts and the
 * benchmarks list kernels through {@link Kernels}.
 */
public enum KernelFigures {
  /** Berkeley: its figures come from its descriptor (typed); its own columns of sweep.csv. */
  BERKELEY(KernelType.BERKELEY,
      List.of(Column.integer("final_skew_ns", "/summary/finalSkewNanos"),
          Column.integer("median_round_ns", "/summary/medianRoundNanos"))),

  /** The download: its figures come from its descriptor (typed); its own columns of sweep.csv. */
  DOWNLOAD(KernelType.DOWNLOAD,
      List.of(Column.integer("lines", "/lineCount"), Column.integer("draws", "/draws"),
          Column.decimal("master_complete_s", "/masterCompleteSeconds"),
          Column.decimal("bound_s", "/boundSeconds"), Column.decimal("efficiency", "/efficiency"))),

  /** Cristian's clock synchronization: its figures come from its descriptor (typed). */
  CRISTIAN(KernelType.CRISTIAN),

  /** Lamport logical clocks: its figures come from its descriptor (typed). */
  LAMPORT(KernelType.LAMPORT),

  /** Bully election: its figures come from its descriptor (typed). */
  BULLY(KernelType.BULLY),

  /** Ring election: its figures come from its descriptor (typed). */
  RING(KernelType.RING),

  /** Suzuki-Kasami mutual exclusion: its figures come from its descriptor (typed). */
  SUZUKI_KASAMI(KernelType.SUZUKI_KASAMI),

  /** Ricart-Agrawala mutual exclusion: its figures come from its descriptor (typed). */
  RICART_AGRAWALA(KernelType.RICART_AGRAWALA),

  /** Multicast to the group: its figures come from its descriptor (typed). */
  MULTICAST(KernelType.MULTICAST),

  /** Load balancing under three policies: its figures come from its descriptor (typed). */
  LOAD_BALANCE(KernelType.LOAD_BALANCE),

  /** The name server: its figures come from its descriptor (typed). */
  NAMING(KernelType.NAMING),

  /** Remote calls of the square-root service: its figures come from its descriptor (typed). */
  REMOTE_CALL(KernelType.REMOTE_CALL);

  private final KernelType type;
  private final String operation;
  private final String latencyMeaning;
  private final boolean checksProperty;
  private final Expectation expectation;
  private final List<Column> columns;
  /** The kernel's descriptor, for the kernels moved onto one (their figures are read typed). */
  private final KernelDescriptor<?, ?> descriptor;

  /** A kernel that has a descriptor: what its figures mean, and how to read them, come from it. */
  KernelFigures(KernelType type) {
    this(type, List.of());
  }

  /** The same, with columns of its own in {@code sweep.csv}. */
  KernelFigures(KernelType type, List<Column> columns) {
    this.type = type;
    this.descriptor = Kernels.byName(type.cliName()).orElseThrow(() -> new IllegalStateException(
        "kernel " + type.cliName() + " has no descriptor registered"));
    FigureMeaning meaning = descriptor.meaning();
    this.operation = meaning.operation();
    this.latencyMeaning = meaning.latencyMeaning();
    this.checksProperty = meaning.checksProperty();
    this.expectation = meaning.expectation();
    this.columns = columns;
  }

  /** The kernel. */
  public KernelType type() {
    return type;
  }

  /** The kernel's name in result files, e.g. {@code suzuki-kasami}. */
  public String kernelName() {
    return type.cliName();
  }

  /** What one operation is, a noun: "round", "entry", "lookup". */
  public String operation() {
    return operation;
  }

  /** What the median latency measures, for a legend ("wait to enter"); null when none. */
  public String latencyMeaning() {
    return latencyMeaning;
  }

  /** Whether the kernel checks a correctness property and counts its messages. */
  public boolean checksProperty() {
    return checksProperty;
  }

  /** The textbook's messages per operation, where the algorithm has a formula; else null. */
  public Expectation expectation() {
    return expectation;
  }

  /** The kernel's own columns of {@code sweep.csv} (besides those every kernel fills). */
  public List<Column> columns() {
    return columns;
  }

  /** The description of {@code type}. */
  public static KernelFigures of(KernelType type) {
    return Arrays.stream(values()).filter(k -> k.type == type).findFirst().orElseThrow();
  }

  /** The description of the kernel named {@code kernel} in a result file, if it is one of ours. */
  public static Optional<KernelFigures> byName(String kernel) {
    return kernel == null ? Optional.empty()
        : Arrays.stream(values()).filter(k -> k.kernelName().equals(kernel)).findFirst();
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
      boolean violated = checksProperty && violated(run);
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

  /** A rate for people: "4.75", "47.5", "4,751". */
  public static String rate(double perSecond) {
    return Rates.perSecond(perSecond);
  }
}
