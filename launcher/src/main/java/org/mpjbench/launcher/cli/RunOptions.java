package org.mpjbench.launcher.cli;

import java.nio.file.Path;
import org.mpjbench.kernels.control.FaultInjection;
import org.mpjbench.launcher.runs.RunSettings;
import org.mpjbench.launcher.settings.ProjectFolders;
import org.mpjbench.launcher.settings.RunDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every {@code run <kernel>} takes: how many ranks, where, and how long at most. */
public final class RunOptions {
  @Option(
      names = "-np",
      paramLabel = "N",
      defaultValue = "" + RunDefaults.RANKS,
      description = "Number of MPJ ranks (default: ${DEFAULT-VALUE}).")
  int ranks;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = RunDefaults.DEVICE,
      description =
          "multicore (one machine, ranks are threads of one JVM), niodev (a cluster: one JVM per"
              + " rank, started by the MPJ daemon of each host) or hybdev (one JVM per host, its"
              + " ranks threads). Default: ${DEFAULT-VALUE}.")
  String device;

  @Option(
      names = "--machines",
      paramLabel = "FILE",
      description =
          "niodev: hosts, one per line (# comments allowed). Default: localhost, with a daemon"
              + " started for the run when none is running.")
  Path machines;

  @CommandLine.Mixin PortOptions ports;

  @Option(
      names = "--control-host",
      paramLabel = "HOST",
      description =
          "Address the ranks use to report back to this launcher (default: loopback when every"
              + " rank runs here, else this host's address toward the first remote host).")
  String controlHost;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "Folder for the JSON result file (default: results/ of the project).")
  Path results;

  @Option(
      names = "--timeout-s",
      paramLabel = "SECONDS",
      defaultValue = "" + RunDefaults.TIMEOUT_SECONDS,
      description = "Stop the run and fail after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--startup-timeout-s",
      paramLabel = "SECONDS",
      defaultValue = "" + RunDefaults.STARTUP_TIMEOUT_SECONDS,
      description = "Fail when the ranks have not all started after this long (default: ${DEFAULT-VALUE}).")
  long startupTimeoutSeconds;

  @Option(
      names = "--silence-timeout-s",
      paramLabel = "SECONDS",
      defaultValue = "" + RunDefaults.SILENCE_TIMEOUT_SECONDS,
      description = "Fail the run, naming the rank and its host, when a rank has sent nothing (not"
          + " even its heartbeat, 5 per time-out) for this long: a cut link or a vanished host."
          + " Ranks halt after hearing nothing from the launcher as long (default:"
          + " ${DEFAULT-VALUE}).")
  long silenceTimeoutSeconds;

  @Option(
      names = "--mpj-home",
      paramLabel = "DIR",
      description = "MPJ Express home (default: $MPJ_HOME when it holds a working MPJ Express 0.44,"
          + " else the one scripts/setup assembles).")
  Path mpjHome;

  @Option(
      names = "--inject-fault",
      paramLabel = "RANK:KIND",
      description =
          "For trying the failure handling: make RANK fail (throw), hang (stall silently) or exit"
              + " (its JVM halts) before the kernel starts, e.g. 2:fail.")
  String injectFault;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description =
          "Append every event of the run (ranks starting, each progress record, the result,"
              + " failures, ranks finishing, and every rank's algorithm steps: messages sent and"
              + " received, critical sections, deliveries...) to FILE as one JSON object per line,"
              + " flushed as it happens, so that another process can follow it (tail -f).")
  Path trace;

  @Option(
      names = {"-v", "--verbose"},
      description = "Echo the MPJ runtime's own output.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the summary (no progress bar, no notes).")
  boolean quiet;

  /**
   * The settings these options give.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  RunSettings settings() {
    return new RunSettings(ranks, RunSettings.device(device), machines, ports.daemonPort,
        ports.mpjPorts(), ports.protocolSwitchBytes, controlHost, results != null ? results : ProjectFolders.results(),
        timeoutSeconds, startupTimeoutSeconds, silenceTimeoutSeconds, mpjHome,
        injectFault == null ? null : FaultInjection.parse(injectFault), trace, verbose, quiet)
        .validate();
  }
}
