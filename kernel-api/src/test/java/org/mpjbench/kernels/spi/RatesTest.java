package org.mpjbench.kernels.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Rates#perSecond}: three significant digits, thousands separated. */
class RatesTest {
  @Test
  void ratesAreReadable() {
    assertEquals("4.75", Rates.perSecond(4.751));
    assertEquals("47.5", Rates.perSecond(47.51));
    assertEquals("4,751", Rates.perSecond(4751.2));
  }
}
