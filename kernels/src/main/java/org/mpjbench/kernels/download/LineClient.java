package org.mpjbench.kernels.download;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.mpjbench.lineserver.protocol.LineProtocol;
import org.mpjbench.lineserver.protocol.LineReader;
import org.mpjbench.lineserver.protocol.ProtocolException;

/**
 * One rank's connection to the line server, re-opened with back-off whenever it breaks: a lost
 * connection costs at most the request in flight (everything received before is already the
 * caller's). When the server cannot be reached for {@code connectTimeout} in a row, the call fails
 * with a message naming the server. Not thread-safe: one thread owns it.
 */
final class LineClient implements AutoCloseable {
  /** Longest reply line we accept: a line of the file may be long, but not unbounded. */
  static final int MAX_REPLY_LINE_BYTES = 1 << 20;

  private static final byte[] SENDLINE = LineProtocol.sendLineRequest();
  private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** A reply to {@code SENDLINE}. */
  sealed interface Reply {
    /** Line {@code number} with its bytes. */
    record Line(int number, byte[] text) implements Reply {}

    /** {@code -1}: over the rate limit, or declined at random. */
    record Declined() implements Reply {}
  }

  private final InetSocketAddress server;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private Socket socket;
  private LineReader in;
  private OutputStream out;
  private volatile long reconnects;
  private volatile boolean stopped;
  private boolean everConnected;

  LineClient(InetSocketAddress server, Duration connectTimeout, Duration readTimeout) {
    this.server = server;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /**
   * Opens the connection now (retrying within the connect time-out), so that the first request
   * does not pay for it.
   */
  void connect() throws IOException {
    withReconnect(() -> null);
  }

  /** Asks for one line; reconnects as needed within the connect time-out. */
  Reply sendLine() throws IOException {
    return withReconnect(() -> {
      out.write(SENDLINE);
      out.flush();
      long n = LineProtocol.parseReplyNumber(readReplyLine());
      byte[] text = readReplyLine();
      if (n == LineProtocol.DECLINED) {
        if (text.length != 0) {
          throw new ProtocolException("a declined reply carried text");
        }
        return new Reply.Declined();
      }
      if (n > Integer.MAX_VALUE) {
        throw new ProtocolException("line number " + n + " in a reply");
      }
      return new Reply.Line((int) n, text);
    });
  }

  /**
   * Submits the whole file ({@code lines[n]} is line n) as {@code id@team}; returns the server's
   * verdict line. A connection lost during the submission is re-opened and the submission sent
   * again.
   */
  String submit(String id, String team, byte[][] lines) throws IOException {
    return withReconnect(() -> {
      out.write(LineProtocol.submitHeader(id, team, lines.length));
      for (int n = 0; n < lines.length; n++) {
        out.write(LineProtocol.submitPair(n, lines[n]));
      }
      out.flush();
      return new String(readReplyLine(), StandardCharsets.UTF_8);
    });
  }

  /** Makes a reconnecting call give up instead of backing off again (any thread may call it). */
  void stopReconnecting() {
    stopped = true;
  }

  /** Lets calls reconnect again (after {@link #stopReconnecting}). */
  void allowReconnecting() {
    stopped = false;
  }

  /** How many times the connection had to be opened again after the first time. */
  long reconnects() {
    return reconnects;
  }

  @Override
  public void close() {
    disconnect();
  }

  private interface Exchange<T> {
    T run() throws IOException;
  }

  private <T> T withReconnect(Exchange<T> exchange) throws IOException {
    long failingSince = 0; // when the server stopped answering; 0 while it answers
    long backoffNanos = FIRST_BACKOFF_NANOS;
    while (true) {
      long attemptNanos = System.nanoTime();
      boolean connecting = socket == null;
      try {
        // Every attempt gets what is left of the time-out: an attempt whose SYN goes unanswered
        // must not take a whole time-out of its own after the first one did.
        long leftNanos = failingSince == 0 ? connectTimeout.toNanos()
            : connectTimeout.toNanos() - (attemptNanos - failingSince);
        connectIfNeeded(leftNanos);
        connecting = false;
        return exchange.run();
      } catch (ProtocolException e) {
        // A reply that breaks the protocol: reconnecting will not help.
        disconnect();
        throw new ProtocolException("the line server broke the protocol: " + e.getMessage());
      } catch (IOException e) {
        disconnect();
        long now = System.nanoTime();
        if (failingSince == 0) {
          // A failed connection attempt counts from its start; a broken exchange from now (a
          // slow reply is the read time-out's business, not the connect time-out's).
          failingSince = connecting ? attemptNanos : now;
        }
        if (now - failingSince >= connectTimeout.toNanos()) {
          throw new IOException("cannot reach the line server at " + server.getHostString() + ":"
              + server.getPort() + " for " + connectTimeout.toMillis() + " ms (--connect-timeout-ms): "
              + e.getMessage(), e);
        }
        if (stopped) {
          throw new IOException("stopped while reconnecting to the line server", e);
        }
        try {
          TimeUnit.NANOSECONDS.sleep(backoffNanos);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while reconnecting to the line server", e);
        }
        backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
      }
    }
  }

  private void connectIfNeeded(long timeoutNanos) throws IOException {
    if (socket != null) {
      return;
    }
    Socket fresh = new Socket();
    try {
      fresh.setTcpNoDelay(true);
      // At least 1 ms: 0 would mean no time-out at all.
      long timeoutMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
      fresh.connect(server, Math.toIntExact(Math.min(timeoutMillis, Integer.MAX_VALUE)));
      fresh.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
      in = new LineReader(fresh.getInputStream(), MAX_REPLY_LINE_BYTES);
      out = new BufferedOutputStream(fresh.getOutputStream());
    } catch (IOException e) {
      fresh.close();
      throw e;
    }
    socket = fresh;
    if (everConnected) {
      reconnects++;
    }
    everConnected = true;
  }

  private void disconnect() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a broken socket: nothing left to release.
      }
    }
    socket = null;
    in = null;
    out = null;
  }

  private byte[] readReplyLine() throws IOException {
    byte[] line;
    try {
      line = in.readLine();
    } catch (LineReader.LineTooLongException e) {
      throw new ProtocolException("a reply line is longer than " + MAX_REPLY_LINE_BYTES
          + " bytes, the longest line this client takes");
    }
    if (line == null) {
      throw new IOException("the line server closed the connection");
    }
    return line;
  }
}
