package org.mpjbench.launcher.charts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.RunRecord;

/**
 * Reads result files (schema {@value RunRecord#SCHEMA}) named one by one or found in folders.
 * Anything that is not a result file is an error naming the file, never silently skipped: a
 * chart missing runs nobody noticed is worse than no chart.
 */
public final class ResultFiles {
  // Newer writers may add fields within the same schema (the schema changes when a field changes
  // meaning, not when one is added), so unknown fields are not an error here.
  private static final ObjectReader RECORDS = ResultWriter.mapper().readerFor(RunRecord.class)
      .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ResultFiles() {}

  /**
   * One result file read.
   *
   * @param file the file, as found (a folder argument joined with the path below it)
   * @param run its record
   */
  public record Loaded(Path file, RunRecord run) {}

  /**
   * The runs of {@code filesOrDirectories}, in the order of the arguments, each folder's files
   * sorted by path; a file reached twice counts once.
   *
   * @throws IllegalArgumentException when a path does not exist, or a file is not a result file
   *     ("FILE is not an mpjbench result file (why)")
   */
  public static List<RunRecord> load(List<Path> filesOrDirectories) throws IOException {
    return loadFiles(filesOrDirectories).stream().map(Loaded::run).toList();
  }

  /**
   * As {@link #load}, keeping each run's file. A file named on its own is read whatever its
   * name; in a folder (searched recursively) only {@code *.json} files are, and every one must be
   * a result file, except the artifacts a result file in the same folder lists as its own.
   */
  public static List<Loaded> loadFiles(List<Path> filesOrDirectories) throws IOException {
    return loadFiles(filesOrDirectories, null);
  }

  /**
   * As {@link #loadFiles(List)}, except that a file found in a folder that is not a result file is
   * left out, its problem ("FILE is not an mpjbench result file (why)") added to {@code leftOut},
   * instead of failing the whole reading; with {@code leftOut} null, the first one fails it. Paths
   * named on their own stay strict: the user asked for that very file.
   */
  public static List<Loaded> loadFiles(List<Path> filesOrDirectories, List<String> leftOut)
      throws IOException {
    Map<Path, Loaded> loaded = new LinkedHashMap<>();
    for (Path argument : filesOrDirectories) {
      if (Files.isDirectory(argument)) {
        for (Loaded file : loadDirectory(argument, leftOut)) {
          loaded.putIfAbsent(identity(file.file()), file);
        }
      } else if (Files.isRegularFile(argument)) {
        Parsed parsed = parse(argument);
        if (parsed.problem() != null) {
          throw parsed.problem();
        }
        loaded.putIfAbsent(identity(argument), new Loaded(argument, parsed.run()));
      } else if (Files.exists(argument)) {
        throw new IllegalArgumentException(argument + " is neither a file nor a folder");
      } else {
        throw new IllegalArgumentException(argument + " does not exist");
      }
    }
    return List.copyOf(loaded.values());
  }

  private static List<Loaded> loadDirectory(Path directory, List<String> leftOut)
      throws IOException {
    List<Path> candidates;
    try (Stream<Path> walk = Files.walk(directory)) {
      candidates = walk.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
    List<Parsed> parsed = new ArrayList<>();
    Set<Path> artifacts = new HashSet<>();
    for (Path file : candidates) {
      if (isJmhResult(file) || isSizeSweep(file)) {
        // JMH's own JSON and the size sweep of one rank count from 'mpjbench bench': bench draws
        // the first (throughput.png), plot the second from the folder's sizes.csv.
        continue;
      }
      Parsed one = parse(file);
      parsed.add(one);
      if (one.run() != null && one.artifacts() != null) {
        // A run may store files of its own beside its record (RunRecord's "artifacts"), and
        // one of them may well be JSON: it is part of that run, not a stranger in the folder.
        for (JsonNode name : one.artifacts()) {
          if (name.isTextual()) {
            artifacts.add(file.resolveSibling(name.asText()).normalize());
          }
        }
      }
    }
    List<Loaded> loaded = new ArrayList<>();
    for (Parsed one : parsed) {
      if (one.problem() == null) {
        loaded.add(new Loaded(one.file(), one.run()));
      } else if (!artifacts.contains(one.file().normalize())) {
        if (leftOut == null) {
          throw one.problem();
        }
        leftOut.add(one.problem().getMessage());
      }
    }
    return loaded;
  }

  /** Whether a file is a JMH result (a JSON array of benchmark results), e.g. jmh-4r.json. */
  private static boolean isJmhResult(Path file) {
    try {
      JsonNode tree = ResultWriter.mapper().readTree(file.toFile());
      return tree != null && tree.isArray() && tree.size() > 0
          && tree.get(0).has("benchmark") && tree.get(0).has("primaryMetric");
    } catch (IOException e) {
      return false; // parse() will say what is wrong with it
    }
  }

  /**
   * Whether {@code file} is a bench's {@code sizes-<K>r.json} (or {@code sizes-native-<K>r.json}):
   * named so, an object with the rank count and the rows of the size sweep.
   */
  private static boolean isSizeSweep(Path file) {
    if (!file.getFileName().toString().matches("sizes-(native-)?[0-9]+r\\.json")) {
      return false;
    }
    try {
      JsonNode tree = ResultWriter.mapper().readTree(file.toFile());
      return tree != null && tree.isObject() && tree.path("ranks").canConvertToInt()
          && tree.path("rows").isArray();
    } catch (IOException e) {
      return false; // parse() will say what is wrong with it
    }
  }

  /** A file read: its record and its artifacts' names, or why it is not a result file. */
  private record Parsed(Path file, RunRecord run, JsonNode artifacts,
      IllegalArgumentException problem) {}

  private static Parsed parse(Path file) {
    JsonNode tree;
    try {
      tree = ResultWriter.mapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      // Where, not Jackson's full diagnosis (which lists every token it expected).
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
      return notOurs(file, e instanceof JsonEOFException ? "cut short: the JSON ends" + where
          : "not JSON" + where);
    } catch (IOException e) {
      return new Parsed(file, null, null,
          new IllegalArgumentException("cannot read " + file + " (" + describe(file, e) + ")"));
    }
    if (tree == null || !tree.isObject()) {
      return notOurs(file, tree == null || tree.isMissingNode() ? "empty" : "not a JSON object");
    }
    JsonNode schema = tree.get("schema");
    if (schema == null) {
      return notOurs(file, "no \"schema\" field");
    }
    if (!RunRecord.SCHEMA.equals(schema.asText())) {
      String family = RunRecord.SCHEMA.substring(0, RunRecord.SCHEMA.indexOf('/') + 1);
      return notOurs(file, "schema " + schema + ", expected \"" + RunRecord.SCHEMA + "\""
          + (schema.asText().startsWith(family) ? ": written by another version of mpjbench" : ""));
    }
    try {
      return new Parsed(file, RECORDS.readValue(tree), tree.get("artifacts"), null);
    } catch (IOException | IllegalArgumentException e) {
      String why = e instanceof JsonProcessingException json ? json.getOriginalMessage()
          : e.getMessage();
      return notOurs(file, "schema " + RunRecord.SCHEMA + " but unreadable: " + why);
    }
  }

  private static Parsed notOurs(Path file, String why) {
    return new Parsed(file, null, null, new IllegalArgumentException(
        file + " is not an mpjbench result file (" + oneLine(why) + ")"));
  }

  // Jackson's messages can span lines and quote whole documents; the error is one line.
  private static String oneLine(String text) {
    String line = String.valueOf(text).replaceAll("\\s+", " ").trim();
    return line.length() <= 160 ? line : line.substring(0, 157) + "...";
  }

  private static String describe(Path file, IOException e) {
    // NIO exceptions often carry only the path as their message; the type says what happened.
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.equals(file.toString()) ? "" : ": " + oneLine(message));
  }

  private static Path identity(Path file) throws IOException {
    return file.toRealPath();
  }
}
