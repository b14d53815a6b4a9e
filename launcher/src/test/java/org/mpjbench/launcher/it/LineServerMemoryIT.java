package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.lineserver.LineFile;
import org.mpjbench.lineserver.protocol.LineProtocol;
import org.mpjbench.lineserver.protocol.LineReader;
import org.mpjbench.lineserver.protocol.SubmitReply;

/**
 * {@code mpjbench line-server} as its own process with a 48 MiB heap, attacked to make it hold as
 * much memory as the protocol lets a client make it hold: 256 connections each parked on a request
 * line one byte short of the 64 KiB bound, while others stream endless request lines and endless
 * submission texts. It must stay alive, keep serving a well-behaved client byte for byte, end no
 * connection by an error of its own, and give its threads back. The live heap at the peak is
 * printed and must stay under 128 KiB per parked connection above the idle server's (the bound is
 * about 83 KiB: an 8 KiB read buffer, the 64 KiB line, an 8 KiB reply buffer and small objects).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LineServerMemoryIT {
  private static final int HEAP_MIB = 48;
  private static final int PARKED = 256;
  private static final int STREAMERS = 16;
  private static final int LINES = 10_000;
  /**
   * What a parked connection may hold: an 8 KiB read buffer, the 64 KiB line being assembled, an
   * 8 KiB reply buffer, its socket, thread and other objects (the streamers' share included).
   */
  private static final long BOUND_PER_CONNECTION_BYTES = 128 * 1024;

  @TempDir Path work;

  @Test
  void serverWithA48MiBHeapSurvives256ParkedAndEndlessConnections() throws Exception {
    Path ready = work.resolve("ready");
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process server = new ProcessBuilder(java.toString(), "-Xmx" + HEAP_MIB + "m",
        "-cp", System.getProperty("java.class.path"), "org.mpjbench.launcher.Main",
        "line-server", "--lines", String.valueOf(LINES), "--seed", "1",
        "--rate-per-second", "1000000", "--burst", "1000000", "--idle-timeout-s", "30",
        "--ready-file", ready.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    List<Socket> parked = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(STREAMERS + 1);
    AtomicBoolean stop = new AtomicBoolean();
    try {
      InetSocketAddress address = awaitReady(ready, server);
      LineFile file = LineFile.generate(LINES, 1);
      long idleHeap = liveHeapBytes(server.pid());
      int idleThreads = threads(server.pid());

      List<Future<Long>> streams = new ArrayList<>();
      for (int i = 0; i < STREAMERS; i++) {
        // Half stream one endless request line, half an endless text in a submission.
        String start = i % 2 == 0 ? "" : "SUBMIT\na@b\n" + LINES + "\n0\n";
        streams.add(pool.submit(() -> streamUntil(stop, address, start)));
      }
      Future<Integer> good = pool.submit(() -> downloadAndSubmitUntil(stop, address, file));

      byte[] almostALine = new byte[LineProtocol.MAX_REQUEST_LINE_BYTES - 1];
      Arrays.fill(almostALine, (byte) 'x');
      for (int i = 0; i < PARKED; i++) {
        Socket socket = new Socket();
        parked.add(socket);
        socket.connect(address, 5000);
        // One whole request first: a connection that never asks is dropped after 10 s, one that
        // did keeps the idle time-out, and is parked on its next line.
        socket.getOutputStream().write("SENDLINE\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(almostALine);
      }
      Thread.sleep(1000); // the server reads what they sent
      assertTrue(server.isAlive(), "alive with " + PARKED + " parked connections");
      long peakHeap = liveHeapBytes(server.pid());
      int peakThreads = threads(server.pid());

      stop.set(true);
      int submissions = good.get(30, TimeUnit.SECONDS);
      long streamed = 0;
      for (Future<Long> stream : streams) {
        streamed += stream.get(30, TimeUnit.SECONDS);
      }
      for (Socket socket : parked) {
        socket.close();
      }
      long threadsBack = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (threads(server.pid()) > idleThreads + 4 && System.nanoTime() < threadsBack) {
        Thread.sleep(50);
      }
      int threadsAfter = threads(server.pid());

      long perConnection = (peakHeap - idleHeap) / PARKED;
      System.out.printf("line server, -Xmx%dm: live heap %.1f MiB idle, %.1f MiB with %d parked"
              + " connections (%d KiB each) and %d streaming %.0f MiB in all; threads %d idle,"
              + " %d at the peak, %d after; %d whole submissions accepted meanwhile%n",
          HEAP_MIB, idleHeap / 1048576.0, peakHeap / 1048576.0, PARKED, perConnection / 1024,
          STREAMERS, streamed / 1048576.0, idleThreads, peakThreads, threadsAfter, submissions);
      assertTrue(server.isAlive(), "the server survived; stderr:\n" + Files.readString(err));
      assertTrue(submissions >= 1, "the well-behaved client kept being served");
      assertTrue(peakThreads >= idleThreads + PARKED, "the connections were really open at once");
      assertTrue(perConnection < BOUND_PER_CONNECTION_BYTES,
          perConnection + " bytes of heap per parked connection");
      assertTrue(threadsAfter <= idleThreads + 4, "threads back to " + threadsAfter
          + " from " + peakThreads + " (idle: " + idleThreads + ")");
    } finally {
      stop.set(true);
      pool.shutdownNow();
      for (Socket socket : parked) {
        socket.close();
      }
      server.destroy(); // SIGTERM: the server prints its statistics and exits
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(128 + 15, server.exitValue(),
        "the exit status after SIGTERM (shutdown hooks run); stderr:\n" + stderr);
    assertFalse(stderr.contains("OutOfMemoryError"), stderr);
    assertFalse(stderr.contains("failed"), "no connection failed by a server error:\n" + stderr);
    assertTrue(stdout.contains("line server stopped: connections "), stdout);
    assertFalse(stdout.contains("failed by a server error"), stdout);
  }

  /** The server's address, once it has written its ready file. */
  private static InetSocketAddress awaitReady(Path ready, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(ready)) {
      assertTrue(server.isAlive(), "the line server exited with " + (server.isAlive() ? ""
          : server.exitValue()));
      assertTrue(System.nanoTime() < deadline, "the line server wrote no ready file in 60 s");
      Thread.sleep(50);
    }
    String hostPort = Files.readString(ready, StandardCharsets.US_ASCII).strip();
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(hostPort.substring(0, colon),
        Integer.parseInt(hostPort.substring(colon + 1)));
  }

  /**
   * Connects, sends {@code start} and then 'x' without end until the server closes, again and
   * again until {@code stop}; returns the bytes sent.
   */
  private static long streamUntil(AtomicBoolean stop, InetSocketAddress address, String start)
      throws IOException {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    long sent = 0;
    while (!stop.get()) {
      try (Socket socket = new Socket()) {
        socket.connect(address, 5000);
        OutputStream out = socket.getOutputStream();
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        while (!stop.get()) {
          out.write(chunk);
          sent += chunk.length;
        }
      } catch (IOException e) {
        // Closed by the server at the bound: connect again.
      }
    }
    return sent;
  }

  /** SENDLINEs and whole submissions, each reply checked; returns the submissions accepted. */
  private static int downloadAndSubmitUntil(AtomicBoolean stop, InetSocketAddress address,
      LineFile file) throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    whole.writeBytes(LineProtocol.submitHeader("good", "team", file.lineCount()));
    for (int n = 0; n < file.lineCount(); n++) {
      whole.writeBytes(LineProtocol.submitPair(n, file.line(n)));
    }
    int accepted = 0;
    try (Socket socket = new Socket()) {
      socket.connect(address, 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      LineReader in = new LineReader(socket.getInputStream(), 1 << 20);
      while (!stop.get() || accepted == 0) {
        out.write("SENDLINE\n".repeat(20).getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 20; i++) {
          long n = LineProtocol.parseReplyNumber(in.readLine());
          assertArrayEquals(file.line((int) n), in.readLine(), "line " + n);
        }
        out.write(whole.toByteArray());
        SubmitReply reply = LineProtocol.parseSubmitReply(in.readLine());
        assertTrue(reply.ok(), reply.toString());
        accepted++;
      }
    }
    return accepted;
  }

  /**
   * The bytes of the process's live objects, from {@code jcmd GC.class_histogram}: it collects
   * fully first and counts in the same pause, so garbage made meanwhile is not counted.
   */
  private static long liveHeapBytes(long pid) throws Exception {
    String histogram = jcmd(pid, "GC.class_histogram");
    Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(histogram);
    assertTrue(total.find(), "jcmd GC.class_histogram ended:\n"
        + histogram.substring(Math.max(0, histogram.length() - 500)));
    return Long.parseLong(total.group(1));
  }

  private static String jcmd(long pid, String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "jcmd " + command + " finished");
    assertEquals(0, process.exitValue(), "jcmd " + command + ":\n" + output);
    return output;
  }

  /** The process's thread count, from /proc. */
  private static int threads(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring("Threads:".length()).strip());
      }
    }
    throw new IOException("no Threads: line in /proc/" + pid + "/status");
  }
}
