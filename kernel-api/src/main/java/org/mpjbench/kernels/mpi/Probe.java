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
 *
 * <p>MPJ Express 0.44's hybdev device cannot probe {@code ANY_SOURCE}: {@code HYBDevice.isLocal}
 * looks the wildcard up among the ranks and throws {@code NullPointerException}. On hybdev (said
 * by {@link #useDevice}, once per rank before the kernel runs) a wildcard probe asks each rank in
 * turn, starting after the rank the last match came from, so that no sender is starved.
 */
public final class Probe {
  /** MPJ's multicore device lock: every rank's class loader resolves the one shared class. */
  private static final Object DEVICE_LOCK = deviceLock("xdev.smpdev.SMPDeviceImpl");

  /** Whether a wildcard probe must ask each rank (hybdev); per rank, as each has its loader. */
  private static volatile boolean wildcardBySource;
  /** Where the next wildcard probe by source starts. */
  private static int nextSource;

  private Probe() {}

  /**
   * Tells the probe which MPJ device this rank runs on: the word MPJ's starter passes to every
   * rank ({@code smpdev}, {@code niodev}, {@code hybdev}).
   */
  public static void useDevice(String mpjDevice) {
    wildcardBySource = "hybdev".equals(mpjDevice);
  }

  /** {@code comm.Iprobe(source, tag)} under the multicore device's lock. */
  public static Status iprobe(Intracomm comm, int source, int tag) throws MPIException {
    if (source == mpi.MPI.ANY_SOURCE && wildcardBySource) {
      return iprobeEach(comm, tag);
    }
    synchronized (DEVICE_LOCK) {
      return comm.Iprobe(source, tag);
    }
  }

  private static Status iprobeEach(Intracomm comm, int tag) throws MPIException {
    int size = comm.Size();
    for (int i = 0; i < size; i++) {
      int source = (nextSource + i) % size;
      Status status;
      synchronized (DEVICE_LOCK) {
        status = comm.Iprobe(source, tag);
      }
      if (status != null) {
        nextSource = (source + 1) % size;
        return status;
      }
    }
    return null;
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
