package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small real sweep (Berkeley, the download and one algorithm kernel, 1 and 2 ranks) end to end:
 * every run, the CSV, the five charts and the tables; then {@code plot} redraws the charts from
 * the folder alone. And a sweep stopped by SIGTERM keeps the row of the run it interrupted.
 */
class SweepIT {
  @TempDir Path work;

  @Test
  void sweepWritesRunsCsvAndChartsAndPlotRedrawsThem() throws Exception {
    Path results = work.resolve("sweep");
    Path plots = work.resolve("plots");
    LauncherRun sweep = LauncherRun.runPlain("sweep", "--ranks", "1,2", "--repeat", "1",
        "--kernels", "berkeley,download,ricart-agrawala,file-ipc",
        "--lines", "60", "--rate-per-second", "1500", "--rounds", "5",
        "--results", results.toString(), "--plots", plots.toString());
    sweep.expectExit(0);

    List<String> csv = Files.readAllLines(results.resolve("sweep.csv"), StandardCharsets.UTF_8);
    assertEquals(9, csv.size(), "header + 4 kernels x 2 rank counts: " + csv);
    assertTrue(csv.get(0).startsWith("kernel,ranks,repeat,seed,status"));
    // The shared columns, in this order (the algorithm kernels' own columns may follow them).
    assertTrue(csv.get(0).contains(",result_file,property,messages,operation,operations,"
        + "median_latency_ns,ops_per_s,messages_per_op"), csv.get(0));
    assertTrue(csv.stream().skip(1).allMatch(row -> row.contains(",complete,")), csv.toString());
    // Ricart-Agrawala with 2 ranks: every entry costs exactly 2(K-1) = 2 messages.
    List<String> header = List.of(csv.get(0).split(",", -1));
    String[] row = csv.stream().filter(r -> r.startsWith("ricart-agrawala,2,")).findFirst()
        .orElseThrow().split(",", -1);
    assertEquals(header.size(), row.length, String.join(",", row));
    assertTrue(row[header.indexOf("result_file")].endsWith(".json"), String.join(",", row));
    assertEquals("holds", row[header.indexOf("property")]);
    assertEquals("entry", row[header.indexOf("operation")]);
    for (String number : List.of("messages", "operations", "median_latency_ns")) {
      assertTrue(row[header.indexOf(number)].matches("\\d+"),
          number + ": " + String.join(",", row));
    }
    assertTrue(row[header.indexOf("ops_per_s")].matches("[0-9.]+"), String.join(",", row));
    assertEquals("2.0000", row[header.indexOf("messages_per_op")]);
    // A kernel without a seed (file-ipc) is repeated as it is: no --seed given, none written.
    String[] ipc = csv.stream().filter(r -> r.startsWith("file-ipc,2,")).findFirst()
        .orElseThrow().split(",", -1);
    assertEquals("", ipc[header.indexOf("seed")], String.join(",", ipc));
    assertEquals("holds", ipc[header.indexOf("property")], String.join(",", ipc));
    assertTrue(sweep.out().matches("(?s).*ricart-agrawala +entry +2 +1 +1/1 +2\\.00 .*"),
        sweep.out());
    for (String chart : List.of("download-lines-vs-time.png", "download-speedup.png",
        "berkeley-skew.png", "kernels-messages.png", "kernels-latency.png")) {
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
    assertTrue(Files.isRegularFile(again.resolve("kernels-messages.png")), plot.out());
  }

  @Test
  void anInterruptedSweepKeepsTheRowOfTheRunItStopped() throws Exception {
    Path results = work.resolve("stopped");
    Process launcher = Processes.startLauncher(work.resolve("sweep.log"), "sweep",
        "--kernels", "berkeley", "--ranks", "2", "--repeat", "2", "--rounds", "20000",
        "--results", results.toString(), "--plots", work.resolve("plots").toString());
    Processes.terminateOnceRunning(launcher, Duration.ofSeconds(3));
    String log = Files.readString(work.resolve("sweep.log"));
    List<String> csv = Files.readAllLines(results.resolve("sweep.csv"), StandardCharsets.UTF_8);
    assertEquals(2, csv.size(), "header + the interrupted run, not the second: " + csv + "\n"
        + log);
    String[] cells = csv.get(1).split(",", -1);
    assertEquals("berkeley", cells[0]);
    assertEquals("interrupted", cells[4], csv.get(1));
    assertTrue(Files.isRegularFile(results.resolve(cells[13])), "the partial record: " + csv);
  }

  /**
   * Ctrl-C in a terminal: SIGINT reaches the whole process group at once, the launcher and the
   * MPJ runtime under it, so the ranks may die before the launcher's hook runs. The row of the run
   * it stopped must still say "interrupted" and keep its partial record, as with SIGTERM.
   */
  @Test
  void aSweepStoppedByCtrlCKeepsTheInterruptedRunAndItsPartialRecord() throws Exception {
    // A JVM keeps SIGINT ignored when it was ignored at its start (a background job's children),
    // and no shell can undo that: python3 sets it back to the default and starts a session of its
    // own, as a terminal's foreground job has.
    Path python = Path.of("/usr/bin/python3");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python), "needs python3");
    Path results = work.resolve("ctrl-c");
    java.util.List<String> command = new java.util.ArrayList<>(List.of(python.toString(), "-c",
        "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.setsid();"
            + " os.execvp(sys.argv[1], sys.argv[1:])"));
    command.addAll(Processes.launcher("sweep", "--kernels", "berkeley", "--ranks", "2",
        "--repeat", "2", "--rounds", "20000", "--results", results.toString(), "--plots",
        work.resolve("plots").toString()).command());
    Process launcher = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("ctrl-c.log").toFile()).start();
    try {
      Processes.awaitRuntime(launcher, Duration.ofSeconds(60), Duration.ofSeconds(3));
      // The launcher leads a process group of its own: signal all of it, as a terminal does.
      Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + launcher.pid()).start();
      assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "SIGINT sent");
      assertTrue(launcher.waitFor(90, TimeUnit.SECONDS), "the sweep ends after Ctrl-C");
    } finally {
      launcher.destroyForcibly();
    }
    String log = Files.readString(work.resolve("ctrl-c.log"));
    assertEquals(130, launcher.exitValue(), log);
    List<String> csv = Files.readAllLines(results.resolve("sweep.csv"), StandardCharsets.UTF_8);
    assertEquals(2, csv.size(), "header + the interrupted run: " + csv + "\n" + log);
    String[] cells = csv.get(1).split(",", -1);
    assertEquals("interrupted", cells[4], csv.get(1));
    Path record = results.resolve(cells[13]);
    assertTrue(Files.isRegularFile(record), "the partial record: " + csv);
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.toFile());
    assertEquals("interrupted", json.get("status").asText());
    assertTrue(json.get("partial").asBoolean(), "marked partial");
  }
}
