package org.mpjbench.kernels.cristian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.cristian.CristianCheck.ClientMeasurement;

/** Tests of {@link CristianCheck} with good and bad traces. */
class CristianCheckTest {
  private static final long SYNC = 1_000_000_000L;
  private static final long MEASURE = SYNC + 2_000_000L;

  @Test
  void clientsWithinHalfTheirRoundTripHold() {
    List<ClientMeasurement> clients = List.of(
        new ClientMeasurement(1, 80_000, SYNC, MEASURE, 500 + 39_000),
        new ClientMeasurement(2, 60_000, SYNC, MEASURE, 500 - 30_000));
    PropertyCheck check = CristianCheck.check(500, MEASURE, clients, 20);
    assertTrue(check.holds(), check.detail());
    assertTrue(check.detail().contains("rank 2"), check.detail());
    assertEquals(check, check.requireHolds());
  }

  @Test
  void aClientBeyondHalfItsRoundTripIsAViolation() {
    List<ClientMeasurement> clients = List.of(
        new ClientMeasurement(1, 80_000, SYNC, MEASURE, 10_000),
        new ClientMeasurement(2, 60_000, SYNC, MEASURE, -45_000));
    PropertyCheck check = CristianCheck.check(0, MEASURE, clients, 20);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("rank 2 is -45000 ns off"), check.detail());
    assertThrows(PropertyCheck.ViolationException.class, check::requireHolds);
  }

  @Test
  void theDriftAllowanceCoversTheTimeSinceTheSync() {
    // 20 ppm over 2 ms (client) + 2 ms (server) + 2 x 60 us = 82.4 ns, +4 ns rounding.
    ClientMeasurement client = new ClientMeasurement(1, 60_000, SYNC, MEASURE, 0);
    assertEquals(87, CristianCheck.allowanceNanos(client, MEASURE, 20));
    ClientMeasurement justInside = new ClientMeasurement(1, 60_000, SYNC, MEASURE, 30_087);
    ClientMeasurement justOutside = new ClientMeasurement(1, 60_000, SYNC, MEASURE, 30_088);
    assertTrue(CristianCheck.check(0, MEASURE, List.of(justInside), 20).holds());
    assertFalse(CristianCheck.check(0, MEASURE, List.of(justOutside), 20).holds());
    assertEquals(4, CristianCheck.allowanceNanos(client, MEASURE, 0));
  }

  @Test
  void oneRankHoldsVacuouslyAndSaysSo() {
    PropertyCheck check = CristianCheck.check(123, MEASURE, List.of(), 20);
    assertTrue(check.holds());
    assertTrue(check.detail().contains("vacuously"), check.detail());
  }
}
