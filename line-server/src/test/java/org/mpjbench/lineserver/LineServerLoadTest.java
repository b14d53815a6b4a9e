package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mpjbench.lineserver.protocol.SubmitReply;

/**
 * The line server under attack over real TCP: 264 hostile connections open at once (garbage,
 * over-long lines, half-sent requests, slow-loris clients, resets, idle ones) while well-behaved
 * clients download and submit and new clients keep arriving. The well-behaved ones get every reply
 * right within the client's time-out, the hostile ones are closed (the silent and the trickling
 * ones at the idle time-out), and afterwards no connection, thread or failure is left.
 *
 * <p>The hostile connections are driven by one thread with non-blocking sockets: 264 client
 * threads would starve each other on a small machine and make the clients, not the server, late.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LineServerLoadTest {
  private static final long SEED = 6;
  /** Connections of each hostile kind: 6 kinds x 44 = 264, over the 256 asked for. */
  private static final int PER_KIND = 44;
  private static final int GOOD_CLIENTS = 4;
  /** Long enough that a well-behaved client starved of CPU on a loaded machine is not idle. */
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);
  /** How long after the time-out the attacker waits for a connection to be closed: generous. */
  private static final long CLOSE_SLACK_MILLIS = 8000;
  private static final long TRICKLE_MILLIS = 150;

  /** What a hostile connection does once the attack starts. */
  enum Kind {
    /** Random bytes, line breaks among them, then the end of its output; reads the replies. */
    GARBAGE,
    /** 100 KB without a line break: must get the over-long-line error, then be closed. */
    OVER_LONG,
    /** Part of a request (a command, a SUBMIT header, a pair), then silence. */
    HALF_SENT,
    /** A byte every 150 ms, never a line break; half of them after a SUBMIT header and number. */
    SLOW_LORIS,
    /** 50 pipelined SENDLINEs, then a reset (SO_LINGER 0) without reading the replies. */
    RESET,
    /** Sends nothing. */
    IDLE
  }

  /**
   * How a hostile connection ended, seen from the client.
   *
   * @param closedByServer the client saw the end of the stream or a reset before it gave up
   * @param afterMillis from the connection (when the server starts waiting for a first line)
   * @param firstReply the first line the server sent, or null
   */
  record Ending(Kind kind, boolean closedByServer, long afterMillis, String firstReply) {}

  @RegisterExtension final TestServers servers = new TestServers();

  @Test
  void wellBehavedClientsAreServedWhile264HostileConnectionsAttack() throws Exception {
    LineFile file = LineFile.generate(500, SEED);
    LineServer server = servers.start(LineServerConfig.defaults(file).withIdleTimeout(IDLE_TIMEOUT)
        .withRatePerSecond(1e9).withBurst(1_000_000));
    Map<Integer, byte[]> wholeFile = new LinkedHashMap<>();
    for (int n = 0; n < file.lineCount(); n++) {
      wholeFile.put(n, file.line(n));
    }
    int hostileCount = PER_KIND * Kind.values().length;
    ExecutorService pool = Executors.newFixedThreadPool(GOOD_CLIENTS + 1);
    try (Attack attack = new Attack(server.address(), hostileCount)) {
      awaitTrue(() -> server.stats().connectionsOpen() == hostileCount, Duration.ofSeconds(20),
          "all " + hostileCount + " hostile connections are open at once");

      AtomicBoolean attackOver = new AtomicBoolean();
      AtomicLong slowestRoundNanos = new AtomicLong();
      List<Future<Integer>> submissions = new ArrayList<>();
      for (int i = 0; i < GOOD_CLIENTS; i++) {
        String id = "good" + i;
        submissions.add(pool.submit(() -> {
          try (TestClient client = new TestClient(server.address())) {
            return downloadAndSubmitUntil(attackOver, client, id, file, wholeFile,
                slowestRoundNanos);
          }
        }));
      }
      Future<Integer> newcomers = pool.submit(() -> newcomersUntil(attackOver, server, file));
      List<Ending> endings;
      try {
        endings = attack.run();
      } finally {
        attackOver.set(true);
      }
      for (Future<Integer> accepted : submissions) {
        assertTrue(accepted.get(30, TimeUnit.SECONDS) >= 1, "each good client submitted");
      }
      int newcomersServed = newcomers.get(30, TimeUnit.SECONDS);
      assertTrue(newcomersServed >= 3, "new clients kept being served: " + newcomersServed);

      long idleMillis = IDLE_TIMEOUT.toMillis();
      for (Ending e : endings) {
        switch (e.kind()) {
          case OVER_LONG -> {
            assertEquals("ERROR request line longer than 65536 bytes", e.firstReply(), "" + e);
            assertTrue(e.closedByServer(), "" + e);
          }
          case HALF_SENT, SLOW_LORIS, IDLE -> {
            assertTrue(e.closedByServer(), "closed by the server: " + e);
            assertNull(e.firstReply(), "no reply to half a request: " + e);
            // By the idle time-out, so not before it (nor long after: the attacker gives up).
            assertTrue(e.afterMillis() >= idleMillis * 9 / 10, "" + e);
          }
          case GARBAGE -> assertTrue(e.closedByServer(), "the server ends it at its end: " + e);
          default -> {
            // A reset connection has nothing to see; the server must merely survive it.
          }
        }
      }

      String prefix = "line-server-" + server.address().getPort() + "-conn-";
      awaitTrue(() -> server.stats().connectionsOpen() == 0, Duration.ofSeconds(10),
          "every connection is released");
      awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
              .noneMatch(t -> t.getName().startsWith(prefix) && t.isAlive()),
          Duration.ofSeconds(10), "no connection thread is left");
      LineServer.Stats stats = server.stats();
      System.out.printf("%d hostile + %d good connections: slowest good round %d ms; %s%n",
          hostileCount, GOOD_CLIENTS, TimeUnit.NANOSECONDS.toMillis(slowestRoundNanos.get()),
          stats.summary());
      assertEquals(0, stats.connectionsFailed(), "no connection ended by a server error");
      assertEquals(0, stats.connectionsRefused());
      assertEquals(hostileCount + GOOD_CLIENTS + newcomersServed, stats.connectionsAccepted());
      assertTrue(stats.errors() >= PER_KIND, stats.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void floodBeyondMaxConnectionsIsRefusedAtOnceAndCostsNoThread() throws Exception {
    int limit = 100;
    LineServer server = servers.start(LineServerConfig.defaults(LineFile.generate(10, 1))
        .withMaxConnections(limit).withIdleTimeout(Duration.ofSeconds(1)));
    String prefix = "line-server-" + server.address().getPort() + "-conn-";
    List<Socket> holders = new ArrayList<>();
    try {
      for (int i = 0; i < limit; i++) {
        Socket socket = new Socket();
        holders.add(socket);
        socket.connect(server.address(), 5000);
      }
      awaitTrue(() -> server.stats().connectionsOpen() == limit, Duration.ofSeconds(10),
          "the limit is filled by idle connections");
      for (int i = 0; i < 200; i++) {
        try (TestClient excess = new TestClient(server.address())) {
          assertEquals("ERROR too many connections: the server's limit of 100 is reached",
              excess.readLine(), "excess connection " + i + " is told at once");
          assertTrue(excess.closedByServer(true));
        }
      }
      assertEquals(200, server.stats().connectionsRefused());
      assertEquals(limit, Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count(),
          "a thread per admitted connection, none per refused one");
      // The idle holders time out; the server admits again.
      awaitTrue(() -> server.stats().connectionsOpen() == 0, Duration.ofSeconds(10),
          "the idle connections are closed");
      try (TestClient client = new TestClient(server.address())) {
        assertTrue(client.sendLine().n() >= 0);
      }
    } finally {
      for (Socket socket : holders) {
        socket.close();
      }
    }
  }

  // ---------------------------------------------------------------- the clients

  /**
   * The hostile connections, {@link Kind}s in turn, all connected when made; {@link #run()} starts
   * the attack and drives every connection from the calling thread until each has ended.
   */
  private static final class Attack implements AutoCloseable {
    private final Selector selector = Selector.open();
    private final List<Hostile> hostiles = new ArrayList<>();

    Attack(InetSocketAddress server, int count) throws IOException {
      try {
        for (int i = 0; i < count; i++) {
          Kind kind = Kind.values()[i % Kind.values().length];
          hostiles.add(new Hostile(kind, SocketChannel.open(server),
              new SplittableRandom(SEED * 1000 + i)));
        }
      } catch (IOException e) {
        close();
        throw e;
      }
    }

    List<Ending> run() throws IOException {
      for (Hostile hostile : hostiles) {
        hostile.channel.configureBlocking(false);
        hostile.channel.register(selector, SelectionKey.OP_READ, hostile);
      }
      long giveUp = System.nanoTime()
          + TimeUnit.MILLISECONDS.toNanos(IDLE_TIMEOUT.toMillis() + CLOSE_SLACK_MILLIS);
      ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
      int open = hostiles.size();
      while (open > 0 && System.nanoTime() < giveUp) {
        selector.select(10);
        for (SelectionKey key : selector.selectedKeys()) {
          ((Hostile) key.attachment()).read(scratch);
        }
        selector.selectedKeys().clear();
        open = 0;
        for (Hostile hostile : hostiles) {
          hostile.act();
          open += hostile.ending == null ? 1 : 0;
        }
      }
      List<Ending> endings = new ArrayList<>();
      for (Hostile hostile : hostiles) {
        endings.add(hostile.ending != null ? hostile.ending
            : new Ending(hostile.kind, false, hostile.millis(), hostile.firstReply()));
      }
      return endings;
    }

    @Override
    public void close() throws IOException {
      for (Hostile hostile : hostiles) {
        hostile.channel.close();
      }
      selector.close();
    }
  }

  /** One hostile connection's state. */
  private static final class Hostile {
    final Kind kind;
    final SocketChannel channel;
    final long connectedNanos = System.nanoTime();
    final ByteBuffer toSend;
    final StringBuilder received = new StringBuilder();
    long nextTrickleNanos;
    Ending ending;

    Hostile(Kind kind, SocketChannel channel, SplittableRandom random) {
      this.kind = kind;
      this.channel = channel;
      this.toSend = ByteBuffer.wrap(switch (kind) {
        case GARBAGE -> garbage(random);
        case OVER_LONG -> filled(100_000, 'x');
        case HALF_SENT -> ascii(List.of("SENDLI", "SUBMIT\na@b\n", "SUBMIT\na@b\n3\n",
            "SUBMIT\na@b\n3\n0\nha").get(random.nextInt(4)));
        case SLOW_LORIS -> ascii(random.nextBoolean() ? "SUBMIT\na@b\n1\n0\n" : "");
        case RESET -> ascii("SENDLINE\n".repeat(50));
        case IDLE -> new byte[0];
      });
    }

    /** Sends what is due; ends the connection when its kind says so. */
    void act() {
      if (ending != null) {
        return;
      }
      try {
        if (toSend.hasRemaining()) {
          channel.write(toSend);
          if (toSend.hasRemaining()) {
            return;
          }
          if (kind == Kind.GARBAGE) {
            channel.shutdownOutput();
          } else if (kind == Kind.RESET) {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.close();
            ending = new Ending(kind, false, millis(), null);
          }
        } else if (kind == Kind.SLOW_LORIS && System.nanoTime() >= nextTrickleNanos) {
          channel.write(ByteBuffer.wrap(new byte[] {'x'}));
          nextTrickleNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TRICKLE_MILLIS);
        }
      } catch (IOException e) {
        end(); // the server closed the connection while this client was still sending
      }
    }

    /** Reads what the server sent: keeps the start, and notes the end of the stream. */
    void read(ByteBuffer scratch) {
      if (ending != null) {
        return;
      }
      try {
        scratch.clear();
        int n = channel.read(scratch);
        if (n < 0) {
          end();
        } else if (received.length() < 200) {
          received.append(new String(scratch.array(), 0, Math.min(n, 200),
              StandardCharsets.ISO_8859_1));
        }
      } catch (IOException e) {
        end(); // a reset
      }
    }

    private void end() {
      ending = new Ending(kind, true, millis(), firstReply());
      try {
        channel.close();
      } catch (IOException e) {
        // Closed already, as far as this test is concerned.
      }
    }

    String firstReply() {
      int newline = received.indexOf("\n");
      return newline < 0 ? null : received.substring(0, newline);
    }

    long millis() {
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connectedNanos);
    }

    private static byte[] garbage(SplittableRandom random) {
      byte[] garbage = new byte[random.nextInt(2_000, 10_000)];
      for (int i = 0; i < garbage.length; i++) {
        garbage[i] = random.nextInt(10) == 0 ? (byte) '\n' : (byte) random.nextInt(256);
      }
      return garbage;
    }

    private static byte[] filled(int length, char c) {
      byte[] bytes = new byte[length];
      Arrays.fill(bytes, (byte) c);
      return bytes;
    }

    private static byte[] ascii(String text) {
      return text.getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * Downloads (10 pipelined SENDLINEs at a time, each line checked) and submits the whole file
   * every fifth round, until the attack is over; returns how many submissions were accepted.
   */
  private static int downloadAndSubmitUntil(AtomicBoolean over, TestClient client, String id,
      LineFile file, Map<Integer, byte[]> wholeFile, AtomicLong slowestRoundNanos)
      throws IOException {
    int accepted = 0;
    for (int round = 0; !over.get() || accepted == 0; round++) {
      long start = System.nanoTime();
      if (round % 5 == 4) {
        SubmitReply reply = client.submit(id, "team", wholeFile);
        assertEquals(SubmitReply.accepted(file.lineCount(), reply.millis()), reply, id);
        accepted++;
      } else {
        for (TestClient.Reply reply : client.sendLines(10)) {
          assertArrayEquals(file.line((int) reply.n()), reply.text(), id + ": line " + reply.n());
        }
      }
      slowestRoundNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
    }
    return accepted;
  }

  /** New connections, one SENDLINE each, every 50 ms until the attack is over; returns how many. */
  private static int newcomersUntil(AtomicBoolean over, LineServer server, LineFile file)
      throws IOException, InterruptedException {
    int served = 0;
    while (!over.get()) {
      try (TestClient client = new TestClient(server.address())) {
        TestClient.Reply reply = client.sendLine();
        assertArrayEquals(file.line((int) reply.n()), reply.text());
        served++;
      }
      Thread.sleep(50);
    }
    return served;
  }

  private static void awaitTrue(BooleanSupplier condition, Duration limit, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
