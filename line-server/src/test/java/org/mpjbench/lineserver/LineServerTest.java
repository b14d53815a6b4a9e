package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.lineserver.protocol.LineProtocol;
import org.mpjbench.lineserver.protocol.SubmitReply;

/**
 * Tests of {@link LineServer} through real sockets on loopback, each against its own server on a
 * free port: the replies byte for byte, the draws, the rate limit and the random declines, every
 * submission verdict, errors, connection limits, time-outs, dropped connections, any-byte files,
 * concurrency, and closing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LineServerTest {
  /** A rate no test can reach: the bucket never runs dry. */
  private static final double UNLIMITED = 1e9;
  private static final int BIG_BURST = 1_000_000;

  @TempDir Path tmp;

  private final List<LineServer> servers = new ArrayList<>();

  private LineServer start(LineServerConfig config) throws IOException {
    LineServer server = LineServer.start(config);
    servers.add(server);
    return server;
  }

  private LineServer startUnlimited(LineFile file) throws IOException {
    return start(LineServerConfig.defaults(file).withRatePerSecond(UNLIMITED)
        .withBurst(BIG_BURST));
  }

  @AfterEach
  void closeServers() {
    servers.forEach(LineServer::close);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<Integer, byte[]> wholeFile(LineFile file) {
    Map<Integer, byte[]> pairs = new LinkedHashMap<>();
    for (int n = 0; n < file.lineCount(); n++) {
      pairs.put(n, file.line(n));
    }
    return pairs;
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }

  // ---------------------------------------------------------------- SENDLINE

  @Test
  void sendLineReplyIsTheNumberAndTheTextOfThatLine() throws IOException {
    LineFile file = LineFile.generate(100, 5);
    LineServer server = startUnlimited(file);

    try (TestClient client = new TestClient(server.address())) {
      for (int i = 0; i < 50; i++) {
        TestClient.Reply reply = client.sendLine();
        assertTrue(reply.n() >= 0 && reply.n() < 100, "line " + reply.n());
        assertArrayEquals(file.line((int) reply.n()), reply.text(), "line " + reply.n());
      }
    }
    // And byte for byte, with a raw socket: "<n>\n<text>\n" and nothing else.
    try (Socket raw = new Socket(server.address().getAddress(), server.address().getPort())) {
      raw.setSoTimeout(5000);
      raw.getOutputStream().write(bytes("SENDLINE\n"));
      raw.shutdownOutput();
      byte[] reply = raw.getInputStream().readAllBytes();
      String text = new String(reply, StandardCharsets.UTF_8);
      int n = Integer.parseInt(text.substring(0, text.indexOf('\n')));
      assertArrayEquals(LineProtocol.sendLineReply(n, file.line(n)), reply);
    }
    LineServer.Stats stats = server.stats();
    assertEquals(51, stats.linesServed());
    assertEquals(51, stats.sendLineRequests());
    assertEquals(2, stats.connectionsAccepted());
  }

  @Test
  void carriageReturnLineFeedRequestsWork() throws IOException {
    LineFile file = LineFile.generate(10, 1);
    LineServer server = startUnlimited(file);

    try (TestClient client = new TestClient(server.address())) {
      client.send("SENDLINE\r\n");
      TestClient.Reply reply = client.readReply();
      assertArrayEquals(file.line((int) reply.n()), reply.text());
    }
  }

  @Test
  void everyLineIsDrawnAndNoneMuchMoreOftenThanTheOthers() throws IOException {
    LineFile file = LineFile.generate(50, 2);
    LineServer server = startUnlimited(file);
    int[] seen = new int[50];

    try (TestClient client = new TestClient(server.address())) {
      for (int batch = 0; batch < 20; batch++) {
        for (TestClient.Reply reply : client.sendLines(100)) {
          seen[(int) reply.n()]++;
        }
      }
    }
    // 2000 draws over 50 lines: 40 expected each; a fair draw stays far inside 10..100.
    for (int n = 0; n < 50; n++) {
      assertTrue(seen[n] >= 10 && seen[n] <= 100, "line " + n + " drawn " + seen[n] + " times");
    }
  }

  @Test
  void sameSeedSameDrawsOnTheFirstConnection() throws IOException {
    LineFile file = LineFile.generate(1000, 1);
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    for (List<Long> draws : List.of(first, second)) {
      LineServer server = start(LineServerConfig.defaults(file).withSeed(42)
          .withRatePerSecond(UNLIMITED).withBurst(BIG_BURST));
      try (TestClient client = new TestClient(server.address())) {
        for (TestClient.Reply reply : client.sendLines(30)) {
          draws.add(reply.n());
        }
      }
    }
    assertEquals(first, second);
    assertTrue(first.stream().distinct().count() > 20, "30 draws of 1000 lines vary: " + first);
  }

  @Test
  void rateLimitAdmitsTheBurstThenRefillsAtTheRate() throws IOException, InterruptedException {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(100, 1))
        .withRatePerSecond(50).withBurst(5));

    try (TestClient client = new TestClient(server.address())) {
      // Pipelined, so all 20 arrive within far less than the 20 ms a new token takes.
      TestClient.Reply[] replies = client.sendLines(20);
      for (int i = 0; i < 20; i++) {
        assertEquals(i >= 5, replies[i].declined(), "reply " + i);
      }

      Thread.sleep(100); // 5 tokens at 50/s; the cap is 5 however long the sleep
      int served = 0;
      for (TestClient.Reply reply : client.sendLines(20)) {
        served += reply.declined() ? 0 : 1;
      }
      assertTrue(served >= 3 && served <= 8, "served after the pause: " + served);

      LineServer.Stats stats = server.stats();
      assertEquals(40, stats.sendLineRequests());
      assertEquals(5 + served, stats.linesServed());
      assertEquals(35 - served, stats.declinedByRate());
      assertEquals(0, stats.declinedAtRandom());
    }
  }

  @Test
  void eachConnectionHasItsOwnBucket() throws IOException {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(10, 1))
        .withRatePerSecond(0.001).withBurst(3));

    try (TestClient a = new TestClient(server.address());
        TestClient b = new TestClient(server.address())) {
      assertEquals(3, served(a.sendLines(10)));
      assertEquals(3, served(b.sendLines(10)));
    }
  }

  private static int served(TestClient.Reply[] replies) {
    int served = 0;
    for (TestClient.Reply reply : replies) {
      served += reply.declined() ? 0 : 1;
    }
    return served;
  }

  @Test
  void randomDeclinesHappenAtAboutTheirRate() throws IOException {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(10, 1))
        .withRatePerSecond(UNLIMITED).withBurst(BIG_BURST).withDeclineProbability(0.5));

    try (TestClient client = new TestClient(server.address())) {
      int declined = 400 - served(client.sendLines(400));
      // Binomial(400, 0.5): mean 200, standard deviation 10.
      assertTrue(declined >= 140 && declined <= 260, "declined " + declined + " of 400");
      assertEquals(declined, server.stats().declinedAtRandom());
      assertEquals(0, server.stats().declinedByRate());
    }
  }

  @Test
  void randomDeclinesTakeNoToken() throws IOException {
    // A bucket that never refills in this test: exactly the burst is served, however many
    // requests were declined at random before the tokens ran out.
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(10, 1))
        .withRatePerSecond(0.001).withBurst(5).withDeclineProbability(0.5));

    try (TestClient client = new TestClient(server.address())) {
      assertEquals(5, served(client.sendLines(60)));
      LineServer.Stats stats = server.stats();
      assertTrue(stats.declinedAtRandom() > 10, stats.toString());
      assertTrue(stats.declinedByRate() > 10, stats.toString());
      assertEquals(60, stats.sendLineRequests());
    }
  }

  // ---------------------------------------------------------------- SUBMIT

  @Test
  void correctSubmissionIsAcceptedWithTheTimeSinceTheFirstSendLine()
      throws IOException, InterruptedException {
    LineFile file = LineFile.generate(200, 3);
    LineServer server = startUnlimited(file);
    List<Map.Entry<Integer, byte[]>> shuffled = new ArrayList<>(wholeFile(file).entrySet());
    Collections.shuffle(shuffled, new Random(1));
    Map<Integer, byte[]> pairs = new LinkedHashMap<>();
    shuffled.forEach(e -> pairs.put(e.getKey(), e.getValue()));

    try (TestClient client = new TestClient(server.address())) {
      client.sendLine();
      Thread.sleep(150);
      SubmitReply reply = client.submit("rank0", "team-a", pairs);
      assertTrue(reply.ok(), reply.toString());
      assertEquals(200, reply.count());
      assertTrue(reply.millis() >= 150 && reply.millis() < 5000, reply.toString());

      // The clock restarted at the accepted submission, and no SENDLINE came since.
      SubmitReply again = client.submit("rank0", "team-a", pairs);
      assertEquals(SubmitReply.accepted(200, 0), again);
      assertEquals(2, server.stats().submissionsOk());
    }
  }

  @Test
  void submitOkReplyIsExactlyTheDocumentedLine() throws IOException {
    LineFile file = LineFile.of(bytes("a\nb\n"));
    LineServer server = startUnlimited(file);

    try (TestClient client = new TestClient(server.address())) {
      client.send("SUBMIT\nme@us\n2\n1\nb\n0\na\n");
      String reply = client.readLine();
      assertTrue(reply.matches("SUBMIT OK 2 lines in [0-9]+ ms"), reply);
    }
  }

  @Test
  void failedSubmissionsNameTheProblemAndTheConnectionStaysUsable() throws IOException {
    LineFile file = LineFile.generate(20, 4);
    LineServer server = startUnlimited(file);
    Map<Integer, byte[]> all = wholeFile(file);

    try (TestClient client = new TestClient(server.address())) {
      Map<Integer, byte[]> missing = new LinkedHashMap<>(all);
      missing.remove(17);
      assertEquals(SubmitReply.failed("line 17 is missing"), client.submit("i", "t", missing));

      Map<Integer, byte[]> wrong = new LinkedHashMap<>(all);
      wrong.put(3, bytes("not line 3"));
      assertEquals(SubmitReply.failed("line 3 is wrong"), client.submit("i", "t", wrong));

      // Line 5 twice (and so one line short of the file), pairs written by hand.
      ByteArrayOutputStream twice = new ByteArrayOutputStream();
      twice.writeBytes(LineProtocol.submitHeader("i", "t", 20));
      for (int n = 0; n < 19; n++) {
        twice.writeBytes(LineProtocol.submitPair(n == 6 ? 5 : n, file.line(n == 6 ? 5 : n)));
      }
      twice.writeBytes(LineProtocol.submitPair(19, file.line(19)));
      client.send(twice.toByteArray());
      assertEquals("SUBMIT FAILED line 5 appears twice", client.readLine());

      Map<Integer, byte[]> outOfRange = new TreeMap<>(all);
      outOfRange.remove(0);
      outOfRange.put(1200, bytes("x"));
      assertEquals(SubmitReply.failed("line number 1200 is out of range 0..19"),
          client.submit("i", "t", outOfRange));

      client.send("SUBMIT\nno-at-sign\n2\n0\nx\n1\ny\n");
      String malformed = client.readLine();
      assertTrue(malformed.startsWith("SUBMIT FAILED malformed id@team 'no-at-sign'"), malformed);

      // After all that, the connection still works, so every pair was read and no more.
      TestClient.Reply reply = client.sendLine();
      assertArrayEquals(file.line((int) reply.n()), reply.text());
      assertTrue(client.submit("i", "t", all).ok());
    }
    assertEquals(5, server.stats().submissionsFailed());
    assertEquals(1, server.stats().submissionsOk());
  }

  @Test
  void tooLargeCountIsRefusedAtOnceAndTheConnectionClosed() throws IOException {
    LineServer server = startUnlimited(LineFile.generate(1000, 1));

    try (TestClient client = new TestClient(server.address())) {
      // Some pairs follow, as a client would send them: they cannot be framed and are dropped.
      client.send("SUBMIT\nme@us\n2000000000\n0\nx\n1\ny\n");
      assertEquals("SUBMIT FAILED count 2000000000 exceeds the file's 1000 lines",
          client.readLine());
      assertTrue(client.closedByServer(false));
    }
    try (TestClient client = new TestClient(server.address())) {
      client.send("SUBMIT\nme@us\nall of them\n");
      assertEquals("SUBMIT FAILED count 'all of them' is not a number of lines",
          client.readLine());
      assertTrue(client.closedByServer(false));
    }
    assertEquals(2, server.stats().submissionsFailed());
  }

  @Test
  void textLongerThanAnyLineIsWrongAndSkipped() throws IOException {
    LineFile file = LineFile.of(bytes("short\nline\n"));
    LineServer server = startUnlimited(file);

    try (TestClient client = new TestClient(server.address())) {
      // Longer than the server's read buffer, within the pairs' budget (LineServerSubmitAbuseTest
      // goes beyond it).
      client.send("SUBMIT\na@b\n2\n0\n" + "x".repeat(50_000) + "\n1\nline\n");
      assertEquals("SUBMIT FAILED line 0 is wrong", client.readLine());
      assertFalse(client.sendLine().declined(), "still framed, still usable");
    }
  }

  @Test
  void clientLeavingMidSubmissionOnlyEndsItsConnection() throws IOException {
    LineFile file = LineFile.generate(10, 1);
    LineServer server = startUnlimited(file);

    try (TestClient client = new TestClient(server.address())) {
      client.send("SUBMIT\na@b\n10\n0\n");
    }
    try (TestClient client = new TestClient(server.address())) {
      assertTrue(client.submit("a", "b", wholeFile(file)).ok());
    }
    assertEquals(0, server.stats().submissionsFailed());
  }

  // ---------------------------------------------------------------- errors

  @Test
  void unknownRequestGetsAnErrorAndTheConnectionStaysUsable() throws IOException {
    LineFile file = LineFile.generate(10, 1);
    LineServer server = startUnlimited(file);

    try (TestClient client = new TestClient(server.address())) {
      client.send("HELLO\n");
      String error = client.readLine();
      assertTrue(error.startsWith("ERROR unknown request 'HELLO'"), error);
      client.send("GET /\0\u00ff HTTP/1.1\r\n");
      String garbage = client.readLine();
      assertTrue(garbage.startsWith("ERROR unknown request 'GET /\\x00\\xC3\\xBF HTTP/1.1'"),
          garbage);
      TestClient.Reply reply = client.sendLine();
      assertArrayEquals(file.line((int) reply.n()), reply.text());
    }
    assertEquals(2, server.stats().errors());
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws IOException {
    LineFile file = LineFile.of(bytes("only\n"));
    LineServer server = startUnlimited(file);

    try (TestClient client = new TestClient(server.address())) {
      client.send("SENDLINE\nHELLO\nSUBMIT\na@b\n1\n0\nonly\nSENDLINE\n\n");
      assertEquals(0, client.readReply().n());
      assertTrue(client.readLine().startsWith("ERROR unknown request 'HELLO'"));
      assertTrue(client.readLine().startsWith("SUBMIT OK 1 lines in "));
      assertArrayEquals(bytes("only"), client.readReply().text());
      assertTrue(client.readLine().startsWith("ERROR empty request line"));
    }
  }

  @Test
  void overlongRequestLineGetsAnErrorAndTheConnectionClosed() throws IOException {
    LineServer server = startUnlimited(LineFile.generate(10, 1));

    try (TestClient client = new TestClient(server.address())) {
      client.send("x".repeat(70_000) + "\nSENDLINE\n");
      assertEquals("ERROR request line longer than 65536 bytes", client.readLine());
      assertTrue(client.closedByServer(false), "closed, after the error was delivered");
    }
    try (TestClient client = new TestClient(server.address())) {
      client.send("y".repeat(65_536) + "\n");
      assertTrue(client.readLine().startsWith("ERROR unknown request 'yyyy"),
          "65536 bytes is still a request line");
    }
  }

  @Test
  void garbageNeverTakesTheServerDown() throws IOException {
    LineFile file = LineFile.generate(100, 1);
    LineServer server = startUnlimited(file);
    SplittableRandom random = new SplittableRandom(99);

    for (int connection = 0; connection < 20; connection++) {
      try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        for (int chunk = 0; chunk < 20; chunk++) {
          byte[] garbage = new byte[random.nextInt(1, 3000)];
          for (int i = 0; i < garbage.length; i++) {
            garbage[i] = random.nextInt(8) == 0 ? (byte) '\n' : (byte) random.nextInt(256);
          }
          out.write(garbage);
        }
        out.write(bytes(random.nextBoolean() ? "\nSUBMIT\na@b\n5\n1\n" : "half a request"));
        socket.shutdownOutput();
        socket.getInputStream().readAllBytes(); // replies, until the server closes
      } catch (IOException e) {
        // A reset is a fine way for the server to end a garbage connection.
      }
    }
    try (TestClient client = new TestClient(server.address())) {
      TestClient.Reply reply = client.sendLine();
      assertArrayEquals(file.line((int) reply.n()), reply.text());
    }
    assertTrue(server.stats().errors() > 100, server.stats().toString());
  }

  // ---------------------------------------------------------------- connections

  @Test
  void sixtyFourConcurrentClientsEachGetFiftyCorrectLines() throws Exception {
    LineFile file = LineFile.generate(1000, 8);
    LineServer server = startUnlimited(file);
    int clients = 64;
    AtomicInteger openWhenAllConnected = new AtomicInteger();
    CyclicBarrier allConnected =
        new CyclicBarrier(clients, () -> openWhenAllConnected.set(server.stats().connectionsOpen()));
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        results.add(pool.submit(() -> {
          try (TestClient client = new TestClient(server.address())) {
            client.sendLine(); // the connection is surely accepted and served
            allConnected.await(10, TimeUnit.SECONDS);
            int correct = 0;
            for (int i = 0; i < 50; i++) {
              TestClient.Reply reply = client.sendLine();
              correct += Arrays.equals(file.line((int) reply.n()), reply.text()) ? 1 : 0;
            }
            return correct;
          }
        }));
      }
      for (Future<Integer> result : results) {
        assertEquals(50, result.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(64, openWhenAllConnected.get(), "all 64 connections open at once");
    assertEquals(64, server.stats().connectionsAccepted());
    assertEquals(64 * 51, server.stats().linesServed());
  }

  @Test
  void connectionBeyondTheLimitPerAddressIsRefusedWithAnError() throws Exception {
    LineFile file = LineFile.generate(10, 1);
    LineServer server = start(LineServerConfig.defaults(file).withMaxConnectionsPerAddress(1));

    try (TestClient first = new TestClient(server.address())) {
      assertFalse(first.sendLine().declined());
      try (TestClient second = new TestClient(server.address())) {
        second.send(LineProtocol.sendLineRequest()); // as a real client would, at once
        assertEquals("ERROR too many connections from 127.0.0.1", second.readLine());
        assertTrue(second.closedByServer(true));
      }
      assertFalse(first.sendLine().declined(), "the first connection is not affected");
      assertEquals(1, server.stats().connectionsRefused());
    }
    awaitTrue(() -> server.stats().connectionsOpen() == 0, "the first connection is released");
    try (TestClient third = new TestClient(server.address())) {
      assertFalse(third.sendLine().declined(), "admitted once the first has gone");
    }
  }

  @Test
  void connectionBeyondTheGlobalLimitIsRefused() throws Exception {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(10, 1))
        .withMaxConnections(2));

    try (TestClient a = new TestClient(server.address());
        TestClient b = new TestClient(server.address())) {
      a.sendLine();
      b.sendLine();
      try (TestClient c = new TestClient(server.address())) {
        String refusal = c.readLine();
        assertTrue(refusal.startsWith("ERROR too many connections"), refusal);
      }
    }
  }

  @Test
  void idleConnectionIsClosedAfterTheIdleTimeoutAndABusyOneIsNot() throws Exception {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(10, 1))
        .withIdleTimeout(Duration.ofSeconds(1)).withRatePerSecond(UNLIMITED));

    try (TestClient idle = new TestClient(server.address());
        TestClient busy = new TestClient(server.address())) {
      idle.sendLine();
      long start = System.nanoTime();
      for (int i = 0; i < 6; i++) {
        Thread.sleep(300);
        assertFalse(busy.sendLine().declined(), "busy for 1.8 s, well past the time-out");
      }
      assertTrue(idle.closedByServer(false));
      long idleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(idleMillis >= 900 && idleMillis < 4000, "closed after " + idleMillis + " ms");
    }
  }

  @Test
  void aConnectionThatNeverAsksIsClosedLongBeforeTheIdleTimeout() throws Exception {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(10, 1))
        .withRatePerSecond(UNLIMITED)); // idle time-out 120 s; first request within 10 s
    try (TestClient silent = new TestClient(server.address());
        TestClient asked = new TestClient(server.address())) {
      long start = System.nanoTime();
      asked.sendLine();
      silent.readTimeoutMillis(30_000);
      assertTrue(silent.closedByServer(false));
      long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(silentMillis >= 9_000 && silentMillis < 20_000, "closed after " + silentMillis
          + " ms");
      assertFalse(asked.sendLine().declined(), "one that asked keeps the whole idle time-out");
    }
  }

  @Test
  void idleTimeoutAlsoEndsAHalfSentRequest() throws Exception {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(10, 1))
        .withIdleTimeout(Duration.ofMillis(500)));

    try (TestClient client = new TestClient(server.address())) {
      client.send("SUBMIT\na@b\n");
      long start = System.nanoTime();
      assertTrue(client.closedByServer(false));
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4));
    }
  }

  @Test
  void clientTricklingBytesWithoutEndingALineIsClosedAtTheIdleTimeout() throws Exception {
    // A byte every 100 ms with a 600 ms time-out: were the time-out per read, each byte would
    // restart it and the connection (and its thread) would be held for ever.
    LineServer server = start(LineServerConfig.defaults(LineFile.of(bytes("x".repeat(200) + "\n")))
        .withIdleTimeout(Duration.ofMillis(600)));

    for (String sentAtOnce : List.of("", "SUBMIT\na@b\n1\n0\n")) {
      try (Socket socket = new Socket(server.address().getAddress(),
          server.address().getPort())) {
        OutputStream out = socket.getOutputStream();
        out.write(bytes(sentAtOnce));
        awaitTrue(() -> server.stats().connectionsOpen() == 1, "the connection is served");
        long start = System.nanoTime();
        long giveUp = start + TimeUnit.SECONDS.toNanos(5);
        try {
          while (server.stats().connectionsOpen() > 0 && System.nanoTime() < giveUp) {
            out.write('x'); // never a '\n': SENDLINE is not even begun, nor the text ended
            out.flush();
            Thread.sleep(100);
          }
        } catch (IOException e) {
          // The server closed the connection and the client's write noticed first.
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 5000, "still open after 5 s of trickling after '"
            + sentAtOnce.replace("\n", "\\n") + "'");
        assertTrue(millis >= 400, "closed after " + millis + " ms: not before the time-out");
        awaitTrue(() -> server.stats().connectionsOpen() == 0, "the connection is released");
      }
    }
    assertEquals(0, server.stats().submissionsFailed());
  }

  @Test
  void clientThatStopsReadingIsClosedAfterTheIdleTimeout() throws Exception {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(1000, 1))
        .withIdleTimeout(Duration.ofSeconds(1)).withRatePerSecond(UNLIMITED)
        .withBurst(BIG_BURST));
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(server.address());
    Thread writer = new Thread(() -> {
      byte[] requests = "SENDLINE\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
      try (OutputStream out = socket.getOutputStream()) {
        while (true) {
          out.write(requests); // never reads: the server's replies back up
        }
      } catch (IOException e) {
        // The server closed the connection: the point of the test.
      }
    }, "never-reading-client");
    writer.setDaemon(true);
    writer.start();
    try {
      awaitTrue(() -> server.stats().linesServed() > 0, "the server serves");
      awaitTrue(() -> server.stats().connectionsOpen() == 0,
          "the server closes the connection whose client stopped reading");
      writer.join(5000);
      assertFalse(writer.isAlive(), "the client's writes fail once the server closed");
    } finally {
      socket.close();
    }
  }

  @Test
  void dropConnectionEveryClosesRightAfterTheNthReply() throws IOException {
    LineFile file = LineFile.generate(10, 1);
    LineServer server = start(LineServerConfig.defaults(file).withDropConnectionEvery(3)
        .withRatePerSecond(UNLIMITED));

    for (int connection = 0; connection < 2; connection++) {
      try (TestClient client = new TestClient(server.address())) {
        client.send("SENDLINE\n".repeat(5));
        for (int i = 0; i < 3; i++) {
          TestClient.Reply reply = client.readReply();
          assertArrayEquals(file.line((int) reply.n()), reply.text(), "whole reply " + i);
        }
        assertTrue(client.closedByServer(false), "closed after the third reply");
      }
    }
    assertEquals(6, server.stats().linesServed());
    assertEquals(2, server.stats().connectionsAccepted());
  }

  @Test
  void closeEndsConnectionsStopsAcceptingAndEndsTheThreads() throws Exception {
    LineServer server = startUnlimited(LineFile.generate(10, 1));
    int port = server.address().getPort();
    TestClient client = new TestClient(server.address());
    client.sendLine();

    server.close();
    server.close(); // idempotent

    assertTrue(server.isClosed());
    assertTrue(client.closedByServer(true));
    client.close();
    assertThrows(ConnectException.class,
        () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    String prefix = "line-server-" + port + "-";
    boolean anyLeft = Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith(prefix) && t.isAlive());
    assertFalse(anyLeft, "no thread of the server is left");
  }

  @Test
  void listensOnLoopbackAndAFreePortByDefault() throws IOException {
    LineServer server = startUnlimited(LineFile.generate(10, 1));
    assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
    assertTrue(server.address().getPort() > 0);
    LineServer other = startUnlimited(LineFile.generate(10, 1));
    assertTrue(other.address().getPort() != server.address().getPort());
  }

  @Test
  void busyFixedPortFailsToStart() throws IOException {
    LineServer server = startUnlimited(LineFile.generate(10, 1));
    LineServerConfig samePort = LineServerConfig.defaults(LineFile.generate(10, 1))
        .withPort(server.address().getPort());
    assertThrows(BindException.class, () -> start(samePort));
  }

  @Test
  void aRestartOnTheSamePortBindsWhileTheOldConnectionsLinger() throws IOException {
    LineFile file = LineFile.generate(10, 1);
    LineServer first = startUnlimited(file);
    TestClient client = new TestClient(first.address());
    client.sendLine();
    first.close(); // the server closes first: its end lingers (FIN_WAIT_2, then TIME_WAIT)
    assertTrue(client.closedByServer(true));
    client.close();

    LineServer second = start(LineServerConfig.defaults(file).withRatePerSecond(UNLIMITED)
        .withBurst(BIG_BURST).withPort(first.address().getPort()));
    try (TestClient again = new TestClient(second.address())) {
      assertFalse(again.sendLine().declined());
    }
  }

  // ---------------------------------------------------------------- files of any bytes

  @Test
  void anyBytesRoundTripThroughSendLineAndSubmit() throws IOException {
    byte[] content = {
      0, 0, '\n', // NUL
      (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n', // invalid UTF-8
      'c', 'r', '\r', '\n', // a \r that stays
      '\r', '\n', //
      '\n', // empty
      (byte) 0xE2, (byte) 0x86, (byte) 0x92, ' ', (byte) 0xF0, (byte) 0x9F, (byte) 0x8E,
      (byte) 0x89, '\n', // valid UTF-8: "→ 🎉"
      '\t', 0x7F, 0x1B, '[', '0', 'm', '\n', // controls
    };
    Path path = tmp.resolve("binary.dat");
    Files.write(path, content);
    LineFile file = LineFile.read(path);
    assertEquals(7, file.lineCount());
    LineServer server = startUnlimited(file);

    Map<Integer, byte[]> collected = new TreeMap<>();
    try (TestClient client = new TestClient(server.address())) {
      while (collected.size() < file.lineCount()) {
        for (TestClient.Reply reply : client.sendLines(20)) {
          collected.put((int) reply.n(), reply.text());
        }
      }
      ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
      collected.values().forEach(text -> {
        reassembled.writeBytes(text);
        reassembled.write('\n');
      });
      assertArrayEquals(content, reassembled.toByteArray(), "the copy is the file, byte for byte");
      assertTrue(client.submit("a", "b", collected).ok());

      Map<Integer, byte[]> crDropped = new TreeMap<>(collected);
      crDropped.put(2, bytes("cr"));
      assertEquals(SubmitReply.failed("line 2 is wrong"), client.submit("a", "b", crDropped));
    }
  }

  @Test
  void lastLineWithoutALineBreakIsServedAndTheCopyGainsOneFinalBreak() throws IOException {
    Path path = tmp.resolve("no-final-break.txt");
    Files.write(path, bytes("first\nsecond\nlast"));
    LineFile file = LineFile.read(path);
    assertTrue(file.finalLineBreakMissing());
    LineServer server = startUnlimited(file);

    Map<Integer, byte[]> collected = new TreeMap<>();
    try (TestClient client = new TestClient(server.address())) {
      while (collected.size() < 3) {
        TestClient.Reply reply = client.sendLine();
        collected.put((int) reply.n(), reply.text());
      }
      assertArrayEquals(bytes("last"), collected.get(2));
      assertTrue(client.submit("a", "b", collected).ok());
    }
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    collected.values().forEach(text -> {
      copy.writeBytes(text);
      copy.write('\n');
    });
    assertArrayEquals(bytes("first\nsecond\nlast\n"), copy.toByteArray());
    assertArrayEquals(file.toBytes(), copy.toByteArray());
  }

  @Test
  void emptyFileIsRefusedBeforeAServerStarts() throws IOException {
    LineFileTest.assertEmptyFileRefused(tmp);
    assertThrows(IllegalArgumentException.class, () -> LineServerConfig.defaults(null));
  }

  @Test
  void statsSummaryIsOneLine() throws IOException {
    LineServer server = startUnlimited(LineFile.generate(10, 1));
    try (TestClient client = new TestClient(server.address())) {
      client.sendLine();
    }
    String summary = server.stats().summary();
    assertFalse(summary.contains("\n"), summary);
    assertTrue(summary.startsWith("connections 1 (0 refused, "), summary);
    assertTrue(summary.contains("; SENDLINE 1: 1 served, 0 declined by the rate limit, 0 at"
        + " random; submissions 0 OK, 0 failed; errors 0"), summary);
    assertNotNull(server.toString());
  }
}
