package org.mpjbench.launcher.cli;

import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjPorts;
import picocli.CommandLine.Option;

/**
 * What a niodev or hybdev run hands to MPJ Express: the ports it uses (its daemons', their port
 * managers' and its starter's), so that two jobs (two users', two Slurm jobs on one node) each name
 * their own, and the protocol switch limit. The same options on {@code run}, {@code sweep} and
 * {@code bench}, which hand them on to each run. A run's {@code RunSettings} checks them.
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

  @Option(
      names = "--protocol-switch-bytes",
      paramLabel = "BYTES",
      description = "niodev, hybdev: MPJ's protocol switch limit (mpjrun's -psl): a message"
          + " larger than this goes by rendezvous (a request, then the data), a smaller one"
          + " eagerly (default: MPJ's, 131072).")
  Integer protocolSwitchBytes;

  /** The port-manager and starter ports MPJ is given (checked: the message names the option). */
  MpjPorts mpjPorts() {
    return new MpjPorts(portManagerPort, starterPort);
  }
}
