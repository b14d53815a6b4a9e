package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mpjbench.launcher.cluster.OverSsh;
import org.mpjbench.launcher.cluster.SlurmHosts;
import org.mpjbench.launcher.cluster.SshHosts;
import org.mpjbench.launcher.cluster.VirtualCluster;
import org.mpjbench.launcher.mpj.MachinesFile;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjHome;
import org.mpjbench.launcher.mpj.MpjPorts;
import org.mpjbench.launcher.results.Environments;
import org.mpjbench.launcher.runs.RunSettings;
import org.mpjbench.launcher.runs.UserError;
import org.mpjbench.launcher.settings.ProjectFolders;
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
      "start/stop act on this host only; boot/halt start and stop them on every host",
      "of --machines over ssh (as MPJ's mpjboot/mpjhalt); status checks them all.",
      "up/down build and remove a cluster of test hosts on this machine (network",
      "namespaces joined by a bridge, a daemon in each; root only); exec runs a",
      "command on one of them, link cuts or restores a host's network."
    },
    subcommands = {
      ClusterCommand.Start.class,
      ClusterCommand.Stop.class,
      ClusterCommand.Status.class,
      ClusterCommand.Boot.class,
      ClusterCommand.Halt.class,
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
        "say start, stop, status, boot, halt, up, down, exec or link");
  }

  /** Options shared by the cluster subcommands. */
  static final class DaemonOptions {
    @Option(names = "--daemon-port", paramLabel = "PORT", defaultValue = "" + MpjDaemon.DEFAULT_PORT,
        description = "Port of the MPJ daemon (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--port-manager-port", paramLabel = "PORT",
        defaultValue = "" + MpjPorts.DEFAULT_PORT_MANAGER,
        description = "Port of the daemon's port manager, which MPJ opens beside the daemon's"
            + " (default: ${DEFAULT-VALUE}, MPJ's); two daemons on one host need two.")
    int portManagerPort;

    @Option(names = "--mpj-home", paramLabel = "DIR",
        description = "MPJ Express home (default: $MPJ_HOME when it holds a working MPJ Express 0.44,"
          + " else the one scripts/setup assembles).")
    Path mpjHome;

    void validate(CommandLine commandLine) {
      if (port < 1 || port > 65_535) {
        throw new CommandLine.ParameterException(commandLine,
            "--daemon-port must be 1 to 65535, got " + port);
      }
      if (portManagerPort < 1 || portManagerPort > 65_535) {
        throw new CommandLine.ParameterException(commandLine,
            "--port-manager-port must be 1 to 65535, got " + portManagerPort);
      }
      if (portManagerPort == port) {
        throw new CommandLine.ParameterException(commandLine,
            "--port-manager-port must differ from --daemon-port, both are " + port);
      }
      try {
        RunSettings.requireFolder("--mpj-home", mpjHome);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, e.getMessage());
      }
    }

    /** This host's pid file for the daemon on {@code port}. */
    Path pidFile() {
      return MpjDaemon.pidFile(Environments.hostName(), port);
    }

    /** The name pid files had before they carried the host, so that such a daemon is found. */
    Path legacyPidFile() {
      return MpjDaemon.pidFile(null, port);
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
      return MpjDaemon.logFile(Environments.hostName(), port);
    }

    /** The MPJ home to start a daemon from: the resolved one, with this port manager's port. */
    MpjHome home() {
      MpjHome home = resolveHome(mpjHome);
      try {
        return new MpjPorts(portManagerPort, MpjPorts.of(home).starter()).applyTo(home);
      } catch (IOException e) {
        throw new UserError(UserError.FAILED, "cannot make the MPJ configuration with port"
            + " manager port " + portManagerPort + ": " + e.getMessage());
      }
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

  /**
   * A subcommand that acts on this host's daemon only (start, stop): it checks the options and
   * that this host is among {@code --machines}, if given, then acts on the daemon that runs here.
   */
  abstract static class OnThisHost implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DaemonOptions daemon;

    @Override
    public final Integer call() throws IOException {
      daemon.validate(spec.commandLine());
      PrintWriter out = spec.commandLine().getOut();
      requireThisHostIn(spec, machines(), spec.name());
      return act(out, daemon.running());
    }

    /** The subcommand's {@code --machines}, or null (each says what it does with it). */
    abstract Path machines();

    /** Acts on this host's daemon, {@code running} when {@code cluster start} started one. */
    abstract int act(PrintWriter out, Optional<MpjDaemon> running) throws IOException;
  }

  /** {@code cluster start}. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Starts the MPJ daemon on this host; it keeps running until 'cluster stop'.")
  static final class Start extends OnThisHost {
    @Option(names = "--machines", paramLabel = "FILE",
        description = "Only checks that this host is among the machines.")
    Path machines;

    @Override
    Path machines() {
      return machines;
    }

    @Override
    int act(PrintWriter out, Optional<MpjDaemon> running) throws IOException {
      if (running.isPresent()) {
        out.println("MPJ daemon already running: pid " + running.get().pid() + ", port "
            + daemon.port);
        return 0;
      }
      MpjHome home = daemon.home();
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
      description = {"Stops the MPJ daemon that 'cluster start' started on this host.",
        "Every rank JVM the daemon left running is stopped with it."})
  static final class Stop extends OnThisHost {
    @Option(names = "--machines", paramLabel = "FILE",
        description = "Only checks that this host is among the machines, as start does.")
    Path machines;

    @Override
    Path machines() {
      return machines;
    }

    @Override
    int act(PrintWriter out, Optional<MpjDaemon> running) throws IOException {
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
      description = {"Shows, for every host, whether an MPJ daemon answers.",
        "Exit code 0 when all do, 1 otherwise."})
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

  /** Options of the subcommands that act on every host over ssh. */
  static final class SshOptions {
    @Option(names = "--machines", paramLabel = "FILE", required = true,
        description = "The hosts, one per line (MPJ's machines file).")
    Path machines;

    @Option(names = "--ssh-config", paramLabel = "FILE",
        description = "A configuration for ssh -F (default: the test hosts' own when --machines"
            + " names hosts of 'cluster up', else your ~/.ssh/config).")
    Path sshConfig;

    /** The configuration to hand ssh, if any. */
    Optional<Path> sshConfig(MachinesFile file) {
      if (sshConfig != null) {
        if (!java.nio.file.Files.isRegularFile(sshConfig)) {
          throw new UserError(UserError.USAGE, "--ssh-config " + sshConfig
              + (java.nio.file.Files.exists(sshConfig) ? " is not a file" : " does not exist"));
        }
        return Optional.of(sshConfig);
      }
      return VirtualCluster.recall().filter(cluster -> file.distinctHosts().stream()
          .allMatch(host -> cluster.hosts().stream().anyMatch(h -> h.address().equals(host)
              || h.name().equals(host))))
          .map(cluster -> SshHosts.clientConfig());
    }
  }

  /**
   * Runs {@code cluster VERB} on every host of the machines file (over ssh, or directly here), one
   * line per host, and fails naming the hosts where it failed.
   */
  private static int onEveryHost(CommandLine.Model.CommandSpec spec, MachinesFile file,
      Optional<Path> config, List<String> subcommand) {
    PrintWriter out = spec.commandLine().getOut();
    List<String> command = new ArrayList<>(thisLauncher());
    command.addAll(subcommand);
    List<OverSsh.Outcome> outcomes = OverSsh.onEach(file.distinctHosts(), config, command,
        HOST_TIMEOUT);
    List<String> failed = new ArrayList<>();
    for (OverSsh.Outcome outcome : outcomes) {
      out.printf("%-24s %s%s%n", outcome.host(), outcome.ok() ? "" : "FAILED: ",
          outcome.lastLine());
      if (!outcome.ok()) {
        failed.add(outcome.host());
      }
    }
    out.flush();
    if (!failed.isEmpty()) {
      throw new UserError(UserError.FAILED, "cluster " + spec.name() + " failed on "
          + failed.size() + " of " + outcomes.size() + " hosts: " + String.join(", ", failed)
          + (config.isPresent() ? " (ssh -F " + config.get() + ")" : ""));
    }
    return 0;
  }

  /**
   * The launcher's entry point, by name: the class is in the package above this one, which names
   * this package (a class literal would make a cycle). SshBootIT runs it on every test host.
   */
  private static final String LAUNCHER_MAIN_CLASS = "org.mpjbench.launcher.Main";

  /** Bound on one host's boot or halt: ssh, a JVM and a daemon's start on a busy host. */
  private static final Duration HOST_TIMEOUT = Duration.ofSeconds(90);

  /**
   * The words that run this launcher on a host that shares this one's file systems (the checkout
   * and home, as a cluster's NFS home is): the same Java, the same class path made absolute, the
   * settings that name our folders.
   */
  static List<String> thisLauncher() {
    List<String> words = new ArrayList<>(List.of("env"));
    for (String variable : List.of("MPJBENCH_MPJ_HOME", "XDG_CACHE_HOME")) {
      String value = System.getenv(variable);
      if (value != null) {
        words.add(variable + "=" + value);
      }
    }
    words.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProjectFolders.home().ifPresent(home -> words.add("-D" + ProjectFolders.HOME_PROPERTY + "="
        + home));
    words.add("-cp");
    words.add(String.join(java.io.File.pathSeparator, java.util.Arrays.stream(
        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString()).toList()));
    words.add(LAUNCHER_MAIN_CLASS);
    return words;
  }

  /**
   * A subcommand that runs one {@code cluster} subcommand on every host of {@code --machines}
   * (boot, halt): it checks the options, reads the machines and their ssh configuration, then
   * runs {@link #subcommand()} on each host through {@link #onEveryHost}.
   */
  abstract static class OnEveryHost implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DaemonOptions daemon;
    @CommandLine.Mixin SshOptions ssh;

    @Override
    public final Integer call() {
      daemon.validate(spec.commandLine());
      MachinesFile file = readMachines(spec, ssh.machines);
      Optional<Path> config = ssh.sshConfig(file);
      return onEveryHost(spec, file, config, subcommand());
    }

    /** The words after the launcher that each host runs, e.g. {@code cluster start ...}. */
    abstract List<String> subcommand();
  }

  /** {@code cluster boot}. */
  @Command(name = "boot", mixinStandardHelpOptions = true,
      description = {
        "Starts the MPJ daemon on every host of --machines, over ssh (as MPJ's mpjboot).",
        "This host directly, the others over ssh: each host runs 'mpjbench cluster start'",
        "from the shared checkout. Names every host that failed; exit code 1 if any did."
      })
  static final class Boot extends OnEveryHost {
    @Override
    List<String> subcommand() {
      MpjHome home = resolveHome(daemon.mpjHome);
      return List.of("cluster", "start", "--daemon-port",
          Integer.toString(daemon.port), "--port-manager-port",
          Integer.toString(daemon.portManagerPort), "--mpj-home",
          home.path().toAbsolutePath().toString());
    }
  }

  /** {@code cluster halt}. */
  @Command(name = "halt", mixinStandardHelpOptions = true,
      description = {
        "Stops the MPJ daemon on every host of --machines, over ssh (as MPJ's mpjhalt).",
        "It stops what 'cluster boot' or 'cluster start' started on each host: the daemon",
        "and the rank JVMs it left."
      })
  static final class Halt extends OnEveryHost {
    @Override
    List<String> subcommand() {
      return List.of("cluster", "stop", "--daemon-port", Integer.toString(daemon.port));
    }
  }

  /** {@code cluster up}. */
  @Command(name = "up", mixinStandardHelpOptions = true,
      description = {
        "Builds N test hosts on this machine (root only), an MPJ daemon in each.",
        "The test hosts are network namespaces h1..hN at " + VirtualCluster.SUBNET + ".11..,",
        "joined by a bridge (this machine is " + VirtualCluster.GATEWAY + "), each with its own",
        "host name, /tmp, sshd and MPJ daemon, plus a host 'srv' (" + VirtualCluster.SUBNET
            + ".2) for",
        "servers. Writes the machines file for run --device niodev --machines. Removed by",
        "'cluster down'."
      })
  static final class Up implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DaemonOptions daemon;

    @Option(names = "--hosts", paramLabel = "N", required = true,
        description = "Number of MPJ hosts, 1 to " + VirtualCluster.MAX_HOSTS + ".")
    int hosts;

    @Option(names = "--no-daemons",
        description = "Starts no MPJ daemon, only each host's sshd: boot them over ssh with"
            + " 'cluster boot --machines' as on a real cluster.")
    boolean noDaemons;

    @Option(names = "--slurm",
        description = "Also starts a real Slurm: munged and slurmctld on srv, a slurmd on every"
            + " host (Debian's slurm-wlm and munge); sbatch reaches it with the SLURM_CONF"
            + " printed.")
    boolean slurm;

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
      MpjHome home = daemon.home();
      PrintWriter out = spec.commandLine().getOut();
      try {
        VirtualCluster.up(hosts, daemon.port, home, !noDaemons, slurm, out);
      } catch (RuntimeException e) {
        throw new UserError(UserError.FAILED, "cluster up failed, nothing left behind: "
            + e.getMessage());
      }
      out.println("machines file: " + VirtualCluster.machinesFile());
      out.println("ssh: ssh -F " + SshHosts.clientConfig() + " " + VirtualCluster.SUBNET + ".11");
      if (noDaemons) {
        out.println("boot: mpjbench cluster boot --machines " + VirtualCluster.machinesFile());
      }
      if (slurm) {
        out.println("slurm: export SLURM_CONF=" + SlurmHosts.configuration());
      }
      out.println("run: mpjbench run berkeley -np " + hosts + " --device niodev --machines "
          + VirtualCluster.machinesFile());
      return 0;
    }
  }

  /** {@code cluster down}. */
  @Command(name = "down", mixinStandardHelpOptions = true,
      description = {"Removes the test hosts 'cluster up' made. Safe to repeat.",
        "Stops every process inside them; deletes the namespaces, links, bridge, state."})
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
      description = {
        "Runs a command on a test host (its network, its host name), in the foreground.",
        "For instance: cluster exec srv -- launcher/mpjbench line-server --bind "
          + VirtualCluster.SUBNET + ".2"})
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
      description = {"Cuts (down) or restores (up) a test host's network link.",
        "To see what a run does when a host disappears."})
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
