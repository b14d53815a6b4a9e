package org.mpjbench.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mpjbench.kernels.control.FaultInjection;
import org.mpjbench.kernels.spi.HostName;
import org.mpjbench.launcher.mpj.Device;
import org.mpjbench.launcher.settings.ProjectFolders;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every {@code run <kernel>} takes: how many ranks, where, and how long at most. */
public final class RunOptions {
  /** A week: longer bounds are typos, and would overflow when turned into nanoseconds. */
  static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;

  @Option(
      names = "-np",
      paramLabel = "N",
      defaultValue = "4",
      description = "Number of MPJ ranks (default: ${DEFAULT-VALUE}).")
  int ranks;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "multicore",
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
      defaultValue = "300",
      description = "Stop the run and fail after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--startup-timeout-s",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Fail when the ranks have not all started after this long (default: ${DEFAULT-VALUE}).")
  long startupTimeoutSeconds;

  @Option(
      names = "--silence-timeout-s",
      paramLabel = "SECONDS",
      defaultValue = "30",
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

  /** Bytes of artifacts the run will store beside its result (the download's copy of the file). */
  long artifactBytes;

  /** The device, checked. */
  Device parsedDevice() {
    return device(device);
  }

  /** The device named {@code device}, or an exception naming --device. */
  static Device device(String device) {
    return switch (device.toLowerCase(Locale.ROOT)) {
      case "multicore" -> Device.MULTICORE;
      case "niodev" -> Device.NIODEV;
      case "hybdev" -> Device.HYBDEV;
      default -> throw new IllegalArgumentException(
          "--device must be multicore, niodev or hybdev, got '" + device + "'");
    };
  }

  /** The fault to inject, or null. */
  FaultInjection parsedFault() {
    return injectFault == null ? null : FaultInjection.parse(injectFault);
  }

  /** Checks the values that do not depend on the kernel; the message names the option. */
  void validate() {
    if (ranks < 1) {
      throw new IllegalArgumentException("-np must be at least 1, got " + ranks);
    }
    if (ranks > 256) {
      throw new IllegalArgumentException("-np must be at most 256, got " + ranks);
    }
    Device parsed = parsedDevice();
    ports.validate();
    if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("--timeout-s must be 1 to " + MAX_TIMEOUT_SECONDS
          + " (a week), got " + timeoutSeconds);
    }
    if (startupTimeoutSeconds < 1 || startupTimeoutSeconds > MAX_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("--startup-timeout-s must be 1 to " + MAX_TIMEOUT_SECONDS
          + ", got " + startupTimeoutSeconds);
    }
    if (silenceTimeoutSeconds < 2 || silenceTimeoutSeconds > 3_600) {
      throw new IllegalArgumentException("--silence-timeout-s must be 2 to 3600, got "
          + silenceTimeoutSeconds);
    }
    if (machines != null && !parsed.usesDaemons()) {
      throw new IllegalArgumentException("--machines needs --device niodev or hybdev");
    }
    FaultInjection fault = parsedFault();
    if (fault != null && fault.rank() >= ranks) {
      throw new IllegalArgumentException("--inject-fault names rank " + fault.rank()
          + ", but the run has only ranks 0 to " + (ranks - 1));
    }
    if (verbose && quiet) {
      throw new IllegalArgumentException("--verbose and --quiet exclude each other");
    }
    requireFolder("--mpj-home", mpjHome);
    if (controlHost != null) {
      HostName.require("--control-host", controlHost);
    }
  }

  /**
   * An explicit folder option names an existing folder (a missing one is a typo, not missing
   * set-up); null, the option's absence, passes.
   */
  static void requireFolder(String option, Path folder) {
    if (folder != null && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(option + " " + folder
          + (Files.exists(folder) ? " is not a folder" : " does not exist"));
    }
  }

  /** The results folder: --results, else results/ of the project, else ./results. */
  Path resultsDirectory() {
    if (results != null) {
      return results;
    }
    return ProjectFolders.results();
  }
}
