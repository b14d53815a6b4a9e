package org.mpjbench.kernels.centralizedclock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.centralizedclock.CentralizedClockCheck.ClientMeasurement;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.clock.ClockSpec;
import org.mpjbench.kernels.clock.SimulatedClock;

/** Tests of {@link CentralizedClockCheck}: the correction adopted, good and bad traces. */
class CentralizedClockCheckTest {
  private static final long SYNC = 1_000_000_000L;
  private static final long MEASURE = SYNC + 2_000_000L;

  @Test
  void theClientAdoptsTheReadingAndEndsBehindByTheReplysTravel() {
    // Host time is a counter both clocks follow; no drift, so the errors are exact.
    long[] host = {0};
    SimulatedClock server = new SimulatedClock(new ClockSpec(3_000_000, 0, false), () -> host[0]);
    SimulatedClock client = new SimulatedClock(new ClockSpec(-9_000_000, 0, false),
        () -> host[0]);
    long sent = client.nowNanos();
    host[0] += 30_000; // the request travels
    long reading = server.nowNanos();
    host[0] += 50_000; // the reply travels
    long received = client.nowNanos();
    client.adjust(CentralizedClockCheck.correctionNanos(reading, received));
    assertEquals(-50_000, client.trueErrorNanos() - server.trueErrorNanos(),
        "behind the server by exactly the reply's one-way delay");
    assertEquals(80_000, received - sent);
    ClientMeasurement measured = new ClientMeasurement(1, received - sent, host[0], host[0],
        client.trueErrorNanos());
    assertTrue(CentralizedClockCheck.check(server.trueErrorNanos(), host[0], List.of(measured), 0)
        .holds());
  }

  @Test
  void clientsWithinTheirRoundTripHoldAndTheMeanIsSigned() {
    List<ClientMeasurement> clients = List.of(
        new ClientMeasurement(1, 80_000, SYNC, MEASURE, 500 - 70_000),
        new ClientMeasurement(2, 60_000, SYNC, MEASURE, 500 - 59_000));
    PropertyCheck check = CentralizedClockCheck.check(500, MEASURE, clients, 20);
    assertTrue(check.holds(), check.detail());
    assertTrue(check.detail().contains("rank 2"), check.detail());
    assertTrue(check.detail().contains("mean error -64.5 µs"), check.detail());
    assertEquals(check, check.requireHolds());
  }

  @Test
  void aClientBeyondItsRoundTripIsAViolationWhicheverTheSign() {
    List<ClientMeasurement> behind = List.of(
        new ClientMeasurement(1, 80_000, SYNC, MEASURE, -10_000),
        new ClientMeasurement(2, 60_000, SYNC, MEASURE, -65_000));
    PropertyCheck check = CentralizedClockCheck.check(0, MEASURE, behind, 20);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("rank 2 is -65000 ns off"), check.detail());
    assertThrows(PropertyCheck.ViolationException.class, check::requireHolds);
    List<ClientMeasurement> ahead = List.of(
        new ClientMeasurement(3, 60_000, SYNC, MEASURE, 1_000 + 61_000));
    assertFalse(CentralizedClockCheck.check(1_000, MEASURE, ahead, 20).holds());
  }

  @Test
  void theDriftAllowanceCoversTheTimeSinceTheSync() {
    // 20 ppm over 2 ms (client) + 2 ms (server) + 2 x 60 us = 82.4 ns, +4 ns rounding.
    ClientMeasurement client = new ClientMeasurement(1, 60_000, SYNC, MEASURE, 0);
    assertEquals(87, CentralizedClockCheck.allowanceNanos(client, MEASURE, 20));
    assertEquals(60_087, CentralizedClockCheck.boundNanos(client, MEASURE, 20));
    ClientMeasurement justInside = new ClientMeasurement(1, 60_000, SYNC, MEASURE, -60_087);
    ClientMeasurement justOutside = new ClientMeasurement(1, 60_000, SYNC, MEASURE, -60_088);
    assertTrue(CentralizedClockCheck.check(0, MEASURE, List.of(justInside), 20).holds());
    assertFalse(CentralizedClockCheck.check(0, MEASURE, List.of(justOutside), 20).holds());
    assertEquals(4, CentralizedClockCheck.allowanceNanos(client, MEASURE, 0));
  }

  @Test
  void oneRankHoldsVacuouslyAndSaysSo() {
    PropertyCheck check = CentralizedClockCheck.check(123, MEASURE, List.of(), 20);
    assertTrue(check.holds());
    assertTrue(check.detail().contains("vacuously"), check.detail());
  }

  @Test
  void parametersNameTheOptionAtFault() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CentralizedClockParameters(-1, 20, 1, 1000));
    assertTrue(e.getMessage().contains("--spread-ms"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CentralizedClockParameters(50, Double.NaN, 1, 1000));
    assertTrue(e.getMessage().contains("--drift-ppm"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CentralizedClockParameters(50, 20, 1, 0));
    assertTrue(e.getMessage().contains("--timeout-ms"), e.getMessage());
  }
}
