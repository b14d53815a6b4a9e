package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.lineserver.LineFile;
import org.mpjbench.lineserver.LineServer;
import org.mpjbench.lineserver.LineServerConfig;

/**
 * The download kernel through the real MPJ runtime against a real line server over TCP: the file
 * arrives whole and byte-identical, dropped connections are survived, an unreachable server fails
 * clearly. Small files and a high rate keep each run to a few seconds.
 */
class DownloadIT {
  @TempDir Path work;

  private static byte[] artifact(LauncherRun run) throws Exception {
    JsonNode json = run.json();
    String name = json.at("/artifacts/file.txt").asText();
    assertTrue(!name.isEmpty(), "the record names its reassembled file: " + json.get("artifacts"));
    return Files.readAllBytes(run.resultFile().resolveSibling(name));
  }

  @Test
  void oneRankDownloadsAGeneratedFileByteForByte() throws Exception {
    LauncherRun run = DownloadRuns.downloaded(work, 1,
        "--lines", "100", "--rate-per-second", "2000", "--seed", "3");
    JsonNode result = run.json().get("result");
    assertEquals(100, result.get("lineCount").asInt());
    assertTrue(result.get("verdict").asText().startsWith("SUBMIT OK 100 lines"));
    assertArrayEquals(LineFile.generate(100, 3).toBytes(), artifact(run));
    assertTrue(run.out().contains("byte-identical to the served file"), run.out());
    long draws = result.get("draws").asLong();
    assertTrue(draws >= 100, "at least one draw per line: " + draws);
    double t = result.get("masterCompleteSeconds").asDouble();
    assertTrue(t >= result.get("groupCompleteSeconds").asDouble());
    double efficiency = result.get("efficiency").asDouble();
    assertEquals(draws / 2000.0 / t, efficiency, 1e-9, "E = D/(K·R)/T");
    JsonNode series = result.get("series");
    assertEquals(100, series.get(series.size() - 1).get("distinctLines").asInt());
  }

  @Test
  void threeRanksShareARealTextFile() throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (int i = 0; i < 60; i++) {
      text.writeBytes(("Ligne " + i + " — naïve café, 中文, \t tab\r\n").getBytes(StandardCharsets.UTF_8));
      if (i % 10 == 0) {
        text.write('\n'); // empty lines too
      }
    }
    Path file = work.resolve("real.txt");
    Files.write(file, text.toByteArray());
    LauncherRun run = DownloadRuns.downloaded(work, 3,
        "--file", file.toString(), "--rate-per-second", "1000");
    assertArrayEquals(Files.readAllBytes(file), artifact(run), "byte-identical copy");
    JsonNode result = run.json().get("result");
    assertEquals(66, result.get("lineCount").asInt());
    assertEquals(3, result.get("ranks").size());
    long received = 0;
    for (JsonNode rank : result.get("ranks")) {
      assertTrue(rank.get("linesReceived").asLong() > 0, "every rank fetched: " + rank);
      received += rank.get("linesReceived").asLong();
    }
    assertTrue(received >= result.get("draws").asLong());
  }

  @Test
  void droppedConnectionsAreReopenedAndNothingIsLost() throws Exception {
    LauncherRun run = DownloadRuns.downloaded(work, 2,
        "--lines", "80", "--rate-per-second", "2000", "--drop-connection-every", "15");
    JsonNode result = run.json().get("result");
    long reconnects = 0;
    for (JsonNode rank : result.get("ranks")) {
      reconnects += rank.get("reconnects").asLong();
    }
    assertTrue(reconnects >= 2, "the server dropped connections every 15 lines: " + reconnects);
    assertArrayEquals(LineFile.generate(80, 1).toBytes(), artifact(run));
  }

  @Test
  void anExternalServerIsUsedAsGiven() throws Exception {
    LineFile file = LineFile.generate(50, 9);
    LineServerConfig config = LineServerConfig.defaults(file)
        .withBindAddress(InetAddress.getLoopbackAddress()).withRatePerSecond(2000);
    try (LineServer server = LineServer.start(config)) {
      LauncherRun run = DownloadRuns.downloaded(work, 2,
          "--server", "127.0.0.1:" + server.address().getPort(), "--lines", "50",
          "--rate-per-second", "2000");
      assertArrayEquals(file.toBytes(), artifact(run));
      assertEquals(1, server.stats().submissionsOk());
      assertTrue(server.stats().linesServed() >= 50);
    }
  }

  @Test
  void oneConnectionPerAddressIsEnoughForFetchingAndSubmitting() throws Exception {
    LauncherRun run = DownloadRuns.downloaded(work, 1,
        "--lines", "40", "--rate-per-second", "2000", "--max-connections-per-address", "1");
    assertTrue(run.json().at("/result/verdict").asText().startsWith("SUBMIT OK"));
  }

  @Test
  void aFileWithoutFinalLineBreakComesBackWithOne() throws Exception {
    Path file = work.resolve("no-newline.txt");
    Files.writeString(file, "alpha\nbeta\ngamma", StandardCharsets.UTF_8);
    LauncherRun run = DownloadRuns.downloaded(work, 1,
        "--file", file.toString(), "--rate-per-second", "2000");
    assertArrayEquals("alpha\nbeta\ngamma\n".getBytes(StandardCharsets.UTF_8), artifact(run));
    assertTrue(run.out().contains("byte-identical to the served file plus the final line break"),
        run.out());
  }

  @Test
  void aRunThatReportsProgressStillEndsAtItsTimeout() throws Exception {
    DownloadRuns.Timed timed = DownloadRuns.timed(work, 2, "--lines", "5000",
        "--rate-per-second", "50", "--timeout-s", "4");
    LauncherRun run = timed.run();
    run.expectExit(1);
    assertTrue(timed.seconds() < 40);
    assertEquals("timed-out", run.json().get("status").asText());
    Processes.assertNoDescendants(ProcessHandle.current(), "the timed-out download");
  }

  @Test
  void anUnreachableServerIsAClearErrorBeforeAnyRankStarts() throws Exception {
    int port = Processes.freePort();
    DownloadRuns.Timed timed = DownloadRuns.timed(work, 2, "--server", "127.0.0.1:" + port,
        "--connect-timeout-ms", "1000");
    LauncherRun run = timed.run();
    run.expectExit(1);
    assertTrue(timed.seconds() < 30);
    assertTrue(run.err().contains("cannot reach the line server at 127.0.0.1:" + port),
        run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  @Test
  void aServerThatGoesAwayMidRunFailsTheRunWithinTheConnectTimeoutAndKeepsWhatItHad()
      throws Exception {
    LineFile file = LineFile.generate(5_000, 2);
    LineServer server = LineServer.start(LineServerConfig.defaults(file).withRatePerSecond(50));
    int port = server.address().getPort();
    long[] closedAtNanos = new long[1];
    // Gone once the ranks are fetching (not after a fixed time, which a loaded machine may spend
    // before the first rank starts).
    Thread stopper = new Thread(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      try {
        while (server.stats().linesServed() < 100 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server.close();
      closedAtNanos[0] = System.nanoTime();
    });
    stopper.start();
    try {
      LauncherRun run = DownloadRuns.download(work, 2,
          "--server", "127.0.0.1:" + port, "--lines", "5000",
          "--rate-per-second", "50", "--connect-timeout-ms", "2000");
      long endNanos = System.nanoTime();
      stopper.join();
      run.expectExit(1);
      // The connect time-out, plus the abort and the runtime's exit on a loaded machine.
      double failedAfterSeconds = (endNanos - closedAtNanos[0]) / 1e9;
      assertTrue(failedAfterSeconds >= 2 && failedAfterSeconds < 30,
          "failed " + failedAfterSeconds + " s after the server went away: " + run.err());
      // After the note of what the server told (INFO), before the run started.
      String firstLine = run.err().lines()
          .filter(line -> !line.startsWith("mpjbench: the line server at ")).findFirst().orElse("");
      assertTrue(firstLine.startsWith("mpjbench: download failed: ")
          && firstLine.contains("lost the line server: cannot reach the line server at 127.0.0.1:"
              + port + " for 2000 ms (--connect-timeout-ms)"), run.err());
      JsonNode json = run.json();
      assertEquals("failed", json.get("status").asText());
      assertTrue(json.get("partial").asBoolean());
      assertTrue(json.get("error").get("message").asText().contains("127.0.0.1:" + port));
      // The lines-vs-time points so far are kept; the last one is what the group held at the end.
      JsonNode points = json.get("partialRecords");
      assertTrue(points.size() > 0, "lines-vs-time points so far are kept");
      int previous = 0;
      for (JsonNode point : points) {
        assertTrue(point.get("distinctLines").asInt() >= previous, "never fewer: " + points);
        previous = point.get("distinctLines").asInt();
      }
      assertTrue(previous > 0 && previous < 5000, "lines held at the end: " + previous);
      assertTrue(run.err().contains("partial result (" + points.size() + " records) written to"),
          run.err());
    } finally {
      stopper.join();
      server.close();
    }
    Processes.assertNoDescendants(ProcessHandle.current(), "the failed download");
  }
}
