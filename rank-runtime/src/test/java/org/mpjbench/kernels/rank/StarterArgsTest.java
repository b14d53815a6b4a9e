package org.mpjbench.kernels.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StarterArgsTest {
  /** The words MPJ's starter puts first: rank, configuration, device. */
  private static String[] startedOn(String device) {
    return new String[] {"0", "/tmp/mpjdev.conf", device, "berkeley"};
  }

  @Test
  void theDeviceIsTheThirdWord() {
    assertEquals("niodev", StarterArgs.device(startedOn("niodev")));
    assertNull(StarterArgs.device(new String[] {"0", "conf"}));
  }

  @Test
  void aMulticoreRankDoesNotWaitForTheStarter() throws Exception {
    long start = System.nanoTime();
    StarterArgs.awaitStarter(startedOn("smpdev"));
    StarterArgs.awaitStarter(new String[0]);
    assertTrue(System.nanoTime() - start < StarterArgs.STARTER_GRACE.toNanos() / 2,
        "multicore ranks are started by the starter itself: no wait");
  }

  @Test
  void aRankADaemonStartedGivesTheStarterItsGrace() throws Exception {
    for (String device : new String[] {"niodev", "hybdev"}) {
      long start = System.nanoTime();
      StarterArgs.awaitStarter(startedOn(device));
      assertTrue(System.nanoTime() - start >= StarterArgs.STARTER_GRACE.toNanos(), device);
    }
  }
}
