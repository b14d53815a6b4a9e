package org.mpjbench.kernels.mpi;

import mpi.Intracomm;
import mpi.MPIException;
import mpi.Status;

/**
 * {@code Iprobe} made safe on MPJ Express 0.44's multicore device. That device keeps the pending
 * sends of all ranks in one shared {@code HashMap} whose keys all hash alike, so the map is a
 * single bin that becomes a tree once a few sends wait; sends and receives change it holding the
 * lock {@code xdev.smpdev.SMPDeviceImpl.class}, but its {@code iprobe} reads it without that
 * lock. A probe that meets the tree in the middle of a change can recurse until {@link
 * StackOverflowError}: rare in one run, it failed {@code mpjbench bench} (thousands of kernel runs
 * in one JVM). Probing under the same lock closes the race. On other devices the class is absent
 * or unused, and the lock costs an uncontended monitor.
 */
public final class Probe {
  /** MPJ's multicore device lock: every rank's class loader resolves the one shared class. */
  private static final Object DEVICE_LOCK = deviceLock("xdev.smpdev.SMPDeviceImpl");

  private Probe() {}

  /** {@code comm.Iprobe(source, tag)} under the multicore device's lock. */
  public static Status iprobe(Intracomm comm, int source, int tag) throws MPIException {
    synchronized (DEVICE_LOCK) {
      return comm.Iprobe(source, tag);
    }
  }

  /** The class named {@code deviceClass} as a lock, or a lock of our own when it is absent. */
  static Object deviceLock(String deviceClass) {
    try {
      return Class.forName(deviceClass, false, Probe.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return new Object();
    }
  }
}
