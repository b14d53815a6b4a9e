package org.mpjbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpjbench.benchmarks.BenchParameters.Iterations;

/** {@link MessageSizes}: {@code --sizes} as lists and ranges of powers of two, and bad input. */
class MessageSizesTest {
  @Test
  void theDefaultIsEveryPowerOfTwoFromOneByteToOneMebibyte() {
    assertEquals(21, MessageSizes.DEFAULT.size());
    assertEquals(1, MessageSizes.DEFAULT.get(0));
    assertEquals(1 << 20, MessageSizes.DEFAULT.get(20));
    for (int i = 0; i < 21; i++) {
      assertEquals(1 << i, MessageSizes.DEFAULT.get(i));
    }
  }

  @Test
  void listsAndRangesMergeSortedWithoutDuplicates() {
    assertEquals(List.of(1, 2, 4, 8), MessageSizes.parse("1,2,4,8"));
    assertEquals(List.of(8, 64, 1024), MessageSizes.parse("1024, 8,64,8"));
    assertEquals(List.of(3, 4, 8, 10), MessageSizes.parse("3:10"));
    assertEquals(List.of(1, 2, 4, 1000), MessageSizes.parse("1:4,1000"));
    assertEquals(List.of(65_536), MessageSizes.parse("65536:65536"));
    assertEquals(List.of(MessageSizes.MAX_BYTES), MessageSizes.parse("67108864"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "abc", "67108865", "", "1,,2", "8:4", "-1", "1:", ":8", "1.5",
      "99999999999999999999"})
  void badInputIsOneLineNamingTheOption(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MessageSizes.parse(text));
    assertTrue(e.getMessage().startsWith("--sizes"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void theParametersCarryCheckedSizes() {
    BenchParameters parameters = new BenchParameters(List.of("osu"), "multicore",
        new Iterations(1, 2, 300), new Iterations(1, 2, 300), 100_000, 1_000, 100, 2_000,
        "127.0.0.1", false);
    assertEquals(MessageSizes.DEFAULT, parameters.sizes());
    assertTrue(parameters.sizeSweep());
    BenchParameters two = parameters.withSizes(List.of(1, 65_536), 10);
    assertEquals(List.of(1, 65_536), two.sizes());
    assertEquals(10, two.sizeMillis());
    assertTrue(!parameters.withSizes(List.of(), 10).sizeSweep());
    assertTrue(!new BenchParameters(List.of("ping-pong"), "multicore", new Iterations(1, 2, 300),
        new Iterations(1, 2, 300), 100_000, 1_000, 100, 2_000, "127.0.0.1", false).sizeSweep());
    assertThrows(IllegalArgumentException.class,
        () -> parameters.withSizes(List.of(0), 10));
    assertThrows(IllegalArgumentException.class,
        () -> parameters.withSizes(List.of(4, 2), 10));
  }

  @Test
  void aRowIsTheMedianAndP99AndForBandwidthTheWindowOverTheMedian() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = (i + 1) * 1_000L; // 1 to 100 µs
    }
    SizeSweep.Row latency = SizeSweep.row(SizeOps.KINDS.get(0), 8, sorted, Double.NaN);
    assertEquals("latency", latency.operation());
    assertEquals(100, latency.iterations());
    assertEquals(50.5, latency.medianUs(), 1e-9);
    assertEquals(99, latency.p99Us(), 1e-9);
    assertEquals(null, latency.mbPerSecond());
    SizeSweep.Row bandwidth = SizeSweep.row(SizeOps.KINDS.get(1), 1_000_000,
        new long[] {1_000_000_000L, 2_000_000_000L, 4_000_000_000L}, Double.NaN);
    assertEquals("bandwidth", bandwidth.operation());
    // 64 messages of 10^6 bytes in a median window of 2 s: 32 MB/s.
    assertEquals(32, bandwidth.mbPerSecond(), 1e-9);
    assertEquals(4e6, bandwidth.p99Us(), 1e-9);
  }
}
