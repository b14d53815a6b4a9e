package org.mpjbench.launcher.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small sweep folders for the comparison's tests: a {@code sweep.csv} and nothing else. */
public final class CompareFixtures {
  /** The columns of the reference sweep's table (an older sweep: fewer columns than today's). */
  public static final String HEADER = "kernel,ranks,repeat,seed,status,wall_s,final_skew_ns,"
      + "median_round_ns,lines,draws,master_complete_s,bound_s,efficiency,result_file,property,"
      + "messages,operation,operations,median_latency_ns,ops_per_s,messages_per_op";

  private CompareFixtures() {}

  /**
   * A sweep folder {@code dir} with {@code runs} ring runs at {@code ranks} ranks on multicore
   * whose median latency is {@code latencyNs} times 0.97 to 1.03, the rate its inverse.
   */
  public static Path ringSweep(Path dir, int ranks, int runs, double latencyNs)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (int run = 1; run <= runs; run++) {
      double latency = latencyNs * (0.97 + 0.06 * (run - 1) / Math.max(1, runs - 1));
      lines.add(String.format(Locale.ROOT, "ring,%d,%d,%d,complete,1.0,,,,,,,,"
          + "ring-%dr-multicore-20261206T1428%02dZ.json,holds,40,election,4,%.0f,%.4f,10",
          ranks, run, run, ranks, run, latency, 1e9 / latency));
    }
    // A failed run has no figures and must be left out.
    lines.add(String.format(Locale.ROOT, "ring,%d,%d,%d,failed,,,,,,,,,,,,,,,,", ranks,
        runs + 1, runs + 1));
    Files.createDirectories(dir);
    Files.write(dir.resolve("sweep.csv"), lines, StandardCharsets.UTF_8);
    return dir;
  }
}
