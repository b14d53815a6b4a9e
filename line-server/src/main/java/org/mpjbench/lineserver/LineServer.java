package org.mpjbench.lineserver;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.mpjbench.lineserver.protocol.LineProtocol;
import org.mpjbench.lineserver.protocol.LineReader;
import org.mpjbench.lineserver.protocol.Request;
import org.mpjbench.lineserver.protocol.RequestParser;
import org.mpjbench.lineserver.protocol.ServerInfo;

/**
 * The line server of the cooperative-download kernel: serves random lines of a {@link LineFile}
 * over TCP ({@code SENDLINE}), rate-limited per connection, and checks whole-file submissions
 * ({@code SUBMIT}), and tells what it serves ({@code INFO}: line count, rate, burst); the protocol
 * is described in {@code org.mpjbench.lineserver.protocol}.
 *
 * <p>One daemon thread per connection, each connection served in order (pipelined requests are
 * answered in order). Every line a client sends must arrive whole within the idle time-out of the
 * moment the server starts waiting for it (a byte now and then does not keep a connection open),
 * and a connection whose client stops reading its replies is closed after the same time. A line is
 * never read past its bound, and a submission's pairs never past {@link #pairBudgetBytes}, so the
 * data read and the memory held per connection are bounded: an 8 KiB read buffer, an 8 KiB reply
 * buffer, a line being assembled (at most 64 KiB, plus its copy once whole), and a bit per file
 * line while a submission is checked. A failure on one connection (garbage, a broken peer, even a
 * bug) closes that connection only.
 *
 * <p>The milliseconds of {@code SUBMIT OK} run from the first SENDLINE answered (served or
 * declined) after the server started or after the previous accepted submission, across all
 * connections; an accepted submission with no SENDLINE since then reports 0.
 *
 * <p>{@link #close()} stops accepting, closes every connection, and waits a bounded time for the
 * threads to end.
 */
public final class LineServer implements AutoCloseable {
  /** Connections the operating system may queue before the acceptor takes them. */
  private static final int BACKLOG = 1024;
  /** How long {@link #close()} waits for the threads to end. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  /** After a last reply, how long a closing connection reads what the client still sends. */
  private static final int LINGER_MILLIS = 1000;
  /** ...and how much of it, at most. */
  private static final int LINGER_MAX_BYTES = 1 << 20;
  /** Marks "no SENDLINE answered since the start or the last accepted submission". */
  private static final long NO_DOWNLOAD = Long.MIN_VALUE;
  /**
   * Bytes a pair may take beyond its text in {@link #pairBudgetBytes}: a right pair has at most
   * 10 digits, a {@code \r} and two {@code \n}; the rest is room for leading zeros.
   */
  private static final int PAIR_OVERHEAD_BYTES = 24;

  /**
   * What the server has done since it started; a consistent-enough snapshot of thread-safe
   * counters (each counter is exact; counters are read one after the other).
   *
   * @param connectionsAccepted connections admitted (refused ones are not counted here)
   * @param connectionsOpen connections open now
   * @param connectionsRefused connections turned away by a connection limit
   * @param sendLineRequests SENDLINE requests answered: served + declined by rate + at random
   * @param linesServed SENDLINE requests answered with a line
   * @param declinedByRate SENDLINE requests declined because the connection's bucket was empty
   * @param declinedAtRandom SENDLINE requests declined at random
   * @param submissionsOk accepted submissions
   * @param submissionsFailed refused submissions
   * @param errors ERROR replies to requests (unknown requests, over-long lines)
   * @param connectionsFailed connections ended by an unexpected exception in the server (a bug, or
   *     memory exhausted), not by anything a client did; each is reported on standard error
   */
  public record Stats(
      long connectionsAccepted,
      int connectionsOpen,
      long connectionsRefused,
      long sendLineRequests,
      long linesServed,
      long declinedByRate,
      long declinedAtRandom,
      long submissionsOk,
      long submissionsFailed,
      long errors,
      long connectionsFailed) {

    /** The statistics in one line, for people. */
    public String summary() {
      return String.format(Locale.ROOT,
          "connections %d (%d refused, %d open); SENDLINE %d: %d served, %d declined by the"
              + " rate limit, %d at random; submissions %d OK, %d failed; errors %d%s",
          connectionsAccepted, connectionsRefused, connectionsOpen, sendLineRequests,
          linesServed, declinedByRate, declinedAtRandom, submissionsOk, submissionsFailed,
          errors, connectionsFailed == 0 ? ""
              : "; " + connectionsFailed + " connections failed by a server error (see above)");
    }
  }

  private final LineServerConfig config;
  private final LineFile file;
  private final int idleMillis;
  /** The idle time-out before a connection's first whole request line (shorter). */
  private final int firstRequestMillis;
  private final ServerSocket serverSocket;
  private final InetSocketAddress address;
  private final Thread acceptor;
  private final Thread reaper;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final Map<InetAddress, Integer> openPerAddress = new ConcurrentHashMap<>();
  private final AtomicLong downloadStartNanos = new AtomicLong(NO_DOWNLOAD);
  /** Only the acceptor thread splits it, so connection k gets the same stream in every run. */
  private final SplittableRandom seeds;

  private final AtomicLong connectionsAccepted = new AtomicLong();
  private final AtomicInteger connectionsOpen = new AtomicInteger();
  private final AtomicLong connectionsRefused = new AtomicLong();
  private final LongAdder linesServed = new LongAdder();
  private final LongAdder declinedByRate = new LongAdder();
  private final LongAdder declinedAtRandom = new LongAdder();
  private final LongAdder submissionsOk = new LongAdder();
  private final LongAdder submissionsFailed = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder connectionsFailed = new LongAdder();

  private LineServer(LineServerConfig config, ServerSocket serverSocket) {
    this.config = config;
    this.file = config.file();
    this.idleMillis = (int) Math.max(1, config.idleTimeout().toMillis());
    this.firstRequestMillis = (int) Math.max(1, config.firstRequestTimeout().toMillis());
    this.serverSocket = serverSocket;
    this.address = new InetSocketAddress(serverSocket.getInetAddress(),
        serverSocket.getLocalPort());
    this.seeds = new SplittableRandom(config.seed());
    String port = String.valueOf(address.getPort());
    this.acceptor = new Thread(this::acceptLoop, "line-server-" + port + "-accept");
    this.acceptor.setDaemon(true);
    this.reaper = new Thread(this::reapStalledWrites, "line-server-" + port + "-reaper");
    this.reaper.setDaemon(true);
  }

  /** Listens as {@code config} says and starts serving; the server runs until {@link #close()}. */
  public static LineServer start(LineServerConfig config) throws IOException {
    ServerSocket serverSocket = new ServerSocket();
    try {
      // A server restarted on its port (after a crash, say) must bind while the connections of
      // the old one linger in TIME_WAIT; the JDK sets this on Linux, not everywhere.
      serverSocket.setReuseAddress(true);
      // The backlog only queues connections not yet accepted; the limits are applied after.
      serverSocket.bind(new InetSocketAddress(config.bindAddress(), config.port()), BACKLOG);
    } catch (IOException e) {
      serverSocket.close();
      throw e;
    }
    LineServer server = new LineServer(config, serverSocket);
    server.acceptor.start();
    server.reaper.start();
    return server;
  }

  /** The address and port the server listens on (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return address;
  }

  /** The configuration the server was started with. */
  public LineServerConfig config() {
    return config;
  }

  /** The lines served. */
  public LineFile file() {
    return file;
  }

  /** A snapshot of the counters. */
  public Stats stats() {
    long served = linesServed.sum();
    long byRate = declinedByRate.sum();
    long atRandom = declinedAtRandom.sum();
    return new Stats(connectionsAccepted.get(), connectionsOpen.get(), connectionsRefused.get(),
        served + byRate + atRandom, served, byRate, atRandom, submissionsOk.sum(),
        submissionsFailed.sum(), errors.sum(), connectionsFailed.sum());
  }

  /**
   * The most bytes the {@code count} pairs of one {@code SUBMIT} may take in all, line breaks
   * included: the whole file, 24 bytes per pair for its number, and a
   * request line's worth of slack. A right submission never comes near it; the server stops
   * reading a submission that goes over, refuses it and closes the connection.
   */
  public long pairBudgetBytes(int count) {
    return file.sizeBytes() + (long) count * PAIR_OVERHEAD_BYTES
        + LineProtocol.MAX_REQUEST_LINE_BYTES;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Stops accepting, closes every connection (a request being answered is cut off), and waits up
   * to 5 s for the server's threads to end. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(serverSocket);
    reaper.interrupt();
    List<Thread> threads = new ArrayList<>(List.of(acceptor, reaper));
    for (Connection connection : connections) {
      connection.closeSocket();
      threads.add(connection.thread);
    }
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || thread == Thread.currentThread()) {
        continue;
      }
      try {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "LineServer[" + address + ", " + file + "]";
  }

  // ---------------------------------------------------------------- accepting

  private void acceptLoop() {
    while (!closed.get()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (closed.get()) {
          return;
        }
        // E.g. out of file descriptors: pause instead of spinning, then try again.
        sleepQuietly(100);
        continue;
      }
      try {
        admit(socket);
      } catch (RuntimeException | OutOfMemoryError e) {
        closeQuietly(socket); // this connection is lost, the server is not
      }
    }
  }

  private void admit(Socket socket) {
    InetAddress remote = socket.getInetAddress();
    int perAddressLimit = config.maxConnectionsPerAddress();
    String refusal = null;
    // Only this thread adds connections, so a limit checked here cannot be overtaken.
    if (connectionsOpen.get() >= config.maxConnections()) {
      refusal = "too many connections: the server's limit of " + config.maxConnections()
          + " is reached";
    } else if (perAddressLimit > 0
        && openPerAddress.getOrDefault(remote, 0) >= perAddressLimit) {
      refusal = "too many connections from " + remote.getHostAddress();
    }
    if (refusal != null) {
      connectionsRefused.incrementAndGet();
      refuse(socket, refusal);
      return;
    }
    openPerAddress.merge(remote, 1, Integer::sum);
    connectionsOpen.incrementAndGet();
    Connection connection = new Connection(connectionsAccepted.incrementAndGet(), socket, remote,
        seeds.split());
    connections.add(connection);
    try {
      connection.thread.start();
    } catch (OutOfMemoryError e) {
      // No thread to be had ("unable to create native thread"): this connection is lost, the
      // server is not.
      release(connection);
      closeQuietly(socket);
      return;
    }
    if (closed.get()) {
      connection.closeSocket(); // close() may have gone through the set before the add
    }
  }

  /**
   * Tells a refused client why in one line and closes. Done here on the acceptor thread, so a
   * flood of refused connections costs no threads: the line fits any fresh socket's send buffer,
   * and what the client sent already is discarded first, so that the close sends a plain FIN
   * after the reply rather than a reset that could overtake it.
   */
  private static void refuse(Socket socket, String reason) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(LineProtocol.errorReply(reason));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      byte[] scratch = new byte[4096];
      int available;
      while ((available = in.available()) > 0) {
        if (in.read(scratch, 0, Math.min(available, scratch.length)) < 0) {
          break;
        }
      }
    } catch (IOException e) {
      // The client is gone already; nothing to tell it.
    } finally {
      closeQuietly(socket);
    }
  }

  private void release(Connection connection) {
    connections.remove(connection);
    openPerAddress.computeIfPresent(connection.remote, (a, n) -> n > 1 ? n - 1 : null);
    connectionsOpen.decrementAndGet();
  }

  /**
   * Closes connections whose client has not taken a reply for longer than the idle time-out: a
   * blocked write has no time-out of its own, and the thread would otherwise wait forever.
   */
  private void reapStalledWrites() {
    long idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
    long periodMillis = Math.max(10, Math.min(1000, idleMillis / 4));
    while (!closed.get()) {
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Connection connection : connections) {
        long since = connection.writingSinceNanos;
        if (since != 0 && now - since > idleNanos) {
          connection.closeSocket();
        }
      }
    }
  }

  // ---------------------------------------------------------------- serving

  /** One client's connection and the thread that serves it. */
  private final class Connection implements Runnable {
    private final long number;
    private final Socket socket;
    private final InetAddress remote;
    private final SplittableRandom random;
    private final Thread thread;
    private final TokenBucket bucket;
    /** When the write under way started ({@link System#nanoTime()}), 0 when none is. */
    private volatile long writingSinceNanos;
    /** When the line being read must be whole ({@link System#nanoTime()}). */
    private long lineDeadlineNanos;
    /** The socket's read time-out as last set, to set it only when it changes. */
    private int soTimeoutMillis;
    /**
     * While a submission's pairs are read: the {@link LineReader#bytesConsumed()} they must stay
     * within; otherwise {@link Long#MAX_VALUE}.
     */
    private long pairBudgetEnd = Long.MAX_VALUE;
    /** The budget of the pairs being read, for the reply that refuses them. */
    private long pairBudget;
    private LineReader reader;
    private OutputStream replies;
    private int sendLineReplies;
    /** Whether a whole request line has arrived: until then, the shorter first-request time-out. */
    private boolean asked;

    Connection(long number, Socket socket, InetAddress remote, SplittableRandom random) {
      this.number = number;
      this.socket = socket;
      this.remote = remote;
      this.random = random;
      this.bucket = new TokenBucket(config.ratePerSecond(), config.burst(), System.nanoTime());
      this.thread = new Thread(this, "line-server-" + address.getPort() + "-conn-" + number
          + "-" + remote.getHostAddress() + ":" + socket.getPort());
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      try {
        serve();
      } catch (SocketTimeoutException e) {
        // Idle for the whole time-out: closed below, silently (nobody is waiting for a reply).
      } catch (IOException e) {
        // The client went away, closed mid-request, or close() closed the socket.
      } catch (RuntimeException | OutOfMemoryError e) {
        // A bug (or a full heap) must not take the server down: this connection ends, its memory
        // is freed, the others go on.
        connectionsFailed.increment();
        System.err.println("line server: connection " + number + " failed: " + e);
      } finally {
        closeSocket();
        release(this);
      }
    }

    private void serve() throws IOException {
      socket.setTcpNoDelay(true);
      reader = new LineReader(new DeadlineInputStream(socket.getInputStream()),
          LineProtocol.MAX_REQUEST_LINE_BYTES);
      replies = new BufferedOutputStream(new WatchedOutputStream(socket.getOutputStream()), 8192);
      RequestParser parser = new RequestParser(file.lineCount());
      while (true) {
        byte[] line = readRequestLine();
        if (line == null) {
          return; // a clean end; in the middle of a request, nobody is left to answer
        }
        asked = true;
        Request request = parser.accept(line);
        boolean goOn = true;
        if (request instanceof Request.SendLine) {
          goOn = sendLine();
        } else if (request instanceof Request.Info) {
          // Takes no token and does not start the download's clock: a client asks it before
          // it downloads, and must find its bucket full.
          replies.write(LineProtocol.infoReply(
              new ServerInfo(file.lineCount(), config.ratePerSecond(), config.burst())));
        } else if (request instanceof Request.Submit submit) {
          goOn = submit(submit);
        } else if (request instanceof Request.RejectedSubmit rejected) {
          goOn = rejectSubmit(rejected);
        } else if (request instanceof Request.Invalid invalid) {
          errors.increment();
          replies.write(LineProtocol.errorReply(invalid.reason()));
        }
        if (!goOn) {
          return;
        }
      }
    }

    /** A request line, or null at the end; an over-long one is answered and ends the connection. */
    private byte[] readRequestLine() throws IOException {
      flushBeforeBlocking();
      int bound = startLine(LineProtocol.MAX_REQUEST_LINE_BYTES);
      try {
        return reader.readLine(bound);
      } catch (LineReader.LineTooLongException e) {
        if (bound < LineProtocol.MAX_REQUEST_LINE_BYTES) {
          refuseOverBudget();
        }
        errors.increment();
        replies.write(LineProtocol.errorReply(
            "request line longer than " + LineProtocol.MAX_REQUEST_LINE_BYTES + " bytes"));
        lingerAndClose();
        throw new IOException("closed after an over-long request line", e);
      }
    }

    /** A line's text in a submission, or null when longer than every line of the file. */
    private byte[] readText() throws IOException {
      flushBeforeBlocking();
      int longest = Math.max(1, file.longestLineBytes());
      int bound = startLine(longest);
      try {
        byte[] text = reader.readLine(bound);
        if (text == null) {
          throw new EOFException("the client left in the middle of its submission");
        }
        return text;
      } catch (LineReader.LineTooLongException e) {
        if (bound < longest) {
          refuseOverBudget();
        }
      }
      // Certainly wrong; skipped in constant memory so the next pair stays framed, but no
      // further than the pairs' budget.
      try {
        reader.skipLine(Math.max(0, pairBudgetEnd - reader.bytesConsumed() - 1));
      } catch (LineReader.LineTooLongException e) {
        refuseOverBudget();
      }
      return null;
    }

    /**
     * Starts the deadline of the line about to be read, and returns its bound: {@code bound}, or
     * less when the pairs being read have less of their budget left (at least 1 byte, so a pair
     * can go over by a byte or two: still bounded).
     */
    private int startLine(int bound) {
      lineDeadlineNanos = System.nanoTime()
          + TimeUnit.MILLISECONDS.toNanos(asked ? idleMillis : firstRequestMillis);
      long left = pairBudgetEnd - reader.bytesConsumed() - 1; // the '\n' takes one
      return (int) Math.max(1, Math.min(bound, left));
    }

    /** Refuses the submission whose pairs went over their budget, and ends the connection. */
    private void refuseOverBudget() throws IOException {
      submissionsFailed.increment();
      replies.write(LineProtocol.submitFailedReply("the pairs take more than " + pairBudget
          + " bytes, more than a right submission can; the rest is not read"));
      lingerAndClose();
      throw new IOException("closed after a submission over its budget");
    }

    /**
     * Reads the {@code count} pairs of a submission, each to {@code sink} (the number line, and
     * the text or null when longer than every line of the file); false when the connection ended
     * instead (the client left).
     */
    private boolean readPairs(int count, BiConsumer<byte[], byte[]> sink) throws IOException {
      pairBudget = pairBudgetBytes(count);
      pairBudgetEnd = reader.bytesConsumed() + pairBudget;
      try {
        for (int i = 0; i < count; i++) {
          byte[] number = readRequestLine();
          if (number == null) {
            return false; // the client left in the middle of its submission
          }
          sink.accept(number, readText());
        }
        return true;
      } finally {
        pairBudgetEnd = Long.MAX_VALUE;
      }
    }

    private boolean sendLine() throws IOException {
      long now = System.nanoTime();
      downloadStartNanos.compareAndSet(NO_DOWNLOAD, now);
      double declineProbability = config.declineProbability();
      // A random decline is drawn first and takes no token: it models a busy server.
      if (declineProbability > 0 && random.nextDouble() < declineProbability) {
        declinedAtRandom.increment();
        replies.write(LineProtocol.declinedReply());
      } else if (!bucket.tryTake(now)) {
        declinedByRate.increment();
        replies.write(LineProtocol.declinedReply());
      } else {
        int n = random.nextInt(file.lineCount());
        replies.write(String.valueOf(n).getBytes(StandardCharsets.US_ASCII));
        replies.write('\n');
        file.writeLine(n, replies);
        replies.write('\n');
        linesServed.increment();
      }
      sendLineReplies++;
      if (config.dropConnectionEvery() > 0 && sendLineReplies == config.dropConnectionEvery()) {
        lingerAndClose(); // the reply goes out whole first
        return false;
      }
      return true;
    }

    private boolean submit(Request.Submit submit) throws IOException {
      SubmissionCheck check = new SubmissionCheck(file, submit.count());
      if (!readPairs(submit.count(), check::accept)) {
        return false;
      }
      String failure = check.failure();
      if (failure == null) {
        long start = downloadStartNanos.getAndSet(NO_DOWNLOAD);
        long millis = start == NO_DOWNLOAD
            ? 0 : Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        submissionsOk.increment();
        replies.write(LineProtocol.submitOkReply(submit.count(), millis));
      } else {
        submissionsFailed.increment();
        replies.write(LineProtocol.submitFailedReply(failure));
      }
      return true;
    }

    private boolean rejectSubmit(Request.RejectedSubmit rejected) throws IOException {
      submissionsFailed.increment();
      if (rejected.closesConnection()) {
        replies.write(LineProtocol.submitFailedReply(rejected.reason()));
        lingerAndClose();
        return false;
      }
      if (!readPairs(rejected.pairsToSkip(), (number, text) -> { })) {
        return false;
      }
      replies.write(LineProtocol.submitFailedReply(rejected.reason()));
      return true;
    }

    /**
     * Sends what is buffered unless another complete line is already here: pipelined requests get
     * their replies in one write, and no reply waits while the server waits for input.
     */
    private void flushBeforeBlocking() throws IOException {
      if (!reader.hasBufferedLine()) {
        replies.flush();
      }
    }

    /**
     * Sends the last reply, then reads (and drops) what the client still sends, for a bounded
     * time, before closing: closing with unread input would send a reset, which can make the
     * client lose that last reply.
     */
    private void lingerAndClose() throws IOException {
      replies.flush();
      socket.shutdownOutput();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
      byte[] scratch = new byte[8192];
      long drained = 0;
      InputStream in = socket.getInputStream();
      try {
        while (drained < LINGER_MAX_BYTES) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            break;
          }
          socket.setSoTimeout((int) left);
          int n = in.read(scratch);
          if (n < 0) {
            break;
          }
          drained += n;
        }
      } catch (IOException e) {
        // Timed out or reset: either way the connection is done.
      }
      closeSocket();
    }

    void closeSocket() {
      closeQuietly(socket);
    }

    /**
     * Reads the socket with a time-out that is what is left until {@link #lineDeadlineNanos}: the
     * idle time-out bounds a whole line, not the gap between two bytes, so that a client trickling
     * a byte now and then (a slow-loris) is closed like an idle one.
     */
    private final class DeadlineInputStream extends FilterInputStream {
      DeadlineInputStream(InputStream socketIn) {
        super(socketIn);
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        long leftNanos = lineDeadlineNanos - System.nanoTime();
        if (leftNanos <= 0) {
          // Past the deadline, what has arrived is still taken: a server slowed down by a busy
          // machine must not close a client that did send in time.
          int available = in.available();
          if (available <= 0) {
            throw new SocketTimeoutException("no whole line within the idle time-out");
          }
          return in.read(bytes, offset, Math.min(length, available));
        }
        // Rounded up, so that a last fraction of a millisecond is not a time-out of 0 (infinite).
        int millis = (int) Math.min(idleMillis, (leftNanos + 999_999) / 1_000_000);
        if (millis != soTimeoutMillis) {
          socket.setSoTimeout(millis);
          soTimeoutMillis = millis;
        }
        return in.read(bytes, offset, length);
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }
    }

    /** Marks the time of every write to the socket, for {@link #reapStalledWrites()}. */
    private final class WatchedOutputStream extends FilterOutputStream {
      WatchedOutputStream(OutputStream socketOut) {
        super(socketOut);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        writingSinceNanos = System.nanoTime() | 1; // never 0, which means "not writing"
        try {
          out.write(bytes, offset, length);
        } finally {
          writingSinceNanos = 0;
        }
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void flush() throws IOException {
        writingSinceNanos = System.nanoTime() | 1;
        try {
          out.flush();
        } finally {
          writingSinceNanos = 0;
        }
      }
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Nothing more to release.
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
