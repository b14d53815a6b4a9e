package org.mpjbench.launcher.results;

import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.mpj.Device;
import org.mpjbench.launcher.mpj.MachinesFile;
import org.mpjbench.launcher.mpj.MpjHome;

/** Describes the machine a run is launched from. */
public final class Environments {
  private Environments() {}

  /**
   * The environment of a run on {@code device} (machines, daemon port and the protocol switch
   * limit, when one was set, for niodev and hybdev only).
   */
  public static RunRecord.Environment describe(
      MpjHome home, Device device, MachinesFile machines, int daemonPort,
      Integer protocolSwitchBytes) {
    boolean cluster = device.usesDaemons();
    return RunRecord.Environment.here(home.version(), home.path().toString(),
        cluster ? machines.hosts() : null, cluster ? daemonPort : null,
        cluster ? protocolSwitchBytes : null);
  }

  /** This host's name, or "unknown-host". */
  public static String hostName() {
    return RunRecord.Environment.localHost();
  }
}
