package org.mpjbench.kernels.mpi;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** {@link Probe}'s lock: the device class itself when it is there, a lock of its own otherwise. */
class ProbeTest {
  @Test
  void theLockIsTheNamedClassSoThatMpjsOwnSynchronizedBlocksShareIt() {
    assertSame(String.class, Probe.deviceLock("java.lang.String"));
  }

  @Test
  void withoutTheMulticoreDeviceAnyLockDoes() {
    assertNotNull(Probe.deviceLock("xdev.smpdev.NoSuchDevice"));
  }
}
