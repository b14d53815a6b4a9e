package org.mpjbench.kernels.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Fetcher} against a real socket on loopback: a started fetcher sends nothing until it is
 * begun (its thread's start is kept out of the download's measured time), and one stopped before
 * that ends without a request.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FetcherTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** Answers every request on one connection with line 3, counting the requests. */
  private static Thread serveLineThree(ServerSocket listener, AtomicInteger requests) {
    Thread server = new Thread(() -> {
      try (Socket socket = listener.accept()) {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
          if (b == '\n') {
            requests.incrementAndGet();
            out.write("3\nthree\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
        }
      } catch (IOException e) {
        // The fetcher's side reports what went wrong.
      }
    });
    server.start();
    return server;
  }

  private static LineClient connectedClient(ServerSocket listener) throws IOException {
    LineClient client = new LineClient(new InetSocketAddress(LOOPBACK, listener.getLocalPort()),
        Duration.ofSeconds(5), Duration.ofSeconds(5));
    client.connect();
    return client;
  }

  @Test
  void aStartedFetcherSendsNothingUntilBegun() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 10, LOOPBACK)) {
      AtomicInteger requests = new AtomicInteger();
      Thread server = serveLineThree(listener, requests);
      Queue<LineBatch.Draw> received = new ConcurrentLinkedQueue<>();
      try (LineClient client = connectedClient(listener)) {
        Fetcher fetcher = new Fetcher(client,
            new PacingSchedule(TimeUnit.MILLISECONDS.toNanos(10), 2), 10, received);
        Thread fetching = new Thread(fetcher);
        fetching.start();
        Thread.sleep(300);
        assertEquals(0, requests.get(), "requests before begin()");
        assertNull(received.peek());
        fetcher.begin();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.peek() == null && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        LineBatch.Draw first = received.peek();
        assertNotNull(first, "no line within 10 s of begin()");
        assertEquals(3, first.lineNumber());
        fetcher.stop();
        fetching.join(10_000);
        assertFalse(fetching.isAlive());
        assertNull(fetcher.failure());
      }
      server.join(10_000);
    }
  }

  @Test
  void aFetcherStoppedBeforeItBeganEndsWithoutARequest() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 10, LOOPBACK)) {
      AtomicInteger requests = new AtomicInteger();
      Thread server = serveLineThree(listener, requests);
      try (LineClient client = connectedClient(listener)) {
        Fetcher fetcher = new Fetcher(client,
            new PacingSchedule(TimeUnit.MILLISECONDS.toNanos(10), 2), 10,
            new ConcurrentLinkedQueue<>());
        Thread fetching = new Thread(fetcher);
        fetching.start();
        fetcher.stop();
        fetching.join(10_000);
        assertFalse(fetching.isAlive(), "the fetcher waited on past stop()");
        assertEquals(0, fetcher.figures()[0]);
        assertNull(fetcher.failure());
      }
      server.join(10_000);
      assertEquals(0, requests.get());
    }
  }
}
