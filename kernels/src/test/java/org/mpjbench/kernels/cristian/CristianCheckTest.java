package org.mpjbench.kernels.cristian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link CristianCheck#PROMISE}: half the shortest round trip ({@code TimeServerCheckTest} checks
 * traces against it).
 */
class CristianCheckTest {
  @Test
  void thePromiseIsHalfTheShortestRoundTrip() {
    assertEquals(2, CristianCheck.PROMISE.roundTripDivisor());
    assertEquals(CristianCheck.PROPERTY, CristianCheck.PROMISE.property());
    assertEquals("half its shortest round trip (60000 ns / 2)",
        String.format(CristianCheck.PROMISE.bound(), 60_000));
  }
}
