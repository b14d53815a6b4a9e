package org.mpjbench.launcher.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mpjbench.kernels.spi.Durations;

/**
 * A complete run's kernel result, read by JSON pointer. A field the kernel always writes but the
 * file lacks means a broken or foreign file: the message names the run and the field, so that a
 * table or chart never quietly shows a hole.
 */
final class ResultFields {
  private final String run;
  private final String prefix;
  private final JsonNode node;

  ResultFields(String run, String prefix, JsonNode node) {
    this.run = run;
    this.prefix = prefix;
    this.node = node;
  }

  /** A whole number, e.g. {@code integer("/summary/finalSkewNanos")}. */
  long integer(String pointer) {
    JsonNode value = node.at(pointer);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw missing(pointer, "a whole number");
    }
    return value.longValue();
  }

  /** A finite number. */
  double number(String pointer) {
    JsonNode value = node.at(pointer);
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw missing(pointer, "a number");
    }
    return value.doubleValue();
  }

  /** A boolean. */
  boolean bool(String pointer) {
    JsonNode value = node.at(pointer);
    if (!value.isBoolean()) {
      throw missing(pointer, "true or false");
    }
    return value.booleanValue();
  }

  /** The elements of an array, each readable the same way. */
  List<ResultFields> each(String pointer) {
    JsonNode value = node.at(pointer);
    if (!value.isArray()) {
      throw missing(pointer, "an array");
    }
    List<ResultFields> elements = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      elements.add(new ResultFields(run, prefix + pointer + "/" + i, value.get(i)));
    }
    return elements;
  }

  /** A duration field for people, e.g. "2.49 ms". */
  String duration(String pointer) {
    return Durations.nanos(integer(pointer));
  }

  private IllegalArgumentException missing(String pointer, String what) {
    String path = (prefix + pointer).replaceFirst("^/", "").replace('/', '.');
    return new IllegalArgumentException(
        "run " + run + " has no result." + path + " (" + what + ")");
  }
}
