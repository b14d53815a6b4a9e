package org.mpjbench.launcher.charts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.RunRecord;

/**
 * Result files made up for tests, built as JSON trees the way the launcher writes them (not
 * through RunRecord's constructor, which grows fields), then read like real files.
 */
public final class ResultFixtures {
  /** Lines in the made-up download file. */
  public static final int LINES = 1000;
  /** Requests per second per connection of the made-up server. */
  public static final double RATE = 250.0;

  private static final Instant START = Instant.parse("2026-11-21T12:00:00Z");
  // Every run starts one minute after the previous one, so that each has its own name.
  private static final AtomicInteger RUNS = new AtomicInteger();

  private ResultFixtures() {}

  /** H(n), the n-th harmonic number. */
  static double harmonic(int n) {
    double sum = 0;
    for (int i = 1; i <= n; i++) {
      sum += 1.0 / i;
    }
    return sum;
  }

  /**
   * A complete download run of {@code ranks} ranks in which rank 0 held every line after
   * {@code seconds}, with efficiency {@code efficiency}. Its series rises like a coupon
   * collector's and ends at (seconds, {@value #LINES}).
   */
  public static ObjectNode download(int ranks, double seconds, double efficiency) {
    ObjectNode run = base("download", ranks, "complete");
    ObjectNode result = run.putObject("result");
    double expectedDraws = LINES * harmonic(LINES);
    result.put("lineCount", LINES);
    result.put("ratePerSecond", RATE);
    result.put("burst", 5);
    result.put("expectedDraws", expectedDraws);
    result.put("boundSeconds", expectedDraws / (ranks * RATE));
    result.put("draws", Math.round(efficiency * ranks * RATE * seconds));
    result.put("groupCompleteSeconds", seconds * 0.995);
    result.put("masterCompleteSeconds", seconds);
    result.put("efficiency", efficiency);
    ArrayNode series = result.putArray("series");
    int samples = 60;
    for (int i = 1; i < samples; i++) {
      double t = seconds * i / samples;
      // After a fraction f of the time, a collector that finishes at f = 1 has about
      // N(1 - e^(-H(N) f)) distinct coupons.
      long lines = Math.round(LINES * (1 - Math.exp(-harmonic(LINES) * i / samples)));
      series.addObject().put("seconds", t).put("distinctLines", Math.min(lines, LINES - 1));
    }
    series.addObject().put("seconds", seconds).put("distinctLines", LINES);
    ArrayNode perRank = result.putArray("ranks");
    for (int r = 0; r < ranks; r++) {
      perRank.addObject().put("rank", r).put("requests", 100).put("linesReceived", 90)
          .put("declined", 10).put("duplicates", 20).put("reconnects", 0);
    }
    return KernelFixtures.typed(run); // read strictly through its descriptor: every field
  }

  /** A complete Berkeley run of {@code ranks} ranks with these true skews after each round. */
  public static ObjectNode berkeley(int ranks, long... trueSkewNanos) {
    ObjectNode run = base("berkeley", ranks, "complete");
    ObjectNode result = run.putObject("result");
    result.put("baselineRoundTripNanos", ranks == 1 ? 0 : 100_000);
    ArrayNode rounds = result.putArray("rounds");
    for (int i = 0; i < trueSkewNanos.length; i++) {
      rounds.addObject().put("round", i + 1).put("durationNanos", 1_700_000)
          .put("trueSkewNanos", trueSkewNanos[i]);
    }
    result.putObject("summary").put("finalSkewNanos",
        trueSkewNanos.length == 0 ? 0 : trueSkewNanos[trueSkewNanos.length - 1])
        // Close to the sequential bound (K-1)·5+1 of its default 5 polls per slave.
        .put("roundInRoundTrips", ranks == 1 ? 0.5 : (ranks - 1) * 5 + 1.5);
    return KernelFixtures.typed(run); // read strictly through its descriptor: every field
  }

  /** A run of {@code kernel} that ended with {@code status} (failed, timed-out, interrupted). */
  public static ObjectNode incomplete(String kernel, int ranks, String status) {
    ObjectNode run = base(kernel, ranks, status);
    run.put("partial", true);
    run.putArray("partialRecords");
    run.putObject("error").put("rank", 1).put("host", "vm").put("message", "rank 1 died")
        .put("detail", "java.lang.Error: boom");
    return run;
  }

  /** {@code run} on another device. */
  public static ObjectNode on(String device, ObjectNode run) {
    run.put("device", device);
    return run;
  }

  static ObjectNode base(String kernel, int ranks, String status) {
    ObjectNode run = ResultWriter.mapper().createObjectNode();
    run.put("schema", RunRecord.SCHEMA);
    run.put("status", status);
    run.put("partial", false);
    run.put("kernel", kernel);
    run.put("ranks", ranks);
    run.put("device", "multicore");
    run.putObject("parameters").put("seed", 1);
    run.put("startTime", START.plusSeconds(60L * RUNS.getAndIncrement()).toString());
    run.put("wallTimeSeconds", 3.5);
    run.putObject("environment").put("host", "vm").put("os", "Linux").put("cores", 2)
        .put("javaVersion", "17").put("javaVm", "OpenJDK").put("mpjVersion", "0.44")
        .put("mpjHome", "/opt/mpj");
    run.putObject("rankHosts").putObject("0").put("host", "vm").put("pid", 1);
    return run;
  }

  /** The record of {@code tree}, read as a result file would be. */
  public static RunRecord record(ObjectNode tree) {
    try {
      return ResultWriter.mapper().readerFor(RunRecord.class)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The records of {@code trees}. */
  public static List<RunRecord> records(ObjectNode... trees) {
    return java.util.Arrays.stream(trees).map(ResultFixtures::record).toList();
  }

  /** Writes {@code tree} as {@code directory/name}; returns the file. */
  public static Path write(Path directory, String name, ObjectNode tree) throws IOException {
    Files.createDirectories(directory);
    try {
      return Files.writeString(directory.resolve(name),
          ResultWriter.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code tree} under the name the launcher would give it; returns the file. */
  public static Path write(Path directory, ObjectNode tree) throws IOException {
    return write(directory, RunFields.name(record(tree)) + ".json", tree);
  }
}
