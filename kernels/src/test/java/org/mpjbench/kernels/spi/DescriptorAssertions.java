package org.mpjbench.kernels.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import picocli.CommandLine;

/** Checks that every kernel's descriptor test makes the same way. */
public final class DescriptorAssertions {
  private DescriptorAssertions() {}

  /** {@code Kernels.byName(name)} finds a descriptor of exactly the class {@code descriptor}. */
  public static void assertRegistered(
      String name, Class<? extends KernelDescriptor<?, ?>> descriptor) {
    assertEquals(descriptor, Kernels.byName(name).orElseThrow().getClass());
  }

  /**
   * Fresh {@code options} give {@code defaults} for 4 ranks; once {@code badArgs} are parsed into
   * them, {@code parameters(4)} fails with exactly {@code message}.
   */
  public static <P> void assertOptionsGiveDefaultsOrRefuse(
      KernelOptions<P> options, P defaults, String message, String... badArgs) {
    assertEquals(defaults, options.parameters(4));
    new CommandLine(options).parseArgs(badArgs);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> options.parameters(4));
    assertEquals(message, e.getMessage());
  }

  /**
   * The figures count {@code operations} and {@code messages}, with this median latency, this rate
   * (within 1e-9 per second; null: no rate), this baseline round trip (null: none) and exactly this
   * headline.
   */
  public static void assertFigures(Figures f, long operations, Long messages,
      Long medianLatencyNanos, Double operationsPerSecond, Long baselineRoundTripNanos,
      String headline) {
    assertEquals(operations, f.operations(), "operations");
    assertEquals(messages, f.messages(), "messages");
    assertEquals(medianLatencyNanos, f.medianLatencyNanos(), "median latency");
    if (operationsPerSecond == null) {
      assertNull(f.operationsPerSecond(), "operations per second");
    } else {
      assertEquals(operationsPerSecond, f.operationsPerSecond(), 1e-9, "operations per second");
    }
    assertEquals(baselineRoundTripNanos, f.baselineRoundTripNanos(), "baseline round trip");
    assertEquals(headline, f.headline(), "headline");
  }

  /**
   * The figures of a clock-sync kernel, whose operation is a sync of one client: two clients' syncs
   * of 1 and 3 µs ({@code twoClients}, 3 ranks) give a median of 2 µs, the mean of the middle two;
   * with 1 rank ({@code noClient}) there is no client, no median and the headline says so.
   */
  public static <R> void assertOneSyncPerClient(KernelDescriptor<?, R> kernel, R twoClients,
      R noClient) {
    assertEquals(2_000L, kernel.figures(twoClients, 3).medianLatencyNanos(),
        "the mean of the middle two");
    Figures alone = kernel.figures(noClient, 1);
    assertNull(alone.medianLatencyNanos());
    assertEquals(0, alone.operations());
    assertEquals("no client to sync with 1 rank", alone.headline());
    assertEquals("sync", kernel.meaning().operation());
  }
}
