package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpjbench.lineserver.protocol.LineProtocol;
import org.mpjbench.lineserver.protocol.ServerInfo;

/**
 * The {@code INFO} request through real sockets on loopback: the reply line byte for byte, that
 * it takes no token and does not start a download's clock, and that it leaves the write-up's
 * requests and the handling of garbage as they were.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LineServerInfoTest {
  private final List<LineServer> servers = new ArrayList<>();

  private LineServer start(LineServerConfig config) throws IOException {
    LineServer server = LineServer.start(config);
    servers.add(server);
    return server;
  }

  /** A server of {@code lines} generated lines, with this rate and burst. */
  private LineServer start(int lines, double ratePerSecond, int burst) throws IOException {
    return start(LineServerConfig.defaults(LineFile.generate(lines, 1))
        .withRatePerSecond(ratePerSecond).withBurst(burst));
  }

  /** Sends {@code INFO} and returns the reply line. */
  private static String info(TestClient client) throws IOException {
    client.send("INFO\n");
    return client.readLine();
  }

  @AfterEach
  void closeServers() {
    servers.forEach(LineServer::close);
  }

  @Test
  void infoTellsTheLineCountTheRateAndTheBurstInOneLine() throws IOException {
    LineServer server = start(674, 2000, 5);
    try (TestClient client = new TestClient(server.address())) {
      assertEquals("INFO lines=674 rate=2000 burst=5", info(client));
      client.send("INFO\r\n");
      String reply = client.readLine();
      assertEquals(new ServerInfo(674, 2000, 5),
          LineProtocol.parseInfoReply(reply.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
  }

  @Test
  void aFractionalRateIsAPlainDecimal() throws IOException {
    LineServer server = start(3, 0.25, 1);
    try (TestClient client = new TestClient(server.address())) {
      assertEquals("INFO lines=3 rate=0.25 burst=1", info(client));
    }
  }

  @Test
  void infoTakesNoTokenAndStartsNoDownloadClock() throws IOException {
    LineServer server = start(10, 0.001, 2);
    try (TestClient client = new TestClient(server.address())) {
      client.send("INFO\n".repeat(50));
      for (int i = 0; i < 50; i++) {
        assertEquals("INFO lines=10 rate=0.001 burst=2", client.readLine());
      }
      assertFalse(client.sendLine().declined(), "the bucket is still full");
      assertFalse(client.sendLine().declined());
      assertTrue(client.sendLine().declined(), "two tokens, then the rate's");
      LineServer.Stats stats = server.stats();
      assertEquals(3, stats.sendLineRequests(), "INFO is not a SENDLINE");
      assertEquals(0, stats.errors());
    }
  }

  @Test
  void infoPipelinesWithTheOtherRequestsInOrder() throws IOException {
    LineServer server = start(4, 1e9, 1000);
    try (TestClient client = new TestClient(server.address())) {
      client.send("SENDLINE\nINFO\nnope\nSENDLINE\n");
      assertTrue(client.readReply().n() < 4);
      assertEquals("INFO lines=4 rate=1000000000 burst=1000", client.readLine());
      assertEquals("ERROR unknown request 'nope'; requests are SENDLINE, SUBMIT and INFO",
          client.readLine());
      assertTrue(client.readReply().n() < 4);
    }
  }

  @Test
  void nearMissesOfInfoAreErrorsAndTheConnectionStaysUsable() throws IOException {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(4, 1)));
    try (TestClient client = new TestClient(server.address())) {
      for (String garbage : new String[] {"info", "INFO ", " INFO", "INFO x", "INFO\r\r",
          "INFOINFO", "INF", "INFO\0"}) {
        client.send(garbage + "\n");
        String reply = client.readLine();
        assertTrue(reply.startsWith("ERROR unknown request '"), garbage + " -> " + reply);
      }
      assertEquals("INFO lines=4 rate=250 burst=5", info(client));
      assertEquals(8, server.stats().errors());
    }
  }

  @Test
  void anOverLongLineStartingWithInfoIsRefusedAndClosesAsBefore() throws IOException {
    LineServer server = start(LineServerConfig.defaults(LineFile.generate(4, 1)));
    try (TestClient client = new TestClient(server.address())) {
      client.send("INFO" + "O".repeat(LineProtocol.MAX_REQUEST_LINE_BYTES) + "\n");
      assertEquals("ERROR request line longer than " + LineProtocol.MAX_REQUEST_LINE_BYTES
          + " bytes", client.readLine());
      assertTrue(client.closedByServer(true));
    }
  }
}
