package org.mpjbench.kernels.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpjbench.lineserver.LineFile;
import org.mpjbench.lineserver.LineServer;
import org.mpjbench.lineserver.LineServerConfig;
import org.mpjbench.lineserver.protocol.ServerInfo;

/**
 * {@link ServerInfoQuery} over real sockets on loopback: our line server tells, and a server that
 * answers ERROR, garbage, too much, nothing, or closes, does not; an unreachable one is an error.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerInfoQueryTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration READ = Duration.ofMillis(500);

  @Test
  void ourServerTellsItsFile() throws IOException {
    LineServerConfig config = LineServerConfig.defaults(LineFile.generate(674, 1))
        .withRatePerSecond(2000).withBurst(7);
    try (LineServer server = LineServer.start(config)) {
      ServerInfoQuery.Answer answer = ServerInfoQuery.ask(server.address(), CONNECT, READ);
      assertEquals(new ServerInfoQuery.Answer.Told(new ServerInfo(674, 2000, 7)), answer);
      assertEquals(0, server.stats().sendLineRequests());
    }
  }

  /** What a one-shot server that reads the request and sends {@code reply} makes of the query. */
  private static ServerInfoQuery.Answer against(byte[] reply, boolean close) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 10, LOOPBACK)) {
      listener.setSoTimeout(10_000);
      Thread server = new Thread(() -> {
        try (Socket socket = listener.accept()) {
          InputStream in = socket.getInputStream();
          while (in.read() != '\n') {
            // the request line
          }
          socket.getOutputStream().write(reply);
          socket.getOutputStream().flush();
          if (!close) {
            socket.setSoTimeout(5_000);
            in.read(); // until the client leaves
          }
        } catch (IOException e) {
          // The client left: nothing to do.
        }
      });
      server.start();
      try {
        return ServerInfoQuery.ask(
            new InetSocketAddress(LOOPBACK, listener.getLocalPort()), CONNECT, READ);
      } finally {
        server.join(10_000);
      }
    }
  }

  private static String notTold(ServerInfoQuery.Answer answer) {
    return assertInstanceOf(ServerInfoQuery.Answer.NotTold.class, answer).why();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void theWriteUpsServerAnswersErrorAndDoesNotTell() throws Exception {
    assertEquals("answered ERROR unknown command INFO",
        notTold(against(ascii("ERROR unknown command INFO\n"), false)));
  }

  @Test
  void garbageIsNotTelling() throws Exception {
    String why = notTold(against(ascii("INFO lines=many\n"), false));
    assertEquals("answered INFO with 'INFO lines=many'", why);
    assertTrue(notTold(against(new byte[] {0, 1, (byte) 0xff, '\n'}, false))
        .startsWith("answered INFO with '\\x00"));
  }

  @Test
  void aReplyPastTheBoundIsNotReadToItsEnd() throws Exception {
    assertEquals("answered INFO with a line longer than 256 bytes",
        notTold(against(ascii("INFO " + "x".repeat(100_000) + "\n"), false)));
  }

  @Test
  void closingOrSilenceIsNotTelling() throws Exception {
    assertEquals("closed the connection after INFO", notTold(against(new byte[0], true)));
    long start = System.nanoTime();
    assertEquals("gave no reply to INFO within 500 ms", notTold(against(new byte[0], false)));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "within the read time");
    assertTrue(notTold(against(ascii("INFO lines=3"), true)).startsWith("broke the connection"));
  }

  @Test
  void anUnreachableServerIsAnErrorNamingIt() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, LOOPBACK)) {
      port = free.getLocalPort();
    }
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    IOException e = assertThrows(IOException.class,
        () -> ServerInfoQuery.ask(address, Duration.ofMillis(500), READ));
    assertTrue(e.getMessage().startsWith("cannot reach the line server at 127.0.0.1:" + port
        + " within 500 ms"), e.getMessage());
  }
}
