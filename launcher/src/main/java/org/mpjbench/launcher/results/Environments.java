package org.mpjbench.launcher.results;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.mpj.Device;
import org.mpjbench.launcher.mpj.MachinesFile;
import org.mpjbench.launcher.mpj.MpjHome;

/** Describes the machine a run is launched from. */
public final class Environments {
  private Environments() {}

  /** The environment of a run on {@code device} (machines and daemon port for niodev only). */
  public static RunRecord.Environment describe(
      MpjHome home, Device device, MachinesFile machines, int daemonPort) {
    boolean cluster = device == Device.NIODEV;
    return new RunRecord.Environment(
        hostName(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
        home.version(),
        home.path().toString(),
        cluster ? machines.hosts() : null,
        cluster ? daemonPort : null);
  }

  /** This host's name, or "unknown-host". */
  public static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
