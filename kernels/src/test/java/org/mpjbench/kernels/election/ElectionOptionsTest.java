package org.mpjbench.kernels.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of the election kernels' {@code --crash} parsing. */
class ElectionOptionsTest {
  @Test
  void crashRanksAreParsedWithNoneAndTheDefaultApart() {
    assertNull(ElectionOptions.crashRanks(null), "absent: the default (highest rank)");
    assertEquals(List.of(), ElectionOptions.crashRanks("none"));
    assertEquals(List.of(), ElectionOptions.crashRanks(""));
    assertEquals(List.of(1, 3), ElectionOptions.crashRanks("1, 3"));
  }

  @Test
  void aBadCrashListNamesTheOption() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ElectionOptions.crashRanks("1,,3"));
    assertTrue(e.getMessage().startsWith("--crash takes ranks"), e.getMessage());
  }
}
