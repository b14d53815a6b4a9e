package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.lineserver.LineFile;

/**
 * The line server killed (SIGKILL) in the middle of a download and started again on its port: the
 * ranks reconnect, keep every line they had, and the run completes with the file byte-identical.
 * The server is a {@code mpjbench line-server} process of its own; the download runs three real MPJ
 * ranks and is followed through its {@code --trace} file.
 */
class LineServerRestartIT {
  private static final int LINES = 500;
  private static final int RATE_PER_SECOND = 100;
  /** Generous: a JVM starting on a loaded machine must fit in it. */
  private static final long CONNECT_TIMEOUT_MS = 60_000;

  @TempDir Path work;

  /** Starts {@code mpjbench line-server} on {@code port}; returns once its ready file exists. */
  private Process startLineServer(int port, String name) throws Exception {
    Path ready = work.resolve(name + ".ready");
    Path log = work.resolve(name + ".log");
    Process server = Processes.launcher("line-server", "--port", Integer.toString(port),
            "--lines", Integer.toString(LINES), "--rate-per-second",
            Integer.toString(RATE_PER_SECOND), "--ready-file", ready.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(ready)) {
      if (!server.isAlive() || System.nanoTime() > deadline) {
        Processes.kill(server);
        fail("the line server did not start: " + Files.readString(log));
      }
      Thread.sleep(20);
    }
    return server;
  }

  /** The distinct-line counts of the progress records in the trace so far, in order. */
  private static List<Integer> distinctLines(Path trace) throws Exception {
    List<Integer> counts = new ArrayList<>();
    if (!Files.exists(trace)) {
      return counts;
    }
    String text = Files.readString(trace, StandardCharsets.UTF_8);
    // Only whole lines: the trace may be caught in the middle of an append.
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      if (line.contains("\"event\":\"progress\"")) {
        counts.add(ResultWriter.mapper().readTree(line).at("/payload/distinctLines").asInt());
      }
    }
    return counts;
  }

  /** Waits until the latest progress record's count passes {@code test}; returns that count. */
  private static int awaitDistinct(Path trace, IntPredicate test,
      CompletableFuture<LauncherRun> run, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && !run.isDone()) {
      List<Integer> counts = distinctLines(trace);
      if (!counts.isEmpty() && test.test(counts.get(counts.size() - 1))) {
        return counts.get(counts.size() - 1);
      }
      Thread.sleep(10);
    }
    String ended = run.isDone()
        ? "; the run ended: " + run.handle((r, e) -> e != null ? e.toString()
            : "exit " + r.exitCode() + ", " + r.err().strip()).join()
        : "";
    return fail(what + " never happened; progress so far: " + distinctLines(trace) + ended);
  }

  @Test
  void theRanksReconnectToTheRestartedServerKeepEveryLineAndComplete() throws Exception {
    int port = Processes.freePort();
    Path trace = work.resolve("trace.jsonl");
    Process first = startLineServer(port, "first");
    Process second = null;
    long startNanos = System.nanoTime();
    CompletableFuture<LauncherRun> download = CompletableFuture.supplyAsync(() -> {
      try {
        return LauncherRun.run(work.resolve("results"), "run", "download", "-np", "3",
            "--server", "127.0.0.1:" + port, "--lines", Integer.toString(LINES),
            "--rate-per-second", Integer.toString(RATE_PER_SECOND),
            "--connect-timeout-ms", Long.toString(CONNECT_TIMEOUT_MS), "--timeout-s", "240",
            "--trace", trace.toString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      int beforeKill = awaitDistinct(trace, n -> n >= LINES / 5, download,
          "the group holding a fifth of the lines");
      assertTrue(beforeKill < LINES, "the download is still under way: " + beforeKill);
      long killNanos = System.nanoTime();
      Processes.kill(first);
      Thread.sleep(1_000); // the ranks find the server gone and keep trying
      int whileDown = awaitDistinct(trace, n -> true, download, "progress while it is down");
      second = startLineServer(port, "second");
      long readyNanos = System.nanoTime();
      int atRestart = awaitDistinct(trace, n -> true, download, "progress");
      assertTrue(atRestart < LINES, "the server came back before the download ended");
      int afterRestart = awaitDistinct(trace, n -> n > atRestart, download,
          "a new line from the restarted server");
      long newLineNanos = System.nanoTime();

      LauncherRun run = download.get(240, TimeUnit.SECONDS);
      run.expectExit(0);
      long runNanos = System.nanoTime() - startNanos;
      second.destroy(); // SIGTERM: the server prints its statistics as it stops
      assertTrue(second.waitFor(20, TimeUnit.SECONDS), "the restarted server stopped");
      String secondLog = Files.readString(work.resolve("second.log"));

      JsonNode result = run.json().get("result");
      assertTrue(result.get("verdict").asText().startsWith("SUBMIT OK " + LINES + " lines"),
          result.get("verdict").asText());
      byte[] copy = Files.readAllBytes(run.resultFile().resolveSibling(
          run.json().at("/artifacts/file.txt").asText()));
      assertArrayEquals(LineFile.generate(LINES, 1).toBytes(), copy, "byte-identical copy");

      // Lines held before the kill were kept: the group's count never went down.
      List<Integer> counts = distinctLines(trace);
      for (int i = 1; i < counts.size(); i++) {
        assertTrue(counts.get(i) >= counts.get(i - 1), "the count went down: " + counts);
      }
      assertEquals(LINES, counts.get(counts.size() - 1));
      assertTrue(whileDown >= beforeKill && atRestart >= whileDown, counts.toString());

      // Every rank lost its connection and opened one to the new server, where rank 0 also
      // submitted: nothing depended on the old server's state.
      long reconnects = 0;
      long received = 0;
      for (JsonNode rank : result.get("ranks")) {
        assertTrue(rank.get("reconnects").asLong() >= 1, "every rank reconnected: " + rank);
        reconnects += rank.get("reconnects").asLong();
        received += rank.get("linesReceived").asLong();
      }
      Matcher stats = Pattern.compile("line server stopped: connections (\\d+) .*SENDLINE \\d+:"
          + " (\\d+) served.*submissions (\\d+) OK").matcher(secondLog);
      assertTrue(stats.find(), secondLog);
      assertEquals(reconnects, Long.parseLong(stats.group(1)),
          "the ranks' reconnections are the restarted server's connections");
      assertEquals(1, Long.parseLong(stats.group(3)), "the file was submitted to the new server");
      long servedBySecond = Long.parseLong(stats.group(2));
      assertTrue(received - servedBySecond >= beforeKill,
          "the lines the first server handed out are still counted: " + received + " received, "
              + servedBySecond + " from the second server, " + beforeKill + " held before");
      assertTrue(result.get("draws").asLong() <= received);

      System.out.printf(Locale.ROOT, "line server restart: %d of %d lines held at the kill, %d"
              + " when the server was ready again; down %.2f s (kill to ready file); first new"
              + " line %.2f s after ready (%d lines then); %d reconnects; run %.1f s, %d draws,"
              + " %d lines received (%d from the restarted server)%n",
          beforeKill, LINES, atRestart, (readyNanos - killNanos) / 1e9,
          (newLineNanos - readyNanos) / 1e9, afterRestart, reconnects, runNanos / 1e9,
          result.get("draws").asLong(), received, servedBySecond);
    } finally {
      Processes.kill(first);
      Processes.kill(second);
      // Without a server the run fails within its connect time-out; wait for it to clean up.
      download.handle((run, e) -> run).get(CONNECT_TIMEOUT_MS / 1000 + 60, TimeUnit.SECONDS);
    }
    Processes.assertNoDescendants(ProcessHandle.current(), "the download across a restart");
  }
}
