package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small real sweep (both kernels, 1 and 2 ranks) end to end: every run, the CSV, the three
 * charts and the table; then {@code plot} redraws the charts from the folder alone.
 */
class SweepIT {
  @TempDir Path work;

  @Test
  void sweepWritesRunsCsvAndChartsAndPlotRedrawsThem() throws Exception {
    Path results = work.resolve("sweep");
    Path plots = work.resolve("plots");
    LauncherRun sweep = LauncherRun.runPlain("sweep", "--ranks", "1,2", "--repeat", "1",
        "--lines", "60", "--rate-per-second", "1500", "--rounds", "5",
        "--results", results.toString(), "--plots", plots.toString());
    sweep.expectExit(0);

    List<String> csv = Files.readAllLines(results.resolve("sweep.csv"), StandardCharsets.UTF_8);
    assertEquals(5, csv.size(), "header + 2 kernels x 2 rank counts: " + csv);
    assertTrue(csv.get(0).startsWith("kernel,ranks,repeat,seed,status"));
    assertTrue(csv.stream().skip(1).allMatch(row -> row.contains(",complete,")), csv.toString());
    for (String chart : List.of("download-lines-vs-time.png", "download-speedup.png",
        "berkeley-skew.png")) {
      BufferedImage image = ImageIO.read(plots.resolve(chart).toFile());
      assertTrue(image != null && image.getWidth() >= 800, chart);
      assertTrue(sweep.out().contains(chart), sweep.out());
    }
    assertTrue(sweep.out().contains("luck-free"), sweep.out());

    Path again = work.resolve("again");
    LauncherRun plot = LauncherRun.runPlain("plot", results.toString(), "--out", again.toString());
    plot.expectExit(0);
    assertTrue(Files.isRegularFile(again.resolve("download-speedup.png")), plot.out());
    assertTrue(Files.isRegularFile(again.resolve("berkeley-skew.png")), plot.out());
  }
}
