package org.mpjbench.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.launcher.bench.JmhFixtures.kernelRun;
import static org.mpjbench.launcher.bench.JmhFixtures.result;
import static org.mpjbench.launcher.bench.JmhFixtures.secondary;
import static org.mpjbench.launcher.bench.JmhFixtures.session;
import static org.mpjbench.launcher.bench.JmhFixtures.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.bench.BenchReport.Row;

/** {@link BenchReport}: merging, units, ratios, missing values, refusals, and the three outputs. */
class BenchReportTest {
  @TempDir Path tmp;

  private BenchReport sessionReport() throws IOException {
    return BenchReport.read(session(tmp));
  }

  private static Row row(BenchReport report, String benchmark, int ranks) {
    return report.rows().stream()
        .filter(row -> row.benchmark().equals(benchmark) && row.ranks() == ranks)
        .findFirst().orElseThrow(() -> new AssertionError("no " + benchmark + " at " + ranks));
  }

  @Test
  void aScoreWhoseErrorIsAboveTenPercentIsFlaggedNotPrintedAsIfPrecise() {
    BenchReport report = new BenchReport(List.of(
        new Row("ping-pong", 2, "multicore", 10_000, 16_100, null, Map.of()),
        new Row("allreduce", 2, "multicore", 5_000, 500, 2.0, Map.of()),
        new Row("naming", 1, "multicore", 200, 590, null, Map.of())));
    String markdown = String.join("\n", report.markdown());
    assertTrue(markdown.contains("| ping-pong | – | 10,000 ops/s ±161% (!) |"), markdown);
    assertTrue(markdown.contains("| allreduce | – | 5,000 ops/s ±10% |"), markdown);
    assertTrue(markdown.contains("**(!)** 2 of 3 scores have a JMH error above ±10% of the"
        + " score"), markdown);
    List<String> console = report.summaryLines();
    assertTrue(console.stream().anyMatch(l -> l.startsWith("(!) 2 of 3 scores have a JMH error"
        + " above ±10%")), String.join("\n", console));
    assertTrue(console.stream().anyMatch(l -> l.contains("200 ops/s ±295% (!)")),
        String.join("\n", console));
  }

  @Test
  void theMedianAndInterquartileRangeOfTheIterationsStandBesideTheScore() {
    BenchReport report = new BenchReport(List.of(
        new Row("ping-pong", 2, "multicore", 11_000, 3_000, null, Map.of(), false,
            List.of(9_000.0, 10_000.0, 11_000.0, 12_000.0, 13_000.0)),
        new Row("allreduce", 2, "multicore", 5_000, 500, 2.0, Map.of(), false,
            List.of(5_000.0, 5_000.0, 5_000.0))));
    Row pingPong = row(report, "ping-pong", 2);
    assertEquals(11_000, pingPong.spread().medianPerSecond());
    assertTrue(pingPong.spread().lowerQuartilePerSecond() < 10_500
        && pingPong.spread().upperQuartilePerSecond() > 11_500, pingPong.spread().toString());
    assertNull(row(report, "allreduce", 2).spread(), "3 iterations have no quartiles");
    String markdown = String.join("\n", report.markdown());
    assertTrue(markdown.contains("## Median and spread"), markdown);
    assertTrue(markdown.matches("(?s).*\\| ping-pong \\| 11,000 IQR [0-9]+% \\|.*"), markdown);
    assertTrue(markdown.contains("| allreduce | – |"), markdown);
  }

  @Test
  void withoutIterationsThereIsNoSpreadTable() {
    BenchReport report = new BenchReport(List.of(
        new Row("ping-pong", 2, "multicore", 10_000, 100, null, Map.of())));
    assertFalse(String.join("\n", report.markdown()).contains("Median and spread"));
  }

  @Test
  void preciseScoresGetNoNote() throws IOException {
    assertTrue(sessionReport().summaryLines().stream().noneMatch(l -> l.contains("(!)")));
  }

  @Test
  void mergesTheFilesIntoOneRowPerBenchmarkAndRankCountSorted() throws IOException {
    BenchReport report = sessionReport();
    assertEquals(List.of("allreduce 1", "allreduce 2", "allreduce 4", "berkeley-round 1",
        "berkeley-round 2", "berkeley-round 4", "download 1", "download 2", "download 4",
        "ping-pong 2", "ping-pong 4"),
        report.rows().stream().map(row -> row.benchmark() + " " + row.ranks()).toList());
    assertEquals(List.of(1, 2, 4), report.rankCounts());
    assertEquals(List.of("multicore"), report.devices());
    assertEquals("download", report.label(row(report, "download", 2)));
    assertFalse(report.isEmpty());
  }

  @Test
  void theOrderOfTheFilesDoesNotMatterAndAFileGivenTwiceCountsOnce() throws IOException {
    List<Path> files = session(tmp);
    BenchReport reversed = BenchReport.read(List.of(files.get(2), files.get(1), files.get(0),
        files.get(2)));
    assertEquals(sessionReport().rows(), reversed.rows());
  }

  @Test
  void everyScoreIsNormalizedToPerSecond() throws IOException {
    BenchReport report = sessionReport();
    Row download = row(report, "download", 2);
    assertEquals(55.0 / 60, download.opsPerSecond(), 1e-12, "ops/min ÷ 60");
    assertEquals(2.0 / 60, download.errorOpsPerSecond(), 1e-12);
    assertEquals(55, download.opsPerMinute(), 1e-9);
    assertEquals(Map.of("lines", 5500.0 / 60), download.secondaryPerSecond());
    Row allreduce = row(report, "allreduce", 2);
    assertEquals(60_000, allreduce.opsPerSecond(), 1e-9, "ops/ms × 1000");
    assertEquals(2_000, allreduce.errorOpsPerSecond(), 1e-9);
    Row pingPong = row(report, "ping-pong", 2);
    assertEquals(12_000, pingPong.opsPerSecond(), 1e-6, "ops/us × 1e6");
    assertEquals(500, pingPong.errorOpsPerSecond(), 1e-6);
    assertEquals(9_000, row(report, "ping-pong", 4).opsPerSecond(), 0, "ops/s as it is");

    assertEquals(3e9, JmhFile.perSecond(3, "ns"), 1e-3);
    assertEquals(2, JmhFile.perSecond(7_200, "hr"), 1e-12);
    assertEquals(1, JmhFile.perSecond(86_400, "day"), 1e-12);
  }

  @Test
  void perPingPongIsPingPongThroughputOverTheBenchmarksAtTheSameRankCount() throws IOException {
    BenchReport report = sessionReport();
    assertEquals(8, row(report, "berkeley-round", 2).perPingPong(), 1e-9, "12,000 / 1,500");
    assertEquals(15, row(report, "berkeley-round", 4).perPingPong(), 1e-9, "9,000 / 600");
    assertEquals(12_000 / (55.0 / 60), row(report, "download", 2).perPingPong(), 1e-6);
    assertEquals(0.2, row(report, "allreduce", 2).perPingPong(), 1e-12);
    assertNull(row(report, "ping-pong", 2).perPingPong(), "not for ping-pong itself");
    assertNull(row(report, "ping-pong", 4).perPingPong());
  }

  @Test
  void withoutAPingPongAtOneRankThereIsNoRatioThere() throws IOException {
    BenchReport report = sessionReport();
    for (String benchmark : List.of("berkeley-round", "download", "allreduce")) {
      assertNull(row(report, benchmark, 1).perPingPong(), benchmark);
    }
    List<String> markdown = report.markdown();
    assertTrue(markdown.contains("| one … costs N ping-pongs | 2 ranks | 4 ranks |"), markdown
        .toString());
  }

  @Test
  void anErrorJmhCouldNotComputeIsMissing() throws IOException {
    BenchReport report = sessionReport();
    Row berkeley = row(report, "berkeley-round", 4);
    assertTrue(Double.isNaN(berkeley.errorOpsPerSecond()), "the string \"NaN\"");
    assertTrue(Double.isNaN(berkeley.relativeError()));
    assertTrue(Double.isNaN(row(report, "download", 1).errorOpsPerSecond()));

    ObjectNode numeric = result("BerkeleyRoundBenchmark", "round", 2, 100, Double.NaN, "ops/s");
    ObjectNode infinite = result("AllreduceBenchmark", "allreduce", 2, 100, "+INF", "ops/s");
    BenchReport odd = BenchReport.read(List.of(write(tmp, "odd.json", numeric, infinite)));
    for (Row row : odd.rows()) {
      assertTrue(Double.isNaN(row.errorOpsPerSecond()), row.toString());
    }
  }

  @Test
  void theRankCountComesFromTheParamsElseFromTheFileName() throws IOException {
    ObjectNode noRanks = result("AllreduceBenchmark", "allreduce", 1, 10, 1, "ops/s");
    ((ObjectNode) noRanks.get("params")).remove("ranks");
    ObjectNode placeholder = result("PingPongBenchmark", "roundTrip", 0, 20, 1, "ops/s");
    Path file = write(tmp, "jmh-3r.json", noRanks, placeholder);
    assertEquals(List.of(3, 3), BenchReport.read(List.of(file)).rows().stream()
        .map(Row::ranks).toList());

    ObjectNode explicit = result("AllreduceBenchmark", "allreduce", 5, 10, 1, "ops/s");
    assertEquals(5, BenchReport.read(List.of(write(tmp, "jmh-3r.json", explicit))).rows().get(0)
        .ranks(), "params.ranks wins over the name");

    Path nameless = write(tmp, "results.json", noRanks);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BenchReport.read(List.of(nameless)));
    assertTrue(e.getMessage().startsWith(nameless.toString() + ": no rank count"), e.getMessage());
  }

  @Test
  void aFileThatIsNotJmhJsonIsRejectedByName() throws IOException {
    List<Path> bad = BadFiles.write(tmp,
        "berkeley-4r-multicore.json", "{\"schema\": \"mpjbench-run/1\", \"kernel\": \"berkeley\"}",
        "jmh-2r.json", "Benchmark  Mode  Cnt  Score\nround thrpt 3 812.3\n",
        "jmh-3r.json", "",
        "jmh-4r.json", "[{\"name\": \"x\", \"score\": 1}]",
        "jmh-5r.json", "[1, 2]");
    Path good = session(tmp.resolve("ok")).get(0);
    BadFiles.assertEachRejectedInOneLine(bad, file -> () -> BenchReport.read(List.of(good, file)),
        ": not a JMH JSON result file");
  }

  @Test
  void aResultThatIsNotAThroughputIsRejected() throws IOException {
    ObjectNode average = result("BerkeleyRoundBenchmark", "round", 2, 1.2, 0.1, "ms/op");
    average.put("mode", "avgt");
    Path file = write(tmp, "jmh-2r.json", average);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BenchReport.read(List.of(file)));
    assertEquals(file + ": org.mpjbench.benchmarks.BerkeleyRoundBenchmark.round is not a"
        + " throughput result (mode avgt, score unit \"ms/op\"); only ops/<time> results"
        + " (-bm thrpt) can be merged", e.getMessage());
  }

  @Test
  void twoResultsForOneBenchmarkAndRankCountAreRejected() throws IOException {
    ObjectNode five = result("BerkeleyRoundBenchmark", "round", 2, 100, 1, "ops/s");
    ((ObjectNode) five.get("params")).put("samples", "5");
    ObjectNode one = result("BerkeleyRoundBenchmark", "round", 2, 300, 1, "ops/s");
    ((ObjectNode) one.get("params")).put("samples", "1");
    Path file = write(tmp, "jmh-2r.json", five, one);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BenchReport.read(List.of(file)));
    assertTrue(e.getMessage().startsWith("two results for berkeley-round at 2 ranks on multicore:"
        + " org.mpjbench.benchmarks.BerkeleyRoundBenchmark.round {samples=5} in " + file
        + " and org.mpjbench.benchmarks.BerkeleyRoundBenchmark.round {samples=1} in " + file),
        e.getMessage());
  }

  @Test
  void profilerMetricsThatAreNotRatesOfOperationsAreLeftOut() throws IOException {
    ObjectNode download = secondary(secondary(
        result("DownloadBenchmark", "download", 2, 60, 1, "ops/min"), "lines", 600, "ops/min"),
        "·gc.alloc.rate", 12.5, "MB/sec");
    secondary(download, "·gc.count", 3, "counts");
    Row row = BenchReport.read(List.of(write(tmp, "jmh-2r.json", download))).rows().get(0);
    assertEquals(Map.of("lines", 10.0), row.secondaryPerSecond());
  }

  @Test
  void noFilesOrAnEmptyArrayGiveAnEmptyReport() throws IOException {
    assertTrue(BenchReport.read(List.of()).isEmpty());
    Path file = write(tmp, "jmh-1r.json");
    BenchReport report = BenchReport.read(List.of(file));
    assertTrue(report.isEmpty());
    assertEquals(List.of("no benchmark results"), report.summaryLines());
  }

  @Test
  void benchmarksAreNamedAfterTheirClass() {
    assertEquals("berkeley-round",
        JmhFile.shortName("org.mpjbench.benchmarks.BerkeleyRoundBenchmark.round"));
    assertEquals("ping-pong", JmhFile.shortName("org.mpjbench.benchmarks.PingPongBenchmark.rt"));
    assertEquals("allreduce", JmhFile.shortName("org.mpjbench.benchmarks.AllreduceBenchmark.x"));
    assertEquals("download", JmhFile.shortName("org.mpjbench.benchmarks.DownloadBenchmark.d"));
    assertEquals("mpi-barrier", JmhFile.shortName("a.b.MPIBarrierBenchmark.barrier"));
    assertEquals("scatter2-d", JmhFile.shortName("a.Outer$Scatter2D.run"));
  }

  @Test
  void theCsvHasOneLinePerRowAndLeavesMissingValuesEmpty() throws IOException {
    Path csv = tmp.resolve("out/bench.csv");
    sessionReport().writeCsv(csv);
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals("benchmark,ranks,device,ops_per_s,error_ops_per_s,per_ping_pong,lines_per_s",
        lines.get(0));
    assertEquals(12, lines.size());
    assertEquals("allreduce,1,multicore,200000,5000,,", lines.get(1));
    assertEquals("allreduce,2,multicore,60000,2000,0.2,", lines.get(2));
    assertEquals("berkeley-round,4,multicore,600,,15,", lines.get(6));
    assertEquals("download,1,multicore,0.5,,,50", lines.get(7));
    assertEquals("download,2,multicore,0.916667,0.0333333,13090.9,91.6667", lines.get(8));
    assertEquals("ping-pong,2,multicore,12000,500,,", lines.get(10));
    try (Stream<Path> left = Files.list(csv.getParent())) {
      assertEquals(List.of(csv), left.toList(), "no temporary file may remain");
    }
  }

  @Test
  void theMarkdownHoldsTheTablesAndSaysHowToReadThem() throws IOException {
    Path file = tmp.resolve("bench.md");
    sessionReport().writeMarkdown(file);
    String markdown = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(markdown.startsWith("# Kernel throughput on MPJ Express ranks\n"), markdown);
    assertTrue(markdown.contains("""
        | benchmark | 1 rank | 2 ranks | 4 ranks |
        |---|---:|---:|---:|
        """), markdown);
    assertTrue(markdown.contains(
        "| berkeley-round | 5,000 ops/s ±2% | 1,500 ops/s ±2% | 600 ops/s |\n"), markdown);
    assertTrue(markdown.contains(
        "| download | 0.5 ops/s | 0.917 ops/s ±4% | 1.5 ops/s ±3% |\n"), markdown);
    assertTrue(markdown.contains("| ping-pong | – | 12,000 ops/s ±4% | 9,000 ops/s ±3% |\n"),
        markdown);
    assertTrue(markdown.contains("""
        | one … costs N ping-pongs | 2 ranks | 4 ranks |
        |---|---:|---:|
        | allreduce | 0.2 | 0.45 |
        | berkeley-round | 8 | 15 |
        | download | 13,100 | 6,000 |
        """), markdown);
    assertTrue(markdown.contains("How to read it: at 4 ranks one berkeley-round takes as long as"
        + " 15 ping-pongs"), markdown);
    assertTrue(markdown.contains("| download: downloads/min | 30 | 55 ±4% | 90 ±3% |\n"),
        markdown);
    assertTrue(markdown.contains("| download: lines/s | 50 | 91.7 | 150 |\n"), markdown);
  }

  @Test
  void withoutAnyPingPongTheMarkdownSaysThereAreNoRatios() throws IOException {
    Path file = write(tmp, "jmh-1r.json",
        result("BerkeleyRoundBenchmark", "round", 1, 5000, 100, "ops/s"));
    BenchReport report = BenchReport.read(List.of(file));
    assertTrue(report.markdown().contains(
        "No ping-pong results (they need at least 2 ranks), so no ratios."), report.markdown()
        .toString());
    assertEquals(List.of("ops/s, ± JMH error           1 rank",
        "berkeley-round      5,000 ops/s ±2%"), report.summaryLines());
  }

  @Test
  void theSummaryIsTheSameTableInFixedWidthColumns() throws IOException {
    List<String> lines = sessionReport().summaryLines();
    assertEquals(List.of(
        "ops/s, ± JMH error             1 rank           2 ranks           4 ranks",
        "allreduce           200,000 ops/s ±3%  60,000 ops/s ±3%  20,000 ops/s ±4%",
        "berkeley-round        5,000 ops/s ±2%   1,500 ops/s ±2%         600 ops/s",
        "download                    0.5 ops/s   0.917 ops/s ±4%     1.5 ops/s ±3%",
        "ping-pong                           -  12,000 ops/s ±4%   9,000 ops/s ±3%",
        "",
        "in ping-pongs   2 ranks  4 ranks",
        "allreduce           0.2     0.45",
        "berkeley-round        8       15",
        "download         13,100    6,000",
        "",
        "rates                    1 rank  2 ranks  4 ranks",
        "download: downloads/min      30   55 ±4%   90 ±3%",
        "download: lines/s            50     91.7      150"), lines);
  }

  @Test
  void severalDevicesAreToldApart() throws IOException {
    ObjectNode multicore = result("PingPongBenchmark", "roundTrip", 2, 10_000, 1, "ops/s");
    ObjectNode niodev = result("PingPongBenchmark", "roundTrip", 2, 2_500, 1, "ops/s");
    ((ObjectNode) niodev.get("params")).put("device", "niodev");
    ObjectNode round = result("BerkeleyRoundBenchmark", "round", 2, 100, 1, "ops/s");
    ((ObjectNode) round.get("params")).put("device", "niodev");
    BenchReport report = BenchReport.read(List.of(write(tmp, "jmh-2r.json", multicore, niodev,
        round)));
    assertEquals(List.of("multicore", "niodev"), report.devices());
    assertEquals(25, report.rows().get(0).perPingPong(), 1e-9, "niodev's ping-pong");
    assertEquals("berkeley-round (niodev)", report.label(report.rows().get(0)));
  }

  @Test
  void rowsRefuseImpossibleFigures() {
    assertThrows(IllegalArgumentException.class,
        () -> new Row("x", 0, "multicore", 1, 0, null, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new Row("x", 1, "multicore", Double.NaN, 0, null, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new Row("x", 1, "multicore", 1, -1, null, Map.of()));
    assertTrue(new Row("x", 1, "multicore", 1, Double.NaN, null, null).secondaryPerSecond()
        .isEmpty());
  }

  /**
   * Kernel runs beside a ping-pong and a Berkeley round:
   *
   * <pre>
   * K  berkeley-round  ping-pong      lamport (messages/s)  ring (messages/s)  ring-no-crash
   * 1  -               -              100 ±10 (0)           12.5 ±1 (0)        -
   * 2  1000 ±10        10000 ±500     50 ±5 (10000)         -                  400 ±"NaN" (6400)
   * 4  -               8000 ±400      40 ±2 (8000)          5 ±0.5 (65)        200 ±20 (3200)
   * </pre>
   */
  private BenchReport kernelRunReport() throws IOException {
    return BenchReport.read(List.of(
        write(tmp, "jmh-1r.json", kernelRun("lamport", 1, 100, 10, 0),
            kernelRun("ring", 1, 12.5, 1, 0)),
        write(tmp, "jmh-2r.json", result("BerkeleyRoundBenchmark", "round", 2, 1000, 10, "ops/s"),
            result("PingPongBenchmark", "roundTrip", 2, 10_000, 500, "ops/s"),
            kernelRun("lamport", 2, 50, 5, 10_000), kernelRun("ring-no-crash", 2, 400, "NaN", 6_400)),
        write(tmp, "jmh-4r.json", result("PingPongBenchmark", "roundTrip", 4, 8_000, 400, "ops/s"),
            kernelRun("ring-no-crash", 4, 200, 20, 3_200), kernelRun("ring", 4, 5, 0.5, 65),
            kernelRun("lamport", 4, 40, 2, 8_000))));
  }

  @Test
  void kernelRunsAreNamedAfterTheirKernelParamAndComeAfterTheOtherBenchmarks() throws IOException {
    BenchReport report = kernelRunReport();
    assertEquals(List.of("berkeley-round 2", "ping-pong 2", "ping-pong 4", "lamport 1",
        "lamport 2", "lamport 4", "ring 1", "ring 4", "ring-no-crash 2", "ring-no-crash 4"),
        report.rows().stream().map(row -> row.benchmark() + " " + row.ranks()).toList());
    assertEquals(List.of(false, false, false, true, true, true, true, true, true, true),
        report.rows().stream().map(Row::kernelRun).toList());
    assertFalse(row(report, "lamport", 2).isBaseline());
    assertEquals(List.of(1, 2, 4), report.rankCounts());
    assertEquals("ring-no-crash", report.label(row(report, "ring-no-crash", 4)));
    assertEquals("kernel", JmhFile.KERNEL_PARAM);
  }

  @Test
  void kernelRunsAreCountedInPingPongsAndReportTheirMessages() throws IOException {
    BenchReport report = kernelRunReport();
    assertEquals(200, row(report, "lamport", 2).perPingPong(), 1e-9, "10,000 / 50");
    assertEquals(1_600, row(report, "ring", 4).perPingPong(), 1e-9, "8,000 / 5");
    assertEquals(25, row(report, "ring-no-crash", 2).perPingPong(), 1e-9);
    assertNull(row(report, "lamport", 1).perPingPong(), "no ping-pong at 1 rank");
    assertEquals(Map.of("messages", 65.0), row(report, "ring", 4).secondaryPerSecond());
    assertEquals(Map.of("messages", 0.0), row(report, "lamport", 1).secondaryPerSecond());
    assertTrue(Double.isNaN(row(report, "ring-no-crash", 2).errorOpsPerSecond()));
  }

  @Test
  void kernelRunsFillTheCsvAndTheTablesAfterTheOthers() throws IOException {
    BenchReport report = kernelRunReport();
    List<String> csv = List.of(report.csv().split("\n"));
    assertEquals("benchmark,ranks,device,ops_per_s,error_ops_per_s,per_ping_pong,messages_per_s",
        csv.get(0));
    assertEquals("berkeley-round,2,multicore,1000,10,10,", csv.get(1));
    assertEquals("lamport,1,multicore,100,10,,0", csv.get(4));
    assertEquals("lamport,2,multicore,50,5,200,10000", csv.get(5));
    assertEquals("ring-no-crash,2,multicore,400,,25,6400", csv.get(9));
    assertEquals(11, csv.size());

    String markdown = String.join("\n", report.markdown());
    assertTrue(markdown.contains(" The kernel runs (lamport, ring, ring-no-crash) come last: one"
        + " operation is one whole run of that kernel with its default parameters on all K ranks,"
        + " its property checked at the end."), markdown);
    assertTrue(markdown.contains("""
        | berkeley-round | – | 1,000 ops/s ±1% | – |
        | ping-pong | – | 10,000 ops/s ±5% | 8,000 ops/s ±5% |
        | lamport | 100 ops/s ±10% | 50 ops/s ±10% | 40 ops/s ±5% |
        | ring | 12.5 ops/s ±8% | – | 5 ops/s ±10% |
        | ring-no-crash | – | 400 ops/s | 200 ops/s ±10% |
        """), markdown);
    assertTrue(markdown.contains("""
        | berkeley-round | 10 | – |
        | lamport | 200 | 200 |
        | ring | – | 1,600 |
        | ring-no-crash | 25 | 40 |
        """), markdown);
    assertTrue(markdown.contains("How to read it: at 4 ranks one lamport takes as long as 200"
        + " ping-pongs"), markdown);
    assertTrue(markdown.contains("messages/s, that of the kernel runs, is the messages each"
        + " kernel counted"), markdown);
    assertTrue(markdown.contains("| ring: messages/s | 0 | – | 65 |\n"), markdown);

    List<String> summary = report.summaryLines();
    assertEquals("ring-no-crash                    -         400 ops/s   200 ops/s ±10%",
        summary.get(5), String.join("\n", summary));
    assertEquals(List.of("rates                      1 rank  2 ranks  4 ranks",
        "lamport: messages/s             0   10,000    8,000",
        "ring: messages/s                0        -       65",
        "ring-no-crash: messages/s       -    6,400    3,200"),
        summary.subList(summary.size() - 4, summary.size()));
  }

  @Test
  void twoResultsForOneKernelAndRankCountAreRejected() throws IOException {
    Path file = write(tmp, "jmh-2r.json", kernelRun("lamport", 2, 50, 5, 10_000),
        kernelRun("lamport", 2, 60, 5, 12_000));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BenchReport.read(List.of(file)));
    assertTrue(e.getMessage().startsWith("two results for lamport at 2 ranks on multicore:"),
        e.getMessage());
  }

  @Test
  void figuresForPeopleAndForFiles() {
    assertEquals("812", Figures.people(812.34));
    assertEquals("45,700", Figures.people(45_678));
    assertEquals("1,000", Figures.people(999.7));
    assertEquals("0.00867", Figures.people(0.0086667));
    assertEquals("12", Figures.people(12.0));
    assertEquals("0", Figures.people(0));
    assertEquals("3%", Figures.percent(0.031));
    assertEquals("0.4%", Figures.percent(0.004));
    assertEquals("812.3", Figures.file(812.3));
    assertEquals("1234570", Figures.file(1_234_567.8));
    assertEquals("", Figures.file(Double.NaN));
  }
}
