package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Tests of {@link LineServerConfig}: the defaults, and messages naming the option at fault. */
class LineServerConfigTest {
  private static final LineServerConfig D = LineServerConfig.defaults(LineFile.generate(10, 1));

  private static void assertRefused(Supplier<LineServerConfig> make, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    assertEquals(message, e.getMessage());
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertEquals(InetAddress.getLoopbackAddress(), D.bindAddress());
    assertEquals(0, D.port());
    assertEquals(250.0, D.ratePerSecond());
    assertEquals(5, D.burst());
    assertEquals(0.0, D.declineProbability());
    assertEquals(512, D.maxConnectionsPerAddress());
    assertEquals(Duration.ofSeconds(10), D.firstRequestTimeout());
    assertEquals(Duration.ofSeconds(1), D.withIdleTimeout(Duration.ofSeconds(1)).firstRequestTimeout());
    assertEquals(1024, D.maxConnections());
    assertEquals(Duration.ofSeconds(120), D.idleTimeout());
    assertEquals(1, D.seed());
    assertEquals(0, D.dropConnectionEvery());
  }

  @Test
  void withersChangeOneValue() {
    LineServerConfig c = D.withRatePerSecond(50).withBurst(7).withDeclineProbability(0.5)
        .withMaxConnectionsPerAddress(2).withMaxConnections(64).withPort(4000)
        .withIdleTimeout(Duration.ofSeconds(1)).withSeed(9).withDropConnectionEvery(3);
    assertEquals(new LineServerConfig(D.bindAddress(), 4000, D.file(), 50, 7, 0.5, 2, 64,
        Duration.ofSeconds(1), 9, 3), c);
  }

  @Test
  void badValuesNameTheOption() {
    assertRefused(() -> D.withRatePerSecond(0), "--rate-per-second must be > 0, got 0");
    assertRefused(() -> D.withRatePerSecond(-2.5), "--rate-per-second must be > 0, got -2.5");
    assertRefused(() -> D.withRatePerSecond(Double.NaN), "--rate-per-second must be > 0, got NaN");
    assertRefused(() -> D.withRatePerSecond(Double.POSITIVE_INFINITY),
        "--rate-per-second must be > 0, got Infinity");
    assertRefused(() -> D.withBurst(0), "--burst must be at least 1, got 0");
    assertRefused(() -> D.withDeclineProbability(1.5),
        "--decline-probability must be at least 0 and below 1, got 1.5");
    assertRefused(() -> D.withDeclineProbability(1),
        "--decline-probability must be at least 0 and below 1, got 1");
    assertRefused(() -> D.withDeclineProbability(-0.1),
        "--decline-probability must be at least 0 and below 1, got -0.1");
    assertRefused(() -> D.withMaxConnectionsPerAddress(-1),
        "--max-connections-per-address must be at least 0 (0: no limit), got -1");
    assertRefused(() -> D.withMaxConnections(0), "--max-connections must be 1 to 10000, got 0");
    assertRefused(() -> D.withPort(70000), "--port must be 0 to 65535, got 70000");
    assertRefused(() -> D.withPort(-1), "--port must be 0 to 65535, got -1");
    assertRefused(() -> D.withIdleTimeout(Duration.ZERO), "--idle-timeout-s must be positive, got 0");
    assertRefused(() -> D.withDropConnectionEvery(-1),
        "--drop-connection-every must be at least 0 (0: never), got -1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> D.withIdleTimeout(Duration.ofDays(30)));
    assertTrue(e.getMessage().startsWith("--idle-timeout-s must be at most"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> D.withFile(null));
    assertThrows(IllegalArgumentException.class, () -> D.withBindAddress(null));
  }

  @Test
  void plainNumbersHaveNoUselessDecimals() {
    assertEquals("250", LineServerConfig.plain(250.0));
    assertEquals("2.5", LineServerConfig.plain(2.5));
    assertEquals("0.001", LineServerConfig.plain(0.001));
    assertEquals("0", LineServerConfig.plain(-0.0));
    assertEquals("1000000", LineServerConfig.plain(1e6));
  }
}
