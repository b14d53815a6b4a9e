package org.mpjbench.launcher.job;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.mpjbench.kernels.control.BoundedLineReader;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;

/**
 * The launcher's end of the control channel: accepts one connection per rank, checks the run's
 * token, answers with the start order, and turns everything the ranks say into {@link Event}s on
 * one queue that the {@link JobRunner} reads with time-outs.
 */
final class ControlServer implements AutoCloseable {
  /** Time a new connection has to introduce itself. */
  private static final int HELLO_TIMEOUT_MILLIS = 10_000;
  /** Longest hello we read: a token, a host name and a few numbers. */
  private static final int HELLO_MAX_BYTES = 4_096;

  /** What happened on the control channel. */
  sealed interface Event {
    /** A rank connected and proved it belongs to this run. */
    record Connected(ControlMessage.Hello hello) implements Event {}

    /** A rank said something after its hello. */
    record Said(int rank, ControlMessage message) implements Event {}

    /** A rank's connection ended (cleanly or not). */
    record Disconnected(int rank, String reason) implements Event {}

    /** A connection was refused (wrong token, unknown rank, garbage). */
    record Rejected(String reason) implements Event {}
  }

  private final ServerSocket server;
  private final String token;
  private final int ranks;
  private final ControlMessage.Start start;
  private final int maxConnections;
  private final ControlMessage.Liveness liveness;
  /** When each rank was last heard from (any message), in {@link System#nanoTime()}. */
  private final Map<Integer, Long> lastHeardNanos = new ConcurrentHashMap<>();
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile Consumer<Event.Said> kernelEventSink;
  private final Map<Integer, Connection> connections = new ConcurrentHashMap<>();
  private final AtomicInteger openConnections = new AtomicInteger();
  private final Thread acceptor;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "mpjbench-control-deadlines");
    thread.setDaemon(true);
    return thread;
  });

  ControlServer(InetAddress bind, String token, int ranks, ControlMessage.Start start,
      ControlMessage.Liveness liveness) throws IOException {
    this.server = new ServerSocket();
    this.server.bind(new InetSocketAddress(bind, 0), ranks + 16);
    this.token = token;
    this.ranks = ranks;
    this.start = start;
    this.maxConnections = 2 * ranks + 8;
    this.liveness = liveness;
    this.acceptor = new Thread(this::acceptLoop, "mpjbench-control-accept");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
    timer.scheduleAtFixedRate(() -> {
      for (Connection connection : connections.values()) {
        connection.trySend(new ControlMessage.Heartbeat(-1));
      }
    }, liveness.heartbeatMillis(), liveness.heartbeatMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The ranks that connected and have said nothing, not even a heartbeat, for longer than {@code
   * silenceNanos}, with how long each has been silent.
   */
  Map<Integer, Long> silentRanks(long nowNanos, long silenceNanos) {
    Map<Integer, Long> silent = new java.util.TreeMap<>();
    lastHeardNanos.forEach((rank, heard) -> {
      if (nowNanos - heard > silenceNanos) {
        silent.put(rank, nowNanos - heard);
      }
    });
    return silent;
  }

  /** The port the ranks connect to. */
  int port() {
    return server.getLocalPort();
  }

  /** Everything the ranks said, in arrival order. */
  BlockingQueue<Event> events() {
    return events;
  }

  /**
   * From now on, kernel events ({@link ControlMessage.KernelEvent}, {@link
   * ControlMessage.EventsDropped}) go to {@code sink} on the connection's own thread instead of
   * through {@link #events()}: a traced run brings thousands of them, none decides anything, and
   * handing each to the runner's thread would cost a thread wake-up per event. A rank's events
   * still reach {@code sink} before anything it says after them reaches the queue.
   */
  void divertKernelEvents(Consumer<Event.Said> sink) {
    this.kernelEventSink = sink;
  }

  /** Orders every connected rank to halt. */
  void abortAll(String reason) {
    for (Connection connection : connections.values()) {
      connection.trySend(new ControlMessage.Abort(reason));
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing a listening socket that is already broken leaves nothing to clean up.
    }
    connections.values().forEach(Connection::close);
    timer.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (openConnections.incrementAndGet() > maxConnections) {
        openConnections.decrementAndGet();
        events.add(new Event.Rejected("too many control connections"));
        closeQuietly(socket);
        continue;
      }
      Thread reader = new Thread(() -> serve(socket), "mpjbench-control-" + socket.getPort());
      reader.setDaemon(true);
      reader.start();
    }
  }

  private void serve(Socket socket) {
    Connection connection = null;
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(HELLO_TIMEOUT_MILLIS);
      BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
      connection = new Connection(socket);
      // Until the token is checked, a peer gets a small line and a hard deadline: a stranger
      // cannot make us buffer much, nor hold a slot by trickling bytes.
      ScheduledFuture<?> deadline = timer.schedule(() -> closeQuietly(socket),
          HELLO_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      ControlMessage.Hello hello;
      try {
        hello = readHello(new BoundedLineReader(in, HELLO_MAX_BYTES), connection);
      } finally {
        deadline.cancel(false);
      }
      if (hello == null) {
        return;
      }
      BoundedLineReader reader = new BoundedLineReader(in, ControlCodec.MAX_LINE_BYTES);
      socket.setSoTimeout(0); // a rank may compute for long between messages; the runner times out
      connection.trySend(start);
      connection.trySend(liveness);
      lastHeardNanos.put(hello.rank(), System.nanoTime());
      events.add(new Event.Connected(hello));
      String line;
      try {
        while ((line = reader.readLine()) != null) {
          lastHeardNanos.put(hello.rank(), System.nanoTime());
          ControlMessage message = ControlCodec.decode(line);
          if (message instanceof ControlMessage.Heartbeat) {
            continue;
          }
          Event.Said said = new Event.Said(hello.rank(), message);
          Consumer<Event.Said> sink = kernelEventSink;
          if (sink != null && (said.message() instanceof ControlMessage.KernelEvent
              || said.message() instanceof ControlMessage.EventsDropped)) {
            try {
              sink.accept(said);
              continue;
            } catch (RuntimeException e) {
              // Handed to the runner instead, whose thread meets the same failure and ends the run.
            }
          }
          events.add(said);
        }
        events.add(new Event.Disconnected(hello.rank(), "closed"));
      } catch (IOException e) {
        events.add(new Event.Disconnected(hello.rank(), e.getMessage()));
      } finally {
        lastHeardNanos.remove(hello.rank());
      }
    } catch (IOException e) {
      events.add(new Event.Rejected("control connection failed: " + e.getMessage()));
    } finally {
      if (connection != null) {
        connection.close();
      } else {
        closeQuietly(socket);
      }
      openConnections.decrementAndGet();
    }
  }

  private ControlMessage.Hello readHello(BoundedLineReader reader, Connection connection) {
    String refusal;
    try {
      String line = reader.readLine();
      ControlMessage first = line == null ? null : ControlCodec.decode(line);
      if (!(first instanceof ControlMessage.Hello hello)) {
        refusal = "expected a hello";
      } else if (!MessageDigest.isEqual(
          token.getBytes(StandardCharsets.UTF_8),
          String.valueOf(hello.token()).getBytes(StandardCharsets.UTF_8))) {
        refusal = "wrong run token";
      } else if (hello.rank() < 0 || hello.rank() >= ranks || hello.size() != ranks) {
        refusal = "rank " + hello.rank() + " of " + hello.size() + " is not part of this "
            + ranks + "-rank run";
      } else if (connections.putIfAbsent(hello.rank(), connection) != null) {
        refusal = "rank " + hello.rank() + " connected twice";
      } else {
        return hello;
      }
    } catch (IOException e) {
      // Says how long the connection was given and whether anything came, which tells a rank
      // that never wrote from one whose hello was cut or slow.
      refusal = "unreadable hello: " + e.getMessage() + " (" + reader.bytesRead()
          + " bytes within " + HELLO_TIMEOUT_MILLIS / 1000 + " s of the connection)";
    }
    connection.trySend(new ControlMessage.Abort(refusal));
    events.add(new Event.Rejected(refusal));
    return null;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing more to release.
    }
  }

  /** One rank's connection; sends are serialized. */
  private static final class Connection {
    private final Socket socket;
    private final Writer writer;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.writer =
          new BufferedWriter(
              new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    synchronized void trySend(ControlMessage message) {
      try {
        writer.write(ControlCodec.encode(message));
        writer.write('\n');
        writer.flush();
      } catch (SocketException e) {
        // The rank is gone already; nothing to tell it.
      } catch (IOException e) {
        // Same: a broken connection cannot carry an order.
      }
    }

    void close() {
      closeQuietly(socket);
    }
  }
}
