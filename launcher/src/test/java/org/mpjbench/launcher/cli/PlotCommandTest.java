package org.mpjbench.launcher.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.launcher.charts.ResultFixtures.berkeley;
import static org.mpjbench.launcher.charts.ResultFixtures.download;
import static org.mpjbench.launcher.charts.ResultFixtures.incomplete;
import static org.mpjbench.launcher.charts.ResultFixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpjbench.launcher.bench.SizeReport;
import org.mpjbench.launcher.charts.SizeCharts;

/** {@code mpjbench plot}: charts from result files, and bad input as one line with exit 2. */
class PlotCommandTest {
  @TempDir Path tmp;

  private Path results() throws IOException {
    Path results = tmp.resolve("results");
    write(results, download(1, 30, 0.92));
    write(results, download(2, 15.5, 0.9));
    write(results, download(4, 8, 0.88));
    write(results.resolve("berkeley"), berkeley(4, 27_000_000, 20_000, 800));
    return results;
  }

  @Test
  void rendersEveryChartFromAFolderAndListsTheFiles() throws IOException {
    Path out = tmp.resolve("charts");
    CliRun run = CliRun.of("plot", results().toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run::describe);
    assertEquals(List.of(out.resolve("download-lines-vs-time.png").toString(),
        out.resolve("download-speedup.png").toString(),
        out.resolve("berkeley-skew.png").toString()), run.out().lines().toList(), run::describe);
    assertEquals("", run.err(), run::describe);
    for (String file : run.out().lines().toList()) {
      assertTrue(Files.size(Path.of(file)) > 1000, file);
    }
  }

  @Test
  void incompleteRunsAreSkippedWithANoteNamingTheFile() throws IOException {
    Path results = results();
    Path failed = write(results, "failed.json", incomplete("download", 8, "failed"));
    Path out = tmp.resolve("charts");
    CliRun run = CliRun.of("plot", results.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run::describe);
    List<String> lines = run.out().lines().toList();
    assertEquals("note: skipped " + failed + ": status failed (only complete runs are plotted)",
        lines.get(0), run::describe);
    assertEquals(4, lines.size(), run::describe);
    assertEquals("", run.err(), run::describe);
  }

  @Test
  void aNoteSaysWhichChartWasLeftOut() throws IOException {
    Path results = tmp.resolve("results");
    write(results, download(2, 15.5, 0.9));
    CliRun run = CliRun.of("plot", results.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(0, run.exitCode(), run::describe);
    assertEquals(List.of("note: download-speedup.png not drawn: speedup needs download runs with"
        + " 1 rank", tmp.resolve("o").resolve("download-lines-vs-time.png").toString()),
        run.out().lines().toList());
  }

  @Test
  void aJsonFileInAFolderThatIsNotAResultIsLeftOutWithANoteOrFailsWithStrict()
      throws IOException {
    Path results = results();
    Path stranger = Files.writeString(results.resolve("package.json"), "{\"name\": \"x\"}");
    Path out = tmp.resolve("charts");
    CliRun run = CliRun.of("plot", results.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run::describe);
    assertEquals("note: left out " + stranger + " is not an mpjbench result file (no \"schema\""
        + " field)", run.out().lines().findFirst().orElse(""), run::describe);
    assertTrue(Files.isRegularFile(out.resolve("berkeley-skew.png")), "the good runs are drawn");

    Path strictOut = tmp.resolve("strict");
    run = CliRun.of("plot", "--strict", results.toString(), "--out", strictOut.toString());
    assertUsageError(run, stranger + " is not an mpjbench result file (no \"schema\" field)");
    assertFalse(Files.exists(strictOut), "nothing drawn");
  }

  @Test
  void aFolderOfNothingButDamagedFilesNamesEachAndFails() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("damaged"));
    Path a = Files.writeString(folder.resolve("a.json"), "{\"schema\": \"mpjbench.run/1\"");
    Path b = Files.writeString(folder.resolve("b.json"), "");
    CliRun run = CliRun.of("plot", folder.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, run.exitCode(), run::describe);
    assertEquals(List.of("mpjbench: no result files (*.json) nor bench tables (sizes.csv) in "
        + folder), run.errLines(),
        run::describe);
    List<String> notes = run.out().lines().toList();
    assertEquals(2, notes.size(), run::describe);
    assertTrue(notes.get(0).startsWith("note: left out " + a + " is not an mpjbench result file"),
        run::describe);
    assertTrue(notes.get(1).startsWith("note: left out " + b + " is not an mpjbench result file"),
        run::describe);
  }

  /** Files that are not ours, each named directly: the name, the reason, exit 2, no chart. */
  static Stream<Arguments> notOurs() {
    String json = berkeley(4, 27_000_000, 20_000, 800).toPrettyString();
    return Stream.of(
        Arguments.of("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}".getBytes(UTF_8),
            "no \"schema\" field"),
        Arguments.of("other-schema.json", "{\"schema\": \"acme.report/3\"}".getBytes(UTF_8),
            "schema \"acme.report/3\", expected \"mpjbench.run/1\""),
        Arguments.of("array.json", "[{\"schema\": \"mpjbench.run/1\"}]".getBytes(UTF_8),
            "not a JSON object"),
        Arguments.of("truncated.json", json.substring(0, json.indexOf(",", json.length() / 2)) /* cut between two fields */.getBytes(UTF_8),
            "cut short: the JSON ends: line"),
        Arguments.of("binary.json", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0},
            "not JSON: line 1, column 1"),
        Arguments.of("empty.json", new byte[0], "empty"),
        Arguments.of("future.json", json.replace("\"mpjbench.run/1\"", "\"mpjbench.run/2\"")
            .getBytes(UTF_8), "schema \"mpjbench.run/2\", expected \"mpjbench.run/1\": written by"
            + " another version of mpjbench"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notOurs")
  void aFileThatIsNotOursIsOneLineNamingItAndWhy(String name, byte[] content, String why)
      throws IOException {
    Path out = tmp.resolve("charts");
    Path file = Files.write(tmp.resolve(name), content);
    CliRun run = CliRun.of("plot", file.toString(), "--out", out.toString());
    assertEquals(2, run.exitCode(), run::describe);
    assertEquals(1, run.errLines().size(), run::describe);
    assertTrue(run.err().startsWith("mpjbench: " + file + " is not an mpjbench result file ("
        + why), run::describe);
    assertFalse(Files.exists(out), "nothing drawn");

    // The same file among good ones in a folder: left out, named on one line, the rest drawn;
    // with --strict, one line naming it and nothing drawn.
    Path results = results();
    Files.write(results.resolve(name), content);
    run = CliRun.of("plot", results.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run::describe);
    assertTrue(run.out().lines().anyMatch(line -> line.startsWith("note: left out "
        + results.resolve(name) + " is not an mpjbench result file (" + why)), run::describe);
    assertTrue(Files.isRegularFile(out.resolve("berkeley-skew.png")), run::describe);
    Path strictOut = tmp.resolve("strict-charts");
    run = CliRun.of("plot", "--strict", results.toString(), "--out", strictOut.toString());
    assertEquals(2, run.exitCode(), run::describe);
    assertEquals(1, run.errLines().size(), run::describe);
    assertTrue(run.err().startsWith("mpjbench: " + results.resolve(name)
        + " is not an mpjbench result file (" + why), run::describe);
    assertFalse(Files.exists(strictOut), "nothing drawn");
  }

  @Test
  void aFolderWithoutResultFilesIsOneLine() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(folder.resolve("README.txt"), "not a result\n");
    CliRun run = CliRun.of("plot", folder.toString(), "--out", tmp.resolve("o").toString());
    assertUsageError(run, "no result files (*.json) nor bench tables (sizes.csv) in " + folder);
  }

  @Test
  void aMissingPathIsOneLine() throws IOException {
    Path missing = tmp.resolve("nowhere");
    CliRun run = CliRun.of("plot", results().toString(), missing.toString(),
        "--out", tmp.resolve("charts").toString());
    assertUsageError(run, missing + " does not exist");
  }

  @Test
  void nothingPlottableIsOneLine() throws IOException {
    Path results = tmp.resolve("results");
    Path failed = write(results, incomplete("berkeley", 4, "interrupted"));
    CliRun run = CliRun.of("plot", results.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, run.exitCode(), run::describe);
    assertEquals(List.of("mpjbench: nothing to plot: the one run read did not complete"),
        run.errLines(), run::describe);
    assertEquals(List.of("note: skipped " + failed
        + ": status interrupted (only complete runs are plotted)"), run.out().lines().toList());

    Path onlyOneRank = tmp.resolve("one-rank");
    write(onlyOneRank, berkeley(1, 0, 0));
    run = CliRun.of("plot", onlyOneRank.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, run.exitCode(), run::describe);
    assertEquals(1, run.errLines().size(), run::describe);
    assertTrue(run.err().startsWith("mpjbench: nothing to plot: berkeley-skew.png not drawn"),
        run::describe);

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    run = CliRun.of("plot", empty.toString());
    assertUsageError(run, "no result files (*.json) nor bench tables (sizes.csv) in " + empty);
  }

  @Test
  void outMustBeAFolder() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    CliRun run = CliRun.of("plot", results().toString(), "--out", file.toString());
    assertUsageError(run, "--out " + file + " is a file, not a folder");
  }

  @Test
  void resultsAreRequired() {
    CliRun run = CliRun.of("plot");
    assertEquals(2, run.exitCode(), run::describe);
    assertEquals(1, run.errLines().size(), run::describe);
    assertTrue(run.err().startsWith("mpjbench: Missing required parameter"), run::describe);
    assertTrue(run.err().contains("RESULTS"), run::describe);
  }

  @Test
  void theDefaultOutIsPlotsOfTheProject() throws IOException {
    String before = System.getProperty("mpjbench.home");
    Path home = Files.createDirectories(tmp.resolve("project"));
    System.setProperty("mpjbench.home", home.toString());
    try {
      CliRun run = CliRun.of("plot", results().toString());
      assertEquals(0, run.exitCode(), run::describe);
      assertTrue(Files.isRegularFile(home.resolve("plots").resolve("download-speedup.png")),
          run::describe);
    } finally {
      if (before == null) {
        System.clearProperty("mpjbench.home");
      } else {
        System.setProperty("mpjbench.home", before);
      }
    }
    if (before == null) {
      assertEquals(Path.of("plots"), new PlotCommand().outDirectory());
    }
  }

  @Test
  void helpDescribesTheCharts() {
    CliRun run = CliRun.of("plot", "--help");
    assertEquals(0, run.exitCode(), run::describe);
    for (String text : List.of("Usage: mpjbench plot", "RESULTS", "--out",
        "download-lines-vs-time.png", "download-speedup.png", "berkeley-skew.png", "log scale",
        "kernels-messages.png", "kernels-latency.png", "bench-latency-by-size.png",
        "sizes.csv")) {
      assertTrue(run.out().contains(text), () -> "missing '" + text + "':\n" + run.describe());
    }
    assertTrue(CliRun.of("--help").out().contains("plot"));
  }

  /** A bench's sizes.csv of {@code device} in {@code folder}, written as bench writes it. */
  private static Path sizeTable(Path folder, String device) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve("sizes.csv");
    SizeReport.of(List.of(
        new SizeReport.Row("latency", 2, device, 1, 100, 20, 30, Double.NaN),
        new SizeReport.Row("latency", 2, device, 1024, 100, 25, 40, Double.NaN),
        new SizeReport.Row("bandwidth", 2, device, 1024, 10, 700, 800, 93.6)))
        .writeCsv(file);
    return file;
  }

  /**
   * The tables of one bench on two devices, each in its folder beside the per-K JSON bench keeps,
   * are drawn into one latency and one bandwidth chart with both devices' lines; the JSON is no
   * stranger to note.
   */
  @Test
  void benchTablesOfTwoDevicesAreDrawnTogether() throws IOException {
    Path multicore = tmp.resolve("bench-multicore");
    sizeTable(multicore, "multicore");
    Files.writeString(multicore.resolve("sizes-2r.json"),
        "{\"ranks\": 2, \"device\": \"multicore\", \"rows\": []}\n");
    Path niodev = sizeTable(tmp.resolve("bench-niodev"), "niodev");
    Path out = tmp.resolve("sizes-out");
    CliRun run = CliRun.of("plot", multicore.toString(), niodev.toString(), "--out",
        out.toString());
    assertEquals(0, run.exitCode(), run::describe);
    assertEquals(List.of(out.resolve(SizeCharts.LATENCY_FILE_NAME).toString(),
        out.resolve(SizeCharts.BANDWIDTH_FILE_NAME).toString()), run.out().lines().toList(),
        run::describe);
    for (String file : run.out().lines().toList()) {
      assertTrue(Files.size(Path.of(file)) > 1000, file);
    }
    List<String> lines = SizeCharts.latencyLines(SizeReport.readCsv(List.of(
        multicore.resolve("sizes.csv"), niodev))).stream().map(SizeCharts.Line::label).toList();
    assertEquals(List.of("latency K=2 (multicore)", "latency K=2 (niodev)"), lines);

    // With runs' result files beside them, both kinds of chart are drawn.
    CliRun both = CliRun.of("plot", results().toString(), niodev.toString(), "--out",
        tmp.resolve("both").toString());
    assertEquals(0, both.exitCode(), both::describe);
    assertTrue(both.out().contains("download-speedup.png"), both::describe);
    assertTrue(both.out().contains(SizeCharts.LATENCY_FILE_NAME), both::describe);
  }

  @Test
  void twoTablesOfTheSameDeviceOrAForeignCsvAreOneLine() throws IOException {
    Path first = sizeTable(tmp.resolve("a"), "multicore");
    Path second = sizeTable(tmp.resolve("b"), "multicore");
    Path out = tmp.resolve("o");
    CliRun run = CliRun.of("plot", first.toString(), second.toString(), "--out", out.toString());
    assertUsageError(run, second + ": latency at 1 B on 2 ranks (multicore) is there twice");
    assertFalse(Files.exists(out), "nothing drawn");

    Path foreign = Files.writeString(tmp.resolve("other.csv"), "a,b\n1,2\n");
    run = CliRun.of("plot", foreign.toString(), "--out", out.toString());
    assertUsageError(run, foreign + ": not a bench's sizes.csv (its first line must be "
        + String.join(",", SizeReport.CSV_COLUMNS) + ")");

    Path damaged = Files.writeString(tmp.resolve("damaged.csv"),
        String.join(",", SizeReport.CSV_COLUMNS) + "\nlatency,two,multicore,1,1,1,1,,\n");
    run = CliRun.of("plot", damaged.toString(), "--out", out.toString());
    assertUsageError(run, damaged + ", row 2: For input string: \"two\"");
    assertFalse(Files.exists(out), "nothing drawn");
  }

  /**
   * Two benches of one device found in a folder (results/ after two benches) cost the charts by
   * size, with a note, not the runs' charts; with --strict they fail the plot.
   */
  @Test
  void clashingTablesFoundInAFolderAreLeftOutWithANote() throws IOException {
    Path results = results();
    sizeTable(results.resolve("bench-1"), "multicore");
    Path second = sizeTable(results.resolve("bench-2"), "multicore");
    Path out = tmp.resolve("clash");
    CliRun run = CliRun.of("plot", results.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run::describe);
    assertTrue(run.out().contains("note: left out the charts by message size: " + second
        + ": latency at 1 B on 2 ranks (multicore) is there twice (name the tables to draw"
        + " them)"), run::describe);
    assertTrue(Files.isRegularFile(out.resolve("download-speedup.png")), run::describe);
    assertFalse(Files.exists(out.resolve(SizeCharts.LATENCY_FILE_NAME)), run::describe);

    CliRun strict = CliRun.of("plot", results.toString(), "--strict", "--out",
        tmp.resolve("strict").toString());
    assertEquals(2, strict.exitCode(), strict::describe);
    assertEquals(List.of("mpjbench: " + second + ": latency at 1 B on 2 ranks (multicore) is"
        + " there twice"), strict.errLines(), strict::describe);
  }

  private static void assertUsageError(CliRun run, String message) {
    assertEquals(2, run.exitCode(), run::describe);
    assertEquals(List.of("mpjbench: " + message), run.errLines(), run::describe);
    assertEquals("", run.out(), run::describe);
  }
}
