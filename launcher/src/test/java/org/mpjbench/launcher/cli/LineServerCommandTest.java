package org.mpjbench.launcher.cli;

import org.mpjbench.launcher.runs.UserError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpjbench.lineserver.LineFile;
import org.mpjbench.lineserver.protocol.LineProtocol;
import org.mpjbench.lineserver.protocol.LineReader;
import picocli.CommandLine;

/**
 * {@code mpjbench line-server}: bad options end with exit code 2 and one line before anything
 * listens; a real start serves on the port it writes to {@code --ready-file}, and stops with its
 * statistics.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LineServerCommandTest {
  @TempDir Path tmp;

  @BeforeEach
  void createFixtures() throws IOException {
    Files.write(tmp.resolve("empty.txt"), new byte[0]);
    Files.write(tmp.resolve("lines.txt"), "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));
    Files.write(tmp.resolve("no-final-break.txt"), "one\ntwo".getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of("--file /nonexistent/lines.txt",
            List.of("--file /nonexistent/lines.txt does not exist")),
        Arguments.of("--file {tmp}/empty.txt", List.of("--file", "empty.txt is empty")),
        Arguments.of("--file {tmp}", List.of("--file", "is not a regular file")),
        Arguments.of("--file {tmp}/lines.txt --lines 10",
            List.of("--file and --lines exclude each other")),
        Arguments.of("--lines 0", List.of("--lines must be 1 to 10000000, got 0")),
        Arguments.of("--lines -5", List.of("--lines must be 1 to", "got -5")),
        Arguments.of("--lines 20000000", List.of("--lines must be 1 to", "20000000")),
        Arguments.of("--lines many", List.of("'many'", "--lines")),
        Arguments.of("--rate-per-second -1", List.of("--rate-per-second must be > 0, got -1")),
        Arguments.of("--rate-per-second 0", List.of("--rate-per-second must be > 0, got 0")),
        Arguments.of("--rate-per-second NaN", List.of("--rate-per-second must be > 0")),
        Arguments.of("--burst 0", List.of("--burst must be at least 1, got 0")),
        Arguments.of("--decline-probability 1.5",
            List.of("--decline-probability must be at least 0 and below 1, got 1.5")),
        Arguments.of("--decline-probability -0.5", List.of("--decline-probability", "-0.5")),
        Arguments.of("--max-connections-per-address -1",
            List.of("--max-connections-per-address", "got -1")),
        Arguments.of("--max-connections 0", List.of("--max-connections must be 1 to")),
        Arguments.of("--idle-timeout-s 0", List.of("--idle-timeout-s must be positive, got 0")),
        Arguments.of("--idle-timeout-s -3", List.of("--idle-timeout-s must be positive")),
        Arguments.of("--drop-connection-every -1", List.of("--drop-connection-every", "got -1")),
        Arguments.of("--port 70000", List.of("--port must be 0 to 65535, got 70000")),
        Arguments.of("--port -1", List.of("--port must be 0 to 65535, got -1")),
        Arguments.of("--bind not-an-address", List.of("--bind", "'not-an-address'")),
        Arguments.of("--bind 999.1.1.1", List.of("--bind", "'999.1.1.1'")),
        Arguments.of("--bind ::zz", List.of("--bind", "'::zz'")),
        Arguments.of("--ready-file /nonexistent/folder/ready",
            List.of("--ready-file", "/nonexistent/folder", "does not exist")),
        Arguments.of("--ready-file {tmp}", List.of("--ready-file", "is a folder")),
        Arguments.of("--bogus", List.of("--bogus")),
        Arguments.of("stray", List.of("'stray'")));
  }

  @ParameterizedTest(name = "line-server {0}")
  @MethodSource("badOptions")
  void badOptionIsAUsageErrorAndNothingListens(String options, List<String> fragments) {
    List<String> args = new ArrayList<>(List.of("line-server"));
    args.addAll(Arrays.stream(options.replace("{tmp}", tmp.toString()).split(" ")).toList());
    CliRun run = CliRun.of(args.toArray(String[]::new));
    BadInputTest.assertUsageError(run, fragments);
    assertFalse(run.errLines().get(0).contains("Exception"), run::describe);
  }

  @Test
  void helpListsTheOptionsAndTheDefaults() {
    CliRun run = CliRun.of("line-server", "--help");
    assertEquals(0, run.exitCode(), run::describe);
    for (String text : List.of("Usage: mpjbench line-server", "--port", "--bind", "--file",
        "--lines", "--seed", "--rate-per-second", "--burst", "--decline-probability",
        "--max-connections-per-address", "--idle-timeout-s", "--drop-connection-every",
        "--ready-file", "(default: 250)", "(default: 5)", "127.0.0.1")) {
      assertTrue(run.out().contains(text), () -> "missing '" + text + "':\n" + run.describe());
    }
    assertTrue(CliRun.of("--help").out().contains("line-server"), "listed at the top level");
  }

  @Test
  void busyPortFailsWithExitCodeOne() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of("line-server", "--port", String.valueOf(busy.getLocalPort()));
      assertEquals(UserError.FAILED, run.exitCode(), run::describe);
      assertEquals(1, run.errLines().size(), run::describe);
      assertTrue(run.err().startsWith("mpjbench: cannot listen on 127.0.0.1:"
          + busy.getLocalPort() + ": "), run::describe);
    }
  }

  /** A line-server command running on a background thread, with its output captured. */
  private static final class Running implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final LineServerCommand command;
    final Thread thread;
    final AtomicInteger exitCode = new AtomicInteger(-1);

    Running(String... args) {
      CommandLine commandLine = MpjBenchCommand.commandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      command = (LineServerCommand) commandLine.getSubcommands().get("line-server").getCommand();
      List<String> all = new ArrayList<>(List.of("line-server"));
      all.addAll(List.of(args));
      thread = new Thread(() -> exitCode.set(commandLine.execute(all.toArray(String[]::new))),
          "line-server-command-under-test");
      thread.setDaemon(true);
      thread.start();
    }

    /** Waits until {@code file} holds HOST:PORT and returns it. */
    InetSocketAddress awaitReadyFile(Path file) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!Files.exists(file)) {
        if (System.nanoTime() > deadline || !thread.isAlive()) {
          throw new AssertionError("no ready file; exit " + exitCode.get() + "\n" + out + err);
        }
        Thread.sleep(10);
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      assertTrue(text.matches("127\\.0\\.0\\.1:[0-9]+\n"), "ready file: '" + text + "'");
      int colon = text.lastIndexOf(':');
      return new InetSocketAddress(text.substring(0, colon),
          Integer.parseInt(text.substring(colon + 1).trim()));
    }

    int stop() throws InterruptedException {
      command.stop();
      thread.join(TimeUnit.SECONDS.toMillis(15));
      assertFalse(thread.isAlive(), "the command returns once stopped");
      return exitCode.get();
    }

    /** Stops the command if a test failed before it did; never leaves a server running. */
    @Override
    public void close() {
      command.stop();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void startsOnAFreePortWritesTheReadyFileServesAndStops() throws Exception {
    Path ready = tmp.resolve("ready");
    try (Running running = new Running("--port", "0", "--ready-file", ready.toString())) {
      InetSocketAddress address = running.awaitReadyFile(ready);

      String listening = running.out.toString().lines().findFirst().orElse("");
      assertTrue(listening.matches("line server listening on 127\\.0\\.0\\.1:" + address.getPort()
          + ": 1000 lines \\(generated, seed 1\\), 250 requests/s per connection, burst 5"),
          listening);

      LineFile expected = LineFile.generate(1000, 1);
      try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        LineReader reader = new LineReader(in, 1 << 16);
        out.write(LineProtocol.sendLineRequest());
        long n = LineProtocol.parseReplyNumber(reader.readLine());
        assertTrue(n >= 0 && n < 1000, "line " + n);
        assertArrayEquals(expected.line((int) n), reader.readLine(),
            "the generated file of --seed 1 is served");
      }

      assertEquals(0, running.stop());
      assertFalse(Files.exists(ready), "the ready file is removed when the server stops");
      List<String> lines = running.out.toString().lines().toList();
      assertEquals(2, lines.size(), running.out::toString);
      assertTrue(lines.get(1).startsWith("line server stopped: connections 1 (0 refused, "),
          lines.get(1));
      assertTrue(lines.get(1).contains("SENDLINE 1: 1 served"), lines.get(1));
      assertEquals("", running.err.toString());
      assertThrows(ConnectException.class,
          () -> new Socket(address.getAddress(), address.getPort()).close(),
          "nothing listens after the stop");
    }
  }

  @Test
  void aReadyFileOfTheUsersIsRefusedAndKept() throws IOException {
    Path users = Files.writeString(tmp.resolve("notes.txt"), "my notes\n");
    CliRun run = CliRun.of("line-server", "--ready-file", users.toString());
    BadInputTest.assertUsageError(run, List.of("--ready-file " + users,
        "is not a ready file of a line server", "left untouched"));
    assertEquals("my notes\n", Files.readString(users));
  }

  @Test
  void aStaleReadyFileIsReplacedAndOneChangedSinceIsNotDeleted() throws Exception {
    Path ready = Files.writeString(tmp.resolve("ready"), "127.0.0.1:1\n"); // a killed server's
    try (Running running = new Running("--port", "0", "--ready-file", ready.toString())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (Files.readString(ready).equals("127.0.0.1:1\n")) {
        assertTrue(System.nanoTime() < deadline && running.thread.isAlive(),
            () -> "the stale ready file was not replaced\n" + running.out + running.err);
        Thread.sleep(10);
      }
      running.awaitReadyFile(ready);
      Files.writeString(ready, "written by someone else\n");
      assertEquals(0, running.stop());
      assertEquals("written by someone else\n", Files.readString(ready),
          "a ready file that no longer holds what the server wrote is not the server's to delete");
    }
  }

  @Test
  void fileWithoutAFinalLineBreakIsReportedAtStart() throws Exception {
    Path ready = tmp.resolve("ready");
    Path file = tmp.resolve("no-final-break.txt");
    try (Running running = new Running("--file", file.toString(), "--ready-file",
        ready.toString(), "--rate-per-second", "2.5", "--burst", "1", "--decline-probability",
        "0.25", "--max-connections-per-address", "3", "--drop-connection-every", "7")) {
      running.awaitReadyFile(ready);
      List<String> lines = running.out.toString().lines().toList();
      assertTrue(lines.get(0).endsWith(": 2 lines (from " + file + "), 2.5 requests/s per"
          + " connection, burst 1, 25% declined at random, at most 3 connections per address,"
          + " each connection dropped after 7 SENDLINE replies (testing)"), lines.get(0));
      assertTrue(lines.get(1).contains("does not end with a line break"), lines.get(1));
      assertTrue(lines.get(1).contains("served as line 1"), lines.get(1));
      assertTrue(lines.get(1).contains("gains one final '\\n'"), lines.get(1));
      assertEquals(0, running.stop());
    }
  }
}
