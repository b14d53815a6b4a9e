package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mpjbench.launcher.cluster.VirtualCluster;
import org.mpjbench.launcher.mpj.MachinesFile;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjHome;
import org.mpjbench.launcher.results.Environments;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mpjbench cluster start|stop|status}: manages the MPJ daemon of this host for niodev runs
 * (a run also starts and stops one by itself when it needs one and none is running). Remote hosts
 * each start their own; {@code status} checks them all.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Manages the MPJ Express daemons that niodev runs need on every host.",
      "start/stop act on this host only; status checks every host of --machines.",
      "up/down build and remove a cluster of test hosts on this machine (network",
      "namespaces joined by a bridge, a daemon in each; root only); exec runs a",
      "command on one of them, link cuts or restores a host's network."
    },
    subcommands = {
      ClusterCommand.Start.class,
      ClusterCommand.Stop.class,
      ClusterCommand.Status.class,
      ClusterCommand.Up.class,
      ClusterCommand.Down.class,
      ClusterCommand.Exec.class,
      ClusterCommand.Link.class
    })
public final class ClusterCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "say start, stop, status, up, down, exec or link");
  }

  /** Options shared by the cluster subcommands. */
  static final class DaemonOptions {
    @Option(names = "--daemon-port", paramLabel = "PORT", defaultValue = "" + MpjDaemon.DEFAULT_PORT,
        description = "Port of the MPJ daemon (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mpj-home", paramLabel = "DIR",
        description = "MPJ Express home (default: $MPJ_HOME when it holds a working MPJ Express 0.44,"
          + " else the one scripts/setup assembles).")
    Path mpjHome;

    void validate(CommandLine commandLine) {
      if (port < 1 || port > 65_535) {
        throw new CommandLine.ParameterException(commandLine,
            "--daemon-port must be 1 to 65535, got " + port);
      }
      try {
        RunOptions.requireFolder("--mpj-home", mpjHome);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, e.getMessage());
      }
    }

    /**
     * This host's pid file for the daemon on {@code port}: named by host too, since the folder is
     * under the home, which a cluster's hosts often share.
     */
    Path pidFile() {
      return stateDirectory().resolve("daemon-" + Environments.hostName() + "-" + port + ".pid");
    }

    /** The name pid files had before they carried the host, so that such a daemon is found. */
    Path legacyPidFile() {
      return stateDirectory().resolve("daemon-" + port + ".pid");
    }

    /** The daemon {@code cluster start} started on this host on {@code port}, if it runs. */
    Optional<MpjDaemon> running() {
      return MpjDaemon.recall(pidFile(), port).or(() -> MpjDaemon.recall(legacyPidFile(), port));
    }

    /** Deletes this host's pid files of the daemon on {@code port} (ours only). */
    void forget() throws IOException {
      MpjDaemon.forget(pidFile());
      if (MpjDaemon.recall(legacyPidFile(), port).isEmpty()) {
        MpjDaemon.forget(legacyPidFile()); // a stale one; another host's live one stays
      }
    }

    Path logFile() {
      return logFile(Environments.hostName(), port);
    }

    /** The log of the daemon {@code cluster start} started on {@code host}, on {@code port}. */
    static Path logFile(String host, int port) {
      return stateDirectory().resolve("daemon-" + host + "-" + port + ".log");
    }

    private static Path stateDirectory() {
      return MpjHome.defaultPath().getParent().resolve("daemons");
    }
  }

  /**
   * With {@code --machines}: this host must be among them, as start and stop act on this host's
   * daemon only ({@code verb} says which, for the message).
   */
  private static void requireThisHostIn(CommandLine.Model.CommandSpec spec, Path machines,
      String verb) {
    if (machines != null
        && readMachines(spec, machines).hosts().stream().noneMatch(MachinesFile::isLocal)) {
      throw new UserError(UserError.USAGE, "no host of " + machines + " is this host; " + verb
          + " the daemon of each of them there (mpjbench cluster " + verb + ")");
    }
  }

  /** {@code cluster start}. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Starts the MPJ daemon on this host; it keeps running until 'cluster stop'.")
  static final class Start implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DaemonOptions daemon;

    @Option(names = "--machines", paramLabel = "FILE",
        description = "Only checks that this host is among the machines.")
    Path machines;

    @Override
    public Integer call() throws IOException {
      daemon.validate(spec.commandLine());
      PrintWriter out = spec.commandLine().getOut();
      requireThisHostIn(spec, machines, "start");
      Optional<MpjDaemon> running = daemon.running();
      if (running.isPresent()) {
        out.println("MPJ daemon already running: pid " + running.get().pid() + ", port "
            + daemon.port);
        return 0;
      }
      MpjHome home = resolveHome(daemon.mpjHome);
      MpjDaemon started;
      try {
        started = MpjDaemon.start(home, daemon.port, true, daemon.logFile());
      } catch (IOException e) {
        throw new UserError(UserError.FAILED, "cannot start the MPJ daemon: " + e.getMessage());
      }
      started.remember(daemon.pidFile());
      out.println("MPJ daemon started: pid " + started.pid() + ", port " + daemon.port + ", log "
          + daemon.logFile());
      return 0;
    }
  }

  /** {@code cluster stop}. */
  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stops the MPJ daemon that 'cluster start' started on this host, and every"
          + " rank JVM it left running.")
  static final class Stop implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DaemonOptions daemon;

    @Option(names = "--machines", paramLabel = "FILE",
        description = "Only checks that this host is among the machines, as start does.")
    Path machines;

    @Override
    public Integer call() throws IOException {
      daemon.validate(spec.commandLine());
      PrintWriter out = spec.commandLine().getOut();
      requireThisHostIn(spec, machines, "stop");
      Optional<MpjDaemon> running = daemon.running();
      if (running.isEmpty()) {
        daemon.forget();
        boolean someoneListens =
            MpjDaemon.isListening("127.0.0.1", daemon.port, Duration.ofMillis(500));
        out.println("no MPJ daemon started by mpjbench is running on port " + daemon.port
            + (someoneListens ? " (something else listens there; not ours to stop)" : ""));
        return 0;
      }
      long pid = running.get().pid();
      running.get().stop();
      daemon.forget();
      out.println("MPJ daemon stopped: pid " + pid + ", port " + daemon.port);
      return 0;
    }
  }

  /** {@code cluster status}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Shows, for every host, whether an MPJ daemon answers. Exit code 0 when all"
          + " do, 1 otherwise.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DaemonOptions daemon;

    @Option(names = "--machines", paramLabel = "FILE",
        description = "Hosts to check (default: this host).")
    Path machines;

    @Override
    public Integer call() {
      daemon.validate(spec.commandLine());
      PrintWriter out = spec.commandLine().getOut();
      if (machines == null && VirtualCluster.recall().isPresent()) {
        return VirtualCluster.status(out) ? 0 : UserError.FAILED;
      }
      MachinesFile file = machines == null ? MachinesFile.localhost() : readMachines(spec, machines);
      Optional<MpjDaemon> ours = daemon.running();
      boolean allUp = true;
      for (String host : file.distinctHosts()) {
        boolean up = MpjDaemon.isListening(host, daemon.port, Duration.ofSeconds(2));
        allUp &= up;
        String owner = MachinesFile.isLocal(host) && ours.isPresent()
            ? " (pid " + ours.get().pid() + ", started by mpjbench cluster start)" : "";
        out.printf("%-24s port %-5d %s%s%n", host, daemon.port,
            up ? "daemon answering" : "NO daemon answering", up ? owner : "");
      }
      return allUp ? 0 : UserError.FAILED;
    }
  }

  /** {@code cluster up}. */
  @Command(name = "up", mixinStandardHelpOptions = true,
      description = {
        "Builds N test hosts on this machine (root only): network namespaces h1..hN at",
        VirtualCluster.SUBNET + ".11.., joined by a bridge (this machine is "
            + VirtualCluster.GATEWAY + "), each with",
        "its own host name and MPJ daemon, plus a host 'srv' (" + VirtualCluster.SUBNET
            + ".2) for servers. Writes",
        "the machines file for run --device niodev --machines. Removed by 'cluster down'."
      })
  static final class Up implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DaemonOptions daemon;

    @Option(names = "--hosts", paramLabel = "N", required = true,
        description = "Number of MPJ hosts, 1 to " + VirtualCluster.MAX_HOSTS + ".")
    int hosts;

    @Override
    public Integer call() {
      daemon.validate(spec.commandLine());
      if (hosts < 1 || hosts > VirtualCluster.MAX_HOSTS) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--hosts must be 1 to " + VirtualCluster.MAX_HOSTS + ", got " + hosts);
      }
      if (!VirtualCluster.isRoot()) {
        throw new UserError(UserError.USAGE, "cluster up needs root (it creates network"
            + " namespaces and links); run it as root, or use real hosts with 'cluster start'");
      }
      if (VirtualCluster.anyUp()) {
        throw new UserError(UserError.USAGE, "a virtual cluster is already up (see 'mpjbench"
            + " cluster status'); remove it first with 'mpjbench cluster down'");
      }
      MpjHome home = resolveHome(daemon.mpjHome);
      PrintWriter out = spec.commandLine().getOut();
      try {
        VirtualCluster.up(hosts, daemon.port, home, out);
      } catch (RuntimeException e) {
        throw new UserError(UserError.FAILED, "cluster up failed, nothing left behind: "
            + e.getMessage());
      }
      out.println("machines file: " + VirtualCluster.machinesFile());
      out.println("run: mpjbench run berkeley -np " + hosts + " --device niodev --machines "
          + VirtualCluster.machinesFile());
      return 0;
    }
  }

  /** {@code cluster down}. */
  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Removes the test hosts 'cluster up' made: stops every process inside them,"
          + " deletes the namespaces, links, bridge and state. Safe to repeat.")
  static final class Down implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (!VirtualCluster.isRoot()) {
        throw new UserError(UserError.USAGE, "cluster down needs root");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (VirtualCluster.down(out).isEmpty()) {
        out.println("no virtual cluster was up");
      }
      out.flush();
      return 0;
    }
  }

  /** {@code cluster exec}. */
  @Command(name = "exec", mixinStandardHelpOptions = true,
      description = "Runs a command on a test host (its network, its host name), in the"
          + " foreground; e.g. cluster exec srv -- launcher/mpjbench line-server --bind "
          + VirtualCluster.SUBNET + ".2")
  static final class Exec implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "HOST", description = "h1..hN or srv.")
    String host;

    @CommandLine.Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*",
        description = "The command and its arguments (put -- before it).")
    java.util.List<String> command;

    @Override
    public Integer call() throws IOException, InterruptedException {
      VirtualCluster.Host target = testHost(spec, host);
      if (command == null || command.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "say which COMMAND to run on " + host + " (after --)");
      }
      java.util.List<String> words = new java.util.ArrayList<>(VirtualCluster.inHost(target, false));
      words.addAll(command);
      Process process = new ProcessBuilder(words).inheritIO().start();
      // SIGTERM to us must not orphan the command: pass it on (Ctrl-C reaches both anyway).
      Thread forward = new Thread(() -> {
        process.destroy();
        try {
          process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "mpjbench-exec-stop");
      Runtime.getRuntime().addShutdownHook(forward);
      int exit = process.waitFor();
      try {
        Runtime.getRuntime().removeShutdownHook(forward);
      } catch (IllegalStateException shuttingDown) {
        // Already stopping: the hook does the rest.
      }
      return exit;
    }
  }

  /** {@code cluster link}. */
  @Command(name = "link", mixinStandardHelpOptions = true,
      description = "Cuts (down) or restores (up) a test host's network link, to see what a run"
          + " does when a host disappears.")
  static final class Link implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "HOST", description = "h1..hN or srv.")
    String host;

    @CommandLine.Parameters(index = "1", paramLabel = "up|down", arity = "0..1",
        description = "up or down.")
    String state;

    @Override
    public Integer call() {
      if (state != null && !state.equals("up") && !state.equals("down")) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "link state must be up or down, got '" + state + "'");
      }
      VirtualCluster.Host target = testHost(spec, host);
      if (state == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "say up or down after the host " + host);
      }
      VirtualCluster.setLink(target, state.equals("up"));
      spec.commandLine().getOut().println("link of " + host + " (" + target.address() + ") is "
          + state);
      return 0;
    }
  }

  private static VirtualCluster.Host testHost(CommandLine.Model.CommandSpec spec, String name) {
    return VirtualCluster.host(name).orElseThrow(() ->
        new CommandLine.ParameterException(spec.commandLine(), "no test host '" + name
            + "' is up (see mpjbench cluster status)"));
  }

  private static MachinesFile readMachines(CommandLine.Model.CommandSpec spec, Path file) {
    try {
      return MachinesFile.read(file);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static MpjHome resolveHome(Path explicit) {
    try {
      return MpjHome.resolve(explicit);
    } catch (IllegalStateException e) {
      throw new UserError(UserError.FAILED, e.getMessage());
    }
  }
}
