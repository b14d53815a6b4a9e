package org.mpjbench.launcher.cli;

import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjPorts;
import picocli.CommandLine.Option;

/**
 * The MPJ Express ports a niodev or hybdev run uses: its daemons', their port managers' and its
 * starter's. The same three options on {@code run}, {@code sweep} and {@code bench}, which hand
 * them on to each run, so that two jobs (two users', two Slurm jobs on one node) each name their
 * own. A run's {@code RunSettings} checks them.
 */
final class PortOptions {
  @Option(
      names = "--daemon-port",
      paramLabel = "PORT",
      defaultValue = "" + MpjDaemon.DEFAULT_PORT,
      description = "niodev, hybdev: port of the MPJ daemons (default: ${DEFAULT-VALUE}).")
  int daemonPort;

  @Option(
      names = "--port-manager-port",
      paramLabel = "PORT",
      defaultValue = "" + MpjPorts.DEFAULT_PORT_MANAGER,
      description = "niodev, hybdev: port of the daemons' port managers, as they were started with"
          + " (default: ${DEFAULT-VALUE}, MPJ's).")
  int portManagerPort;

  @Option(
      names = "--starter-port",
      paramLabel = "PORT",
      defaultValue = "" + MpjPorts.DEFAULT_STARTER,
      description = "niodev, hybdev: port on which the run's MPJ starter collects the ranks"
          + " (default: ${DEFAULT-VALUE}, MPJ's); runs on other ports run side by side.")
  int starterPort;

  /** The port-manager and starter ports MPJ is given (checked: the message names the option). */
  MpjPorts mpjPorts() {
    return new MpjPorts(portManagerPort, starterPort);
  }
}
