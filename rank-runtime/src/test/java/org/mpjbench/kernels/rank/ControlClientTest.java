package org.mpjbench.kernels.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;

class ControlClientTest {
  @Test
  void theHelloComesWithTheConnectionAndTheStartOrderIsRead() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ControlMessage.Hello hello = new ControlMessage.Hello("00ff", 2, 4, "host", 42);
      CompletableFuture<ControlClient> client = CompletableFuture.supplyAsync(() -> {
        try {
          return ControlClient.connect(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()),
              Duration.ofSeconds(30), hello);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (Socket rank = server.accept()) {
        // What the launcher allows a new connection: its first line within a bound.
        rank.setSoTimeout(10_000);
        BufferedReader in = new BufferedReader(
            new InputStreamReader(rank.getInputStream(), StandardCharsets.UTF_8));
        assertEquals(hello, ControlCodec.decode(in.readLine()));
        Writer out = new OutputStreamWriter(rank.getOutputStream(), StandardCharsets.UTF_8);
        ControlMessage.Start start = new ControlMessage.Start("berkeley", null, null);
        out.write(ControlCodec.encode(start) + "\n");
        out.flush();
        try (ControlClient connected = client.get(30, TimeUnit.SECONDS)) {
          assertEquals("berkeley", connected.awaitStart(Duration.ofSeconds(30)).kernel());
        }
      }
    }
  }
}
