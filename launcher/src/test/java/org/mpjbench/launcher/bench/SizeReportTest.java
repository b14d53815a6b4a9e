package org.mpjbench.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SizeReport}: the sweep's files merged into rows, CSV, Markdown, and bad files. */
class SizeReportTest {
  @TempDir Path tmp;

  /**
   * A sweep file of K ranks as the harness writes it: latency and bandwidth at 1 B and 1 MiB (one
   * row with OSU's mean, the others without, as files from before it).
   */
  static Path sweep(Path folder, int ranks) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve("sizes-" + ranks + "r.json");
    Files.writeString(file, """
        {"ranks": %d, "device": "multicore", "rows": [
          {"operation": "bandwidth", "bytes": 1, "iterations": 50, "medianUs": 640.0,
           "p99Us": 900.5, "mbPerSecond": 0.1},
          {"operation": "latency", "bytes": 1048576, "iterations": 20, "medianUs": 1200.0,
           "p99Us": 3000.0, "mbPerSecond": null},
          {"operation": "latency", "bytes": 1, "iterations": 1000, "medianUs": 20.25,
           "p99Us": 80.0, "meanUs": 24.5, "mbPerSecond": null},
          {"operation": "bandwidth", "bytes": 1048576, "iterations": 10, "medianUs": 30000.0,
           "p99Us": 31000.0, "mbPerSecond": 2236.96},
          {"operation": "bcast", "bytes": 1, "iterations": 1000, "medianUs": %d.5,
           "p99Us": 99.0, "mbPerSecond": null}
        ]}
        """.formatted(ranks, 10 * ranks));
    return file;
  }

  @Test
  void rowsAreSortedByOperationRanksAndSize() throws IOException {
    SizeReport report = SizeReport.read(List.of(sweep(tmp, 2), sweep(tmp, 3)));
    assertEquals(10, report.rows().size());
    SizeReport.Row first = report.rows().get(0);
    assertEquals(new SizeReport.Row("latency", 2, "multicore", 1, 1000, 20.25, 80.0, Double.NaN,
        24.5), first);
    assertEquals(List.of("latency", "latency", "latency", "latency", "bandwidth", "bandwidth",
        "bandwidth", "bandwidth", "bcast", "bcast"),
        report.rows().stream().map(SizeReport.Row::operation).toList());
    assertEquals(List.of(1, 1_048_576, 1, 1_048_576),
        report.rows("bandwidth").stream().map(SizeReport.Row::bytes).toList());
    assertEquals(2236.96, report.rows("bandwidth").get(1).mbPerSecond(), 1e-9);
    assertEquals(6, report.latencyRows().size());
  }

  @Test
  void theCsvHasASizeColumnAndNoBandwidthForLatencies() throws IOException {
    String csv = SizeReport.read(List.of(sweep(tmp, 2))).csv();
    List<String> lines = csv.lines().toList();
    assertEquals("operation,ranks,device,bytes,iterations,median_us,p99_us,mb_per_s,mean_us",
        lines.get(0));
    assertEquals("latency,2,multicore,1,1000,20.25,80,,24.5", lines.get(1));
    assertEquals("bandwidth,2,multicore,1048576,10,30000,31000,2236.96,", lines.get(4));
    assertEquals(6, lines.size());
  }

  /** The table reads back as written, and one written before mean_us reads without means. */
  @Test
  void theCsvReadsBackAndSoDoesOneFromBeforeTheMean() throws IOException {
    SizeReport written = SizeReport.read(List.of(sweep(tmp, 2)));
    Path csv = tmp.resolve("sizes.csv");
    written.writeCsv(csv);
    assertEquals(written.rows(), SizeReport.readCsv(List.of(csv)).rows());

    Path before = Files.writeString(tmp.resolve("before.csv"),
        "operation,ranks,device,bytes,iterations,median_us,p99_us,mb_per_s\n"
            + "latency,2,multicore,1,1000,20.25,80,\n");
    SizeReport.Row row = SizeReport.readCsv(List.of(before)).rows().get(0);
    assertEquals(20.25, row.medianUs());
    assertTrue(Double.isNaN(row.meanUs()), row.toString());
  }

  @Test
  void theMarkdownHasATablePerOperationWithTheRankCountsAsColumns() throws IOException {
    List<String> markdown = SizeReport.read(List.of(sweep(tmp, 2), sweep(tmp, 4))).markdown();
    String text = String.join("\n", markdown);
    assertTrue(text.contains("## latency"), text);
    assertTrue(text.contains("## bandwidth"), text);
    assertTrue(text.contains("K=2") && text.contains("K=4"), text);
    assertTrue(text.contains("| 1 MiB | 2,240 (30,000) | 2,240 (30,000) |"), text);
    assertTrue(text.contains("| 1 B | 20.2 (80) | 20.2 (80) |"), text);
    assertTrue(text.contains("| 1 B | 20.5 (99) | 40.5 (99) |"), text);
  }

  @Test
  void sizesReadAsPeopleWriteThem() {
    assertEquals("1 B", SizeReport.bytesText(1));
    assertEquals("1000 B", SizeReport.bytesText(1000));
    assertEquals("64 KiB", SizeReport.bytesText(65_536));
    assertEquals("1 MiB", SizeReport.bytesText(1 << 20));
    assertEquals("64 MiB", SizeReport.bytesText(64 << 20));
  }

  @Test
  void badFilesAndBadRowsAreOneLineNamingTheFile() throws IOException {
    String row = "{\"operation\": \"bcast\", \"bytes\": 8, \"iterations\": 5, \"medianUs\": 3,"
        + " \"p99Us\": 9}";
    List<Path> bad = BadFiles.write(tmp,
        "a.json", "{nope",
        "b.json", "{\"ranks\": 2}",
        "c.json", "{\"ranks\": 2, \"device\": \"multicore\", \"rows\": ["
            + "{\"operation\": \"bcast\", \"bytes\": 8, \"iterations\": 5, \"medianUs\": 9,"
            + " \"p99Us\": 3}]}",
        "d.json", "{\"ranks\": 2, \"rows\": [" + row + "," + row + "]}");
    BadFiles.assertEachRejectedInOneLine(bad, file -> () -> SizeReport.read(List.of(file)), "");
    assertTrue(SizeReport.read(List.of()).isEmpty());
  }
}
