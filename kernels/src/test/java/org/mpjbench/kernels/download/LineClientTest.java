package org.mpjbench.kernels.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LineClient}'s reconnection against real sockets on loopback: a reply cut off midway is
 * never taken for a line, and a server that does not answer fails the call within the connect
 * time-out, not a multiple of it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LineClientTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** Reads one request line from {@code socket} (up to its '\n'). */
  private static void readRequest(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("the client left before its request ended");
      }
    }
  }

  @Test
  void aReplyCutOffMidwayIsAskedForAgainOnANewConnection() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 10, LOOPBACK)) {
      listener.setSoTimeout(10_000);
      Thread server = new Thread(() -> {
        try {
          try (Socket first = listener.accept()) {
            readRequest(first);
            // The server dies in the middle of the line's text.
            first.getOutputStream().write("7\nhal".getBytes(StandardCharsets.US_ASCII));
            first.getOutputStream().flush();
          }
          try (Socket second = listener.accept()) {
            readRequest(second);
            OutputStream out = second.getOutputStream();
            out.write("7\nhello\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            second.getInputStream().read(); // until the client closes
          }
        } catch (IOException e) {
          // The client's assertions report what went wrong.
        }
      });
      server.start();
      try (LineClient client = new LineClient(
          new InetSocketAddress(LOOPBACK, listener.getLocalPort()), Duration.ofSeconds(5),
          Duration.ofSeconds(5))) {
        LineClient.Reply reply = client.sendLine();
        LineClient.Reply.Line line = assertInstanceOf(LineClient.Reply.Line.class, reply);
        assertEquals(7, line.number());
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), line.text(),
            "the whole line from the second connection, not the half of the first");
        assertEquals(1, client.reconnects());
      }
      server.join(10_000);
    }
  }

  @Test
  void aServerWhoseConnectionsHangFailsTheCallWithinTheConnectTimeout() throws Exception {
    // A listener whose accept queue is full: the kernel drops further SYNs, so a connection
    // attempt hangs until its own time-out, as toward a host that has vanished from the network.
    try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK)) {
      InetSocketAddress address = new InetSocketAddress(LOOPBACK, listener.getLocalPort());
      List<Socket> queued = new ArrayList<>();
      try {
        while (queued.size() < 16) {
          Socket socket = new Socket();
          queued.add(socket);
          try {
            socket.connect(address, 300);
          } catch (SocketTimeoutException full) {
            break;
          }
        }
        long timeoutMillis = 2000;
        try (LineClient client = new LineClient(address, Duration.ofMillis(timeoutMillis),
            Duration.ofSeconds(1))) {
          long start = System.nanoTime();
          IOException e = assertThrows(IOException.class, client::connect);
          long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          assertTrue(e.getMessage().startsWith("cannot reach the line server at "
              + address.getHostString() + ":" + address.getPort() + " for 2000 ms"),
              e.getMessage());
          assertTrue(elapsedMillis >= timeoutMillis - 50, "gave up early: " + elapsedMillis);
          // One time-out plus scheduling slack; a second whole attempt would take 4 s.
          assertTrue(elapsedMillis < timeoutMillis + 1000, "took " + elapsedMillis + " ms");
        }
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }
}
