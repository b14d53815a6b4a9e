package org.mpjbench.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the native reference ({@code native/osu_native.c}) prints on rank 0, read into {@link
 * SizeReport.Row}s of device {@value NativeReference#DEVICE}, and written as the sweep's JSON
 * ({@code sizes-native-<K>r.json}) so that {@link SizeReport#read} merges it with the MPJ rows.
 *
 * <pre>
 * osu_native ranks K
 * osu_native row OPERATION BYTES ITERATIONS MEDIAN_US P99_US
 * osu_native done
 * </pre>
 *
 * <p>Other lines (Open MPI's notices) are ignored.
 */
public final class NativeOutput {
  /** The prefix of the program's own lines. */
  static final String PREFIX = "osu_native ";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NativeOutput() {}

  /**
   * The rows of one run on {@code ranks} ranks over {@code sizes}: latency (with 2 ranks or more)
   * and allreduce at every size, each once.
   *
   * @throws IllegalArgumentException with one line saying what is wrong: another rank count, a
   *     malformed or repeated row, a missing operation or size, no final "done"
   */
  public static List<SizeReport.Row> parse(String stdout, int ranks, List<Integer> sizes) {
    Integer seenRanks = null;
    boolean done = false;
    List<SizeReport.Row> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String line : stdout.split("\\R")) {
      if (!line.startsWith(PREFIX)) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      try {
        switch (fields[1]) {
          case "ranks" -> {
            check(fields.length == 3, line);
            seenRanks = Integer.parseInt(fields[2]);
          }
          case "row" -> {
            check(fields.length == 7 && seenRanks != null && !done, line);
            String operation = fields[2];
            check(operation.equals("latency") || operation.equals("allreduce"), line);
            SizeReport.Row row = new SizeReport.Row(operation, ranks, NativeReference.DEVICE,
                Integer.parseInt(fields[3]), Integer.parseInt(fields[4]),
                Double.parseDouble(fields[5]), Double.parseDouble(fields[6]), Double.NaN);
            check(Double.isFinite(row.medianUs()), line);
            if (!seen.add(operation + " " + row.bytes())) {
              throw new IllegalArgumentException("native reference: " + operation + " at "
                  + row.bytes() + " B twice");
            }
            rows.add(row);
          }
          case "done" -> done = true;
          default -> check(false, line);
        }
      } catch (NumberFormatException e) {
        check(false, line);
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("native reference")) {
          throw e;
        }
        throw new IllegalArgumentException("native reference: " + e.getMessage());
      }
    }
    if (seenRanks == null || seenRanks != ranks) {
      throw new IllegalArgumentException("native reference: expected a run on " + ranks
          + " ranks, the program reported " + (seenRanks == null ? "none" : seenRanks));
    }
    if (!done) {
      throw new IllegalArgumentException("native reference: the program stopped before the end"
          + " (" + rows.size() + " rows)");
    }
    List<String> operations = ranks >= 2 ? List.of("latency", "allreduce") : List.of("allreduce");
    for (String operation : operations) {
      for (int bytes : sizes) {
        if (!seen.contains(operation + " " + bytes)) {
          throw new IllegalArgumentException("native reference: no " + operation + " at " + bytes
              + " B");
        }
      }
    }
    if (rows.size() != operations.size() * sizes.size()) {
      throw new IllegalArgumentException("native reference: " + rows.size() + " rows for "
          + operations.size() * sizes.size() + " operations and sizes");
    }
    return List.copyOf(rows);
  }

  /** Writes {@code rows} of one run on {@code ranks} ranks as the sweep's JSON. */
  public static void writeJson(Path file, int ranks, List<SizeReport.Row> rows)
      throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("ranks", ranks);
    root.put("device", NativeReference.DEVICE);
    ArrayNode array = root.putArray("rows");
    for (SizeReport.Row row : rows) {
      ObjectNode node = array.addObject();
      node.put("operation", row.operation());
      node.put("bytes", row.bytes());
      node.put("iterations", row.iterations());
      node.put("medianUs", row.medianUs());
      node.put("p99Us", row.p99Us());
      node.putNull("mbPerSecond");
    }
    TextFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)
        + "\n");
  }

  private static void check(boolean ok, String line) {
    if (!ok) {
      throw new IllegalArgumentException("native reference: unexpected line '" + line.trim()
          + "'");
    }
  }
}
