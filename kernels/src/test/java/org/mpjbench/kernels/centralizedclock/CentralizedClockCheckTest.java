package org.mpjbench.kernels.centralizedclock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.clock.ClockSpec;
import org.mpjbench.kernels.clock.SimulatedClock;
import org.mpjbench.kernels.clock.TimeServerCheck;
import org.mpjbench.kernels.clock.TimeServerCheck.ClientMeasurement;

/** {@link CentralizedClockCheck}: the correction adopted, and its promise checked on traces. */
class CentralizedClockCheckTest {
  private static final long SYNC = 1_000_000_000L;
  private static final long MEASURE = SYNC + 2_000_000L;

  private static PropertyCheck check(long serverTrueErrorNanos, long serverMeasureHostNanos,
      List<ClientMeasurement> clients, double driftPpm) {
    return TimeServerCheck.check(CentralizedClockCheck.PROMISE, serverTrueErrorNanos,
        serverMeasureHostNanos, clients, driftPpm);
  }

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
    assertTrue(check(server.trueErrorNanos(), host[0], List.of(measured), 0)
        .holds());
  }

  @Test
  void thePromiseIsTheWholeRoundTrip() {
    // TimeServerCheckTest checks traces against a promise of this divisor.
    assertEquals(1, CentralizedClockCheck.PROMISE.roundTripDivisor());
    assertEquals(CentralizedClockCheck.PROPERTY, CentralizedClockCheck.PROMISE.property());
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
