package org.mpjbench.kernels.rank;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.mpjbench.kernels.control.BoundedLineReader;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;

/**
 * A rank's end of the control channel. After {@link #awaitStart} it watches the connection on a
 * daemon thread: an {@link ControlMessage.Abort}, or the launcher going away before this rank has
 * finished, halts the JVM, because a rank blocked inside an MPI call cannot be stopped any other
 * way and must not outlive its run.
 */
final class ControlClient implements AutoCloseable {
  /** Exit status of a rank JVM halted on the launcher's order. */
  static final int HALT_ABORTED = 70;
  /** Exit status of a rank JVM halted because the launcher disappeared. */
  static final int HALT_ORPHANED = 71;

  private final Socket socket;
  private final BoundedLineReader reader;
  private final Writer writer;
  private volatile boolean finished;
  private volatile long silenceMillis;

  private ControlClient(Socket socket) throws IOException {
    this.socket = socket;
    this.reader =
        new BoundedLineReader(
            new BufferedInputStream(socket.getInputStream()), ControlCodec.MAX_LINE_BYTES);
    this.writer =
        new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Connects to the launcher within {@code timeout} and introduces this rank.
   *
   * <p>Everything the hello needs is ready before the connection is opened: the launcher gives a
   * new connection a few seconds to prove the run's token, and encoding the first message is
   * what loads and sets up Jackson in this rank's class loader (MPJ's multicore device gives every
   * rank its own loader). With 64 ranks starting at once on a busy machine that took longer than
   * the launcher waits, and the launcher refused ranks whose sockets were open but silent.
   */
  static ControlClient connect(
      InetSocketAddress launcher, Duration timeout, ControlMessage.Hello hello)
      throws IOException {
    // Even the hello's bytes: between connect and write there is nothing left to load or set up
    // (the reader and writer below load classes of this rank's own loader, 64 ranks at once).
    byte[] helloBytes = (ControlCodec.encode(hello) + "\n").getBytes(StandardCharsets.UTF_8);
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(launcher, Math.toIntExact(timeout.toMillis()));
      socket.getOutputStream().write(helloBytes);
      socket.getOutputStream().flush();
      return new ControlClient(socket);
    } catch (IOException e) {
      socket.close();
      throw new IOException(
          "rank " + hello.rank() + " cannot reach the launcher at " + launcher + ": " + e.getMessage(),
          e);
    }
  }

  /** Waits at most {@code timeout} for the launcher's start order. */
  ControlMessage.Start awaitStart(Duration timeout) throws IOException {
    socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
    String line;
    try {
      line = reader.readLine();
    } catch (SocketTimeoutException e) {
      throw new IOException("no start order from the launcher within " + timeout.toSeconds() + " s");
    }
    if (line == null) {
      throw new IOException("the launcher closed the control connection before the start order");
    }
    ControlMessage message = ControlCodec.decode(line);
    if (message instanceof ControlMessage.Start start) {
      socket.setSoTimeout(0);
      return start;
    }
    if (message instanceof ControlMessage.Abort abort) {
      throw new IOException("the launcher refused this rank: " + abort.reason());
    }
    throw new IOException("expected a start order from the launcher, got " + line);
  }

  /**
   * Starts the daemon thread that halts this JVM on abort, when the launcher goes away, or when it
   * has not been heard for the silence the launcher set ({@link ControlMessage.Liveness}); from
   * then on this rank also sends heartbeats.
   */
  void watchForAbort(int rank) {
    Thread watcher =
        new Thread(
            () -> {
              int status = HALT_ORPHANED;
              try {
                String line;
                while ((line = reader.readLine()) != null) {
                  ControlMessage message = ControlCodec.decode(line);
                  if (message instanceof ControlMessage.Abort) {
                    status = HALT_ABORTED;
                    break;
                  }
                  if (message instanceof ControlMessage.Liveness liveness) {
                    silenceMillis = liveness.silenceMillis();
                    socket.setSoTimeout(Math.toIntExact(silenceMillis));
                    startHeartbeats(rank, liveness.heartbeatMillis());
                  }
                }
              } catch (SocketTimeoutException e) {
                if (!finished) {
                  System.err.println("rank " + rank + ": no word from the launcher for "
                      + silenceMillis + " ms; halting (launcher or network gone)");
                }
              } catch (IOException e) {
                // The connection broke: treated like the launcher going away.
              }
              if (!finished || status == HALT_ABORTED) {
                Runtime.getRuntime().halt(status);
              }
            },
            "mpjbench-control-watch-" + rank);
    watcher.setDaemon(true);
    watcher.start();
  }

  private void startHeartbeats(int rank, long intervalMillis) {
    Thread beats =
        new Thread(
            () -> {
              try {
                while (!socket.isClosed()) {
                  send(new ControlMessage.Heartbeat(rank));
                  Thread.sleep(intervalMillis);
                }
              } catch (IOException | InterruptedException e) {
                // The connection is gone or closing: the watcher decides what that means.
              }
            },
            "mpjbench-control-heartbeat-" + rank);
    beats.setDaemon(true);
    beats.start();
  }

  /** Sends one message; safe to call from any thread. */
  synchronized void send(ControlMessage message) throws IOException {
    writer.write(ControlCodec.encode(message));
    writer.write('\n');
    writer.flush();
  }

  /** Sends several encoded messages, one per line, with one flush; safe from any thread. */
  synchronized void sendLines(java.util.List<String> lines) throws IOException {
    for (String line : lines) {
      writer.write(line);
      writer.write('\n');
    }
    writer.flush();
  }

  /** Marks this rank finished: from now on the launcher closing the connection is expected. */
  void markFinished() {
    finished = true;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
