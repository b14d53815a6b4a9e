package org.mpjbench.kernels.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Durations#nanos}: the unit that keeps three significant digits, signs kept, also for a
 * value that rounds up into the next unit.
 */
class DurationsTest {

  @ParameterizedTest(name = "{0} ns -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0                    | 0 ns",
        "1                    | 1 ns",
        "999                  | 999 ns",
        "1000                 | 1.00 \u00b5s",
        "1234                 | 1.23 \u00b5s",
        "12345                | 12.3 \u00b5s",
        "123456               | 123 \u00b5s",
        "1000000              | 1.00 ms",
        "43900000             | 43.9 ms",
        "123456789            | 123 ms",
        "1000000000           | 1.00 s",
        "2500000000           | 2.50 s",
        "61000000000          | 61.0 s",
        "3600000000000        | 3600 s",
        "-1                   | -1 ns",
        "-999                 | -999 ns",
        "-1234                | -1.23 \u00b5s",
        "-43900000            | -43.9 ms",
        "-2500000000          | -2.50 s",
        // Values that round up to the next power of ten must not gain a fourth digit, and must
        // move to the next unit when they reach 1000 of the current one.
        "9999                 | 10.0 \u00b5s",
        "99999                | 100 \u00b5s",
        "999999               | 1.00 ms",
        "999600               | 1.00 ms",
        "9999999              | 10.0 ms",
        "999999999            | 1.00 s",
        "-999999              | -1.00 ms",
      })
  void formatsWithThreeSignificantDigits(long nanos, String expected) {
    assertEquals(expected, Durations.nanos(nanos));
  }
}
