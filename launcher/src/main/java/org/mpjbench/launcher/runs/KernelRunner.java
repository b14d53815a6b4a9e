package org.mpjbench.launcher.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.results.Preflight;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.cluster.VirtualCluster;
import org.mpjbench.launcher.job.JobOutcome;
import org.mpjbench.launcher.job.JobRunner;
import org.mpjbench.launcher.job.JobSpec;
import org.mpjbench.launcher.job.RankClasspath;
import org.mpjbench.launcher.mpj.DaemonLogs;
import org.mpjbench.launcher.mpj.Device;
import org.mpjbench.launcher.mpj.MachinesFile;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjHome;
import org.mpjbench.launcher.mpj.MpjPorts;
import org.mpjbench.launcher.mpj.StarterLock;
import org.mpjbench.launcher.results.Environments;

/**
 * One run from settings to result file: checks everything that can be checked before a rank
 * starts, starts (and afterwards stops) a daemon when a local niodev run needs one, runs the job,
 * writes the result (partial when the run did not complete, even on Ctrl-C), and returns the
 * outcome with the summary. It prints only notes (unless quiet) and, when the result cannot be
 * written, the record itself; the commands print the outcome.
 */
final class KernelRunner {
  private final RunSettings options;
  private final String program;
  /** The class that makes the program, for the start order; null: the ranks look it up. */
  private final String factoryClass;
  private final PrintWriter err;
  private final ResultWriter writer;
  private final Device device;
  private final MachinesFile machines;
  private final MpjHome home;
  /**
   * What MPJ is given: {@link #home}, or for a daemon device with other ports than its
   * configuration's, a port home that names them ({@link MpjPorts}).
   */
  private final MpjHome runtimeHome;
  private final ControlAddress control;

  /**
   * Checks everything that does not depend on the kernel's parameters and works out where the
   * ranks will reach this launcher. {@code program} is the kernel's name, or the name of another
   * rank program (the JMH harness); {@code factoryClass} the class that makes it, named to the
   * ranks (null: they find it by name); {@code artifactBytes} what the run will store beside its
   * result (checked to fit); {@code err} takes the notes.
   *
   * @throws IllegalArgumentException for bad input (a command exits with 2), naming the option
   * @throws UserError for missing set-up (exit code 1)
   */
  KernelRunner(RunSettings options, String program, String factoryClass, long artifactBytes,
      PrintWriter err) {
    this.options = options.validate();
    this.program = program;
    this.factoryClass = factoryClass;
    this.err = err;
    this.writer = new ResultWriter(options.results());
    device = options.device();
    machines =
        device.usesDaemons()
            ? (options.machines() == null
                ? MachinesFile.localhost()
                : MachinesFile.read(options.machines()))
            : null;
    if (machines != null) {
      machines.checkResolvable();
    }
    if (options.trace() != null) {
      Preflight.file("--trace", options.trace(), Preflight.MIN_FREE_BYTES);
    }
    writer.checkWritable(artifactBytes);
    control = controlAddress(device, machines);
    try {
      home = MpjHome.resolve(options.mpjHome());
    } catch (IllegalStateException e) {
      throw new UserError(UserError.FAILED, e.getMessage());
    }
    try {
      runtimeHome = device.usesDaemons() ? options.mpjPorts().applyTo(home) : home;
    } catch (IOException e) {
      throw new UserError(UserError.FAILED, "cannot make the MPJ configuration with ports "
          + options.mpjPorts() + ": " + e.getMessage());
    }
  }

  /** The local address the ranks reach this host at (a server for the ranks binds here). */
  InetAddress rankFacingAddress() {
    return control.bind();
  }

  /** The same address as the ranks should name it. */
  String rankFacingHost() {
    return control.host();
  }

  /**
   * Runs the program with {@code parameters}, showing {@code progress} on a terminal, and returns
   * the outcome with rank 0's result as {@code resultType}.
   *
   * @throws UserError when the run cannot start (a daemon or the starter's port missing)
   * @throws IOException when the finished run's record cannot be read back
   */
  <R> RunOutcome<R> execute(Object parameters, Runs.Progress progress, Class<R> resultType,
      Runs.Summary report) throws IOException {
    if (!device.usesDaemons()) {
      return executeJob(parameters, progress, resultType, report);
    }
    // One niodev job per starter port on this host (see StarterLock).
    StarterLock starter;
    try {
      starter = StarterLock.acquire(options.mpjPorts().starter(), "mpjbench run " + program
          + " -np " + options.ranks(), Duration.ofSeconds(options.startupTimeoutSeconds()),
          this::note);
    } catch (IllegalStateException e) {
      throw new UserError(UserError.FAILED, e.getMessage());
    }
    try (starter) {
      return executeJob(parameters, progress, resultType, report);
    }
  }

  private <R> RunOutcome<R> executeJob(Object parameters, Runs.Progress progress,
      Class<R> resultType, Runs.Summary report) throws IOException {
    JsonNode parametersJson = ControlCodec.toTree(parameters);
    MpjDaemon daemon = device.usesDaemons() ? ensureDaemons() : null;
    JobSpec spec =
        new JobSpec(
            program,
            factoryClass,
            parametersJson,
            options.ranks(),
            device,
            machines,
            options.daemonPort(),
            options.protocolSwitchBytes(),
            runtimeHome,
            RankClasspath.entries(),
            control.bind(),
            control.host(),
            Duration.ofSeconds(options.startupTimeoutSeconds()),
            Duration.ofSeconds(options.timeoutSeconds()),
            options.fault(),
            options.trace(),
            Duration.ofSeconds(options.silenceTimeoutSeconds()),
            device.usesDaemons() ? daemonLogs() : DaemonLogs.none(),
            options.results().toAbsolutePath());
    JobRunner runner = new JobRunner(options.verbose() ? System.err : null)
        .whileStarting(() -> warmUp(parametersJson));
    CountDownLatch recordWritten = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              runner.interrupt(Duration.ofSeconds(20));
              awaitQuietly(recordWritten, Duration.ofSeconds(10));
            },
            "mpjbench-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    Instant startTime = Instant.now();
    JobOutcome outcome;
    try (ProgressBar bar = progressBar(progress.total())) {
      outcome = runner.run(spec, record -> {
        if (bar != null) {
          bar.stepTo(progress.position().applyAsLong(record));
        }
      });
    } finally {
      if (daemon != null) {
        daemon.stop();
      }
    }
    RunRecord record = record(outcome, parametersJson, startTime);
    try {
      Path file;
      try {
        file = writer.write(record, outcome.artifacts());
      } catch (IOException e) {
        return resultNotWritten(outcome.status(), record, e);
      }
      return conclude(outcome, record, file, resultType, report);
    } finally {
      recordWritten.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down already (Ctrl-C): the hook is running and waits for us.
      }
    }
  }

  private <R> RunOutcome<R> conclude(JobOutcome outcome, RunRecord record, Path file,
      Class<R> resultType, Runs.Summary report) throws IOException {
    if (outcome.status() == JobOutcome.Status.COMPLETE) {
      RunRecord written = ResultWriter.read(file);
      List<String> summary = new ArrayList<>(report.lines(written, file));
      if (!home.isAssembled()) {
        summary.add("  mpj home      " + home.path() + " (MPJ Express " + home.version() + ")");
      }
      return new RunOutcome<>(outcome.status(), written, file,
          ControlCodec.fromTree(written.result(), resultType), List.copyOf(summary), null);
    }
    return new RunOutcome<>(outcome.status(), record, file, null, List.of(), program + " "
        + outcome.status().jsonName() + ": " + outcome.failure().message());
  }

  /**
   * The disk filled up (or the folder went away) during the run: the record goes to stderr as one
   * line of JSON rather than nowhere, and the run fails whatever its outcome.
   */
  private <R> RunOutcome<R> resultNotWritten(JobOutcome.Status status, RunRecord record,
      IOException e) throws IOException {
    String problem = program + " " + record.status() + ", but its result could not be written to "
        + Runs.display(options.results()) + " (" + Preflight.describe(e) + "); the result record"
        + " follows on stderr, one line of JSON: save it from there";
    err.println("mpjbench: " + problem);
    err.println(ResultWriter.toJsonLine(record));
    err.flush();
    return new RunOutcome<>(status, record, null, null, List.of(), problem);
  }

  private RunRecord record(JobOutcome outcome, JsonNode parameters, Instant startTime) {
    boolean complete = outcome.status() == JobOutcome.Status.COMPLETE;
    return new RunRecord(
        RunRecord.SCHEMA,
        outcome.status().jsonName(),
        !complete,
        program,
        options.ranks(),
        device.mpjName(),
        parameters,
        startTime,
        outcome.wallTime().toNanos() / 1e9,
        Environments.describe(home, device, machines, options.daemonPort(),
            options.protocolSwitchBytes()),
        outcome.rankHosts(),
        complete ? outcome.result() : null,
        complete ? null : outcome.progress(),
        outcome.failure(),
        null);
  }

  /**
   * The launcher's own first uses of Jackson, made while the rank JVM starts instead of on the
   * run's path: decoding the ranks' hellos and encoding their start order, then writing and
   * reading back a record shaped like this run's (docs/startup.md).
   */
  private void warmUp(JsonNode parameters) {
    ControlCodec.warmUp();
    try {
      ResultWriter.warmUp(new RunRecord(RunRecord.SCHEMA, JobOutcome.Status.COMPLETE.jsonName(),
          false, program, options.ranks(), device.mpjName(), parameters, Instant.now(), 0.0,
          Environments.describe(home, device, machines, options.daemonPort(),
            options.protocolSwitchBytes()),
          Map.of(0, new RunRecord.RankHost("localhost", 1)), parameters, null, null, null));
    } catch (RuntimeException e) {
      // Only time is at stake: the run's own record meets the same problem and reports it.
    }
  }

  /**
   * For niodev: on this host, uses a running daemon or starts one for the run (returned, to be
   * stopped); on remote hosts, checks that every daemon answers before any rank starts.
   */
  private MpjDaemon ensureDaemons() throws IOException {
    int port = options.daemonPort();
    if (machines.allLocal()) {
      if (MpjDaemon.isListening("127.0.0.1", port, Duration.ofMillis(500))) {
        note("using the MPJ daemon already listening on port " + port);
        return null;
      }
      Path log = Files.createTempFile("mpjbench-daemon-", ".log");
      MpjDaemon daemon;
      try {
        daemon = MpjDaemon.start(runtimeHome, port, false, log);
      } catch (IOException e) {
        throw new UserError(UserError.FAILED, "cannot start an MPJ daemon: " + e.getMessage());
      }
      Files.deleteIfExists(log); // it started: the log has nothing to explain
      note("started an MPJ daemon (pid " + daemon.pid() + ", port " + port
          + ", listening on every interface, without authentication) for this run; it stops when"
          + " the run ends");
      return daemon;
    }
    for (String host : machines.distinctHosts()) {
      if (!MpjDaemon.isListening(host, port, Duration.ofSeconds(3))) {
        throw new UserError(UserError.FAILED, "no MPJ daemon answers at " + host + ":" + port
            + "; start one on that host (mpjbench cluster start --daemon-port " + port
            + (options.mpjPorts().equals(MpjPorts.DEFAULTS) ? "" : " --port-manager-port "
                + options.mpjPorts().portManager()) + ")");
      }
    }
    return null;
  }

  /**
   * The logs of the daemons of the machines file that this host can read: those of a test host of
   * {@code cluster up}, and those {@code cluster start} writes under a home the hosts share.
   */
  private DaemonLogs daemonLogs() {
    Map<String, Path> logs = new LinkedHashMap<>();
    java.util.Set<String> wanted = new java.util.HashSet<>(machines.distinctHosts());
    VirtualCluster.recall().ifPresent(cluster -> cluster.hosts().stream()
        .filter(h -> wanted.contains(h.address()) || wanted.contains(h.name()))
        .forEach(h -> logs.put(h.name(), VirtualCluster.daemonLog(h))));
    for (String host : machines.distinctHosts()) {
      String name = MachinesFile.isLocal(host) ? Environments.hostName() : host;
      logs.putIfAbsent(name, MpjDaemon.logFile(name, options.daemonPort()));
    }
    return new DaemonLogs(logs);
  }

  private record ControlAddress(InetAddress bind, String host) {}

  private ControlAddress controlAddress(Device device, MachinesFile machines) {
    // Runs in the constructor: everything it needs is passed in.
    try {
      if (options.controlHost() != null) {
        InetAddress address = InetAddress.getByName(options.controlHost());
        if (!address.isLoopbackAddress() && NetworkInterface.getByInetAddress(address) == null) {
          throw new IllegalArgumentException(
              "--control-host " + options.controlHost() + " is not an address of this host");
        }
        return new ControlAddress(address, options.controlHost());
      }
      if (device == Device.MULTICORE || machines.allLocal()) {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        return new ControlAddress(loopback, "127.0.0.1");
      }
      // The local address the kernel would use toward the first remote host (no packet is sent).
      String remote = machines.hosts().stream().filter(h -> !MachinesFile.isLocal(h))
          .findFirst().orElseThrow();
      try (DatagramSocket probe = new DatagramSocket()) {
        probe.connect(new InetSocketAddress(remote, options.daemonPort()));
        InetAddress local = probe.getLocalAddress();
        return new ControlAddress(local, local.getHostAddress());
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          (options.controlHost() != null ? "--control-host: " : "") + "unknown host "
              + e.getMessage());
    } catch (SocketException e) {
      throw new UserError(UserError.FAILED, "cannot find a local address for the ranks to reach: "
          + e.getMessage());
    }
  }

  private ProgressBar progressBar(long total) {
    if (options.quiet() || System.console() == null || total <= 1) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName(program)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(200)
        .build();
  }

  private void note(String message) {
    if (!options.quiet()) {
      err.println("mpjbench: " + message);
      err.flush();
    }
  }

  private static void awaitQuietly(CountDownLatch latch, Duration wait) {
    try {
      latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
