package org.mpjbench.launcher.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mpjbench.kernels.control.FaultInjection;
import org.mpjbench.kernels.spi.HostName;
import org.mpjbench.launcher.mpj.Device;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjPorts;
import org.mpjbench.launcher.settings.ProjectFolders;
import org.mpjbench.launcher.settings.RunDefaults;

/**
 * How one run is made, whatever the kernel: how many ranks on which device and hosts, the MPJ
 * ports, where the result goes and how long the run may take. The {@code run} command's options
 * turn into one; the sweep and Java callers build one with {@link #builder()}, which starts from
 * the defaults of {@link RunDefaults}. Messages about bad values name the command-line option, as
 * that is where users give them.
 *
 * @param ranks MPJ ranks
 * @param device the MPJ device
 * @param machines niodev and hybdev: the machines file; null for this host alone
 * @param daemonPort niodev and hybdev: the MPJ daemons' port
 * @param mpjPorts niodev and hybdev: the port managers' and the starter's ports
 * @param protocolSwitchBytes niodev and hybdev: MPJ's protocol switch limit (mpjrun's {@code
 *     -psl}: larger messages go by rendezvous), or null for MPJ's default
 * @param controlHost the address the ranks report to; null to work it out
 * @param results the folder of the result file
 * @param timeoutSeconds bound of the whole run
 * @param startupTimeoutSeconds bound of the ranks' start
 * @param silenceTimeoutSeconds how long a rank may send nothing before the run fails
 * @param mpjHome the MPJ Express home; null for $MPJ_HOME or the assembled one
 * @param fault a fault to inject, or null
 * @param trace the file the run's events are appended to, or null
 * @param verbose echo the MPJ runtime's output
 * @param quiet no progress bar and no notes
 */
public record RunSettings(
    int ranks,
    Device device,
    Path machines,
    int daemonPort,
    MpjPorts mpjPorts,
    Integer protocolSwitchBytes,
    String controlHost,
    Path results,
    long timeoutSeconds,
    long startupTimeoutSeconds,
    long silenceTimeoutSeconds,
    Path mpjHome,
    FaultInjection fault,
    Path trace,
    boolean verbose,
    boolean quiet) {

  /** The device named {@code device}, or an exception naming --device. */
  public static Device device(String device) {
    return switch (device.toLowerCase(Locale.ROOT)) {
      case "multicore" -> Device.MULTICORE;
      case "niodev" -> Device.NIODEV;
      case "hybdev" -> Device.HYBDEV;
      default -> throw new IllegalArgumentException(
          "--device must be multicore, niodev or hybdev, got '" + device + "'");
    };
  }

  /**
   * Checks every value; the one-line message names the option at fault.
   *
   * @throws IllegalArgumentException at the first bad value
   */
  public RunSettings validate() {
    if (ranks < 1) {
      throw new IllegalArgumentException("-np must be at least 1, got " + ranks);
    }
    if (ranks > RunDefaults.MAX_RANKS) {
      throw new IllegalArgumentException("-np must be at most " + RunDefaults.MAX_RANKS + ", got "
          + ranks);
    }
    requirePort(daemonPort);
    if (mpjPorts.portManager() == mpjPorts.starter()) {
      throw new IllegalArgumentException("--starter-port must differ from --port-manager-port,"
          + " both are " + mpjPorts.starter());
    }
    requireTimeout("--timeout-s", timeoutSeconds, " (a week)");
    requireTimeout("--startup-timeout-s", startupTimeoutSeconds, "");
    if (silenceTimeoutSeconds < 2 || silenceTimeoutSeconds > 3_600) {
      throw new IllegalArgumentException("--silence-timeout-s must be 2 to 3600, got "
          + silenceTimeoutSeconds);
    }
    if (machines != null && !device.usesDaemons()) {
      throw new IllegalArgumentException("--machines needs --device niodev or hybdev");
    }
    if (protocolSwitchBytes != null) {
      requireProtocolSwitch(protocolSwitchBytes);
      if (!device.usesDaemons()) {
        throw new IllegalArgumentException("--protocol-switch-bytes needs --device niodev or"
            + " hybdev (multicore has no eager and rendezvous protocols to switch between)");
      }
    }
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
    return this;
  }

  /** MPJ's protocol switch limit must be a message size MPJ can hold: 1 B to 1 GiB. */
  private static void requireProtocolSwitch(int bytes) {
    if (bytes < 1 || bytes > MAX_PROTOCOL_SWITCH_BYTES) {
      throw new IllegalArgumentException("--protocol-switch-bytes must be 1 to "
          + MAX_PROTOCOL_SWITCH_BYTES + ", got " + bytes);
    }
  }

  /** The largest protocol switch limit taken: 1 GiB (an eager message is buffered whole). */
  private static final int MAX_PROTOCOL_SWITCH_BYTES = 1 << 30;

  /** The daemon port's check, alone: the sweep and bench check it before their first run. */
  public static void requirePort(int daemonPort) {
    if (daemonPort < 1 || daemonPort > 65_535) {
      throw new IllegalArgumentException("--daemon-port must be 1 to 65535, got " + daemonPort);
    }
  }

  private static void requireTimeout(String option, long seconds, String what) {
    if (seconds < 1 || seconds > RunDefaults.MAX_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException(option + " must be 1 to "
          + RunDefaults.MAX_TIMEOUT_SECONDS + what + ", got " + seconds);
    }
  }

  /**
   * An explicit folder option names an existing folder (a missing one is a typo, not missing
   * set-up); null, the option's absence, passes.
   */
  public static void requireFolder(String option, Path folder) {
    if (folder != null && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(option + " " + folder
          + (Files.exists(folder) ? " is not a folder" : " does not exist"));
    }
  }

  /** A builder holding the defaults of {@link RunDefaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.ranks = ranks;
    builder.device = device;
    builder.machines = machines;
    builder.daemonPort = daemonPort;
    builder.mpjPorts = mpjPorts;
    builder.protocolSwitchBytes = protocolSwitchBytes;
    builder.controlHost = controlHost;
    builder.results = results;
    builder.timeoutSeconds = timeoutSeconds;
    builder.startupTimeoutSeconds = startupTimeoutSeconds;
    builder.silenceTimeoutSeconds = silenceTimeoutSeconds;
    builder.mpjHome = mpjHome;
    builder.fault = fault;
    builder.trace = trace;
    builder.verbose = verbose;
    builder.quiet = quiet;
    return builder;
  }

  /** Builds {@link RunSettings} from the defaults, one setting at a time. */
  public static final class Builder {
    private int ranks = RunDefaults.RANKS;
    private Device device = RunSettings.device(RunDefaults.DEVICE);
    private Path machines;
    private int daemonPort = MpjDaemon.DEFAULT_PORT;
    private MpjPorts mpjPorts = MpjPorts.DEFAULTS;
    private Integer protocolSwitchBytes;
    private String controlHost;
    private Path results = ProjectFolders.results();
    private long timeoutSeconds = RunDefaults.TIMEOUT_SECONDS;
    private long startupTimeoutSeconds = RunDefaults.STARTUP_TIMEOUT_SECONDS;
    private long silenceTimeoutSeconds = RunDefaults.SILENCE_TIMEOUT_SECONDS;
    private Path mpjHome;
    private FaultInjection fault;
    private Path trace;
    private boolean verbose;
    private boolean quiet;

    private Builder() {}

    /** MPJ ranks. */
    public Builder ranks(int ranks) {
      this.ranks = ranks;
      return this;
    }

    /** The MPJ device. */
    public Builder device(Device device) {
      this.device = device;
      return this;
    }

    /** The machines file (niodev, hybdev), or null for this host alone. */
    public Builder machines(Path machines) {
      this.machines = machines;
      return this;
    }

    /** The daemons' port and MPJ's other two ports. */
    public Builder ports(int daemonPort, MpjPorts mpjPorts) {
      this.daemonPort = daemonPort;
      this.mpjPorts = mpjPorts;
      return this;
    }

    /** MPJ's protocol switch limit (niodev, hybdev), or null for MPJ's default. */
    public Builder protocolSwitchBytes(Integer protocolSwitchBytes) {
      this.protocolSwitchBytes = protocolSwitchBytes;
      return this;
    }

    /** The address the ranks report to, or null to work it out. */
    public Builder controlHost(String controlHost) {
      this.controlHost = controlHost;
      return this;
    }

    /** The folder of the result file. */
    public Builder results(Path results) {
      this.results = results;
      return this;
    }

    /** Bounds of the run, of its start and of a rank's silence. */
    public Builder timeouts(long timeoutSeconds, long startupTimeoutSeconds,
        long silenceTimeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      this.startupTimeoutSeconds = startupTimeoutSeconds;
      this.silenceTimeoutSeconds = silenceTimeoutSeconds;
      return this;
    }

    /** Bound of the whole run. */
    public Builder timeoutSeconds(long timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      return this;
    }

    /** The MPJ Express home, or null for $MPJ_HOME or the assembled one. */
    public Builder mpjHome(Path mpjHome) {
      this.mpjHome = mpjHome;
      return this;
    }

    /** A fault to inject, or null. */
    public Builder fault(FaultInjection fault) {
      this.fault = fault;
      return this;
    }

    /** The file the run's events are appended to, or null. */
    public Builder trace(Path trace) {
      this.trace = trace;
      return this;
    }

    /** Echo the MPJ runtime's output. */
    public Builder verbose(boolean verbose) {
      this.verbose = verbose;
      return this;
    }

    /** No progress bar and no notes. */
    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    /**
     * The settings, checked.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    public RunSettings build() {
      return new RunSettings(ranks, device, machines, daemonPort, mpjPorts, protocolSwitchBytes,
          controlHost, results, timeoutSeconds, startupTimeoutSeconds, silenceTimeoutSeconds,
          mpjHome, fault, trace, verbose, quiet).validate();
    }
  }
}
