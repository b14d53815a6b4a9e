package org.mpjbench.kernels.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelFixture;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/**
 * Reading a run record typed: its kernel's result record, read strictly, and the summary a person
 * reads, made from the record as it was written. The launcher and rank 0 of a run started by MPJ's
 * own starter both print a run's summary through here, so that the two read alike.
 */
public final class Results {
  // ResultWriter's stamp, so that a run is named the way its file is.
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");

  private Results() {}

  /**
   * The run's name as its result file is called, without {@code .json}, e.g.
   * {@code download-4r-multicore-20261121T234653Z}.
   */
  public static String nameOf(RunRecord run) {
    return run.kernel() + "-" + run.ranks() + "r-" + run.device()
        + (run.startTime() == null ? "" : "-" + STAMP.format(run.startTime()));
  }

  /**
   * The typed result of {@code run}, a complete run, read strictly: a missing field must not read
   * as 0, since that would hide a broken result behind a figure. The one exception is a field of
   * type {@link Latencies} (a kernel's latency distribution), which results written before the
   * kernel reported it lack: it reads as null, and the figures it feeds stay empty.
   *
   * @throws IllegalArgumentException naming the run and the field missing or malformed
   */
  public static <R> R typed(RunRecord run, Class<R> type) {
    if (run.result() == null || !run.result().isObject()) {
      throw new IllegalArgumentException("run " + nameOf(run) + " is complete but has no result");
    }
    try {
      return ResultWriter.mapper().readerFor(type)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .readValue(withAbsentLatenciesAsNull(run.result(), type));
    } catch (InvalidFormatException e) {
      throw new IllegalArgumentException("run " + nameOf(run) + " has a malformed " + field(e)
          + " (" + e.getValue() + "; its " + run.kernel() + " result is broken)", e);
    } catch (MismatchedInputException e) {
      throw new IllegalArgumentException("run " + nameOf(run) + " has no " + field(e)
          + " (its " + run.kernel() + " result is incomplete)", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("run " + nameOf(run) + ": its result is not a "
          + run.kernel() + " result (" + e.getMessage() + ")", e);
    }
  }

  /** {@code result}, with a null for each {@link Latencies} field of {@code type} it lacks. */
  private static JsonNode withAbsentLatenciesAsNull(JsonNode result, Class<?> type) {
    if (!type.isRecord()) {
      return result;
    }
    ObjectNode filled = null;
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getType() == Latencies.class && !result.has(component.getName())) {
        filled = filled != null ? filled : ((ObjectNode) result).deepCopy();
        filled.putNull(component.getName());
      }
    }
    return filled != null ? filled : result;
  }

  /**
   * The summary of {@code record}, a complete run of {@code kernel} as written in {@code file},
   * one line each; its stored artifacts are checked by {@code fixture} when there is one.
   */
  public static <P, R> List<String> summary(KernelDescriptor<P, R> kernel, RunRecord record,
      Path file, KernelFixture<P> fixture) throws IOException {
    Map<String, Path> artifacts = new LinkedHashMap<>();
    Map<String, String> checks = new LinkedHashMap<>();
    if (record.artifacts() != null) {
      for (Map.Entry<String, String> artifact : record.artifacts().entrySet()) {
        Path stored = file.resolveSibling(artifact.getValue());
        artifacts.put(artifact.getKey(), stored);
        if (fixture != null) {
          checks.put(artifact.getKey(), fixture.artifactCheck(artifact.getKey(), stored));
        }
      }
    }
    // Fields a later version added are left out, as the result's are (typed).
    P parameters = ResultWriter.mapper().readerFor(kernel.parametersType())
        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(record.parameters());
    return kernel.summary(parameters,
        typed(record, kernel.resultType()), new RunInfo(record.ranks(), record.device(),
            record.wallTimeSeconds(), artifacts, checks));
  }

  /** "result.rounds[1].trueSkewNanos": where the field Jackson missed sits in the record. */
  private static String field(MismatchedInputException e) {
    StringBuilder path = new StringBuilder("result");
    for (JsonMappingException.Reference step : e.getPath()) {
      if (step.getFieldName() != null) {
        path.append('.').append(step.getFieldName());
      } else {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    Matcher property = PROPERTY.matcher(e.getOriginalMessage());
    if (property.find() && !path.toString().endsWith("." + property.group(1))) {
      path.append('.').append(property.group(1));
    }
    return path.toString();
  }
}
