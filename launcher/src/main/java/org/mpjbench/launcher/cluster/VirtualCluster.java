package org.mpjbench.launcher.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjHome;

/**
 * A cluster of test hosts on this machine: each host is a Linux network namespace with its own
 * address and host name, joined to the others by a bridge, running its own MPJ Express daemon; one
 * more namespace, {@code srv}, holds servers such as the line server. Everything crosses a real
 * network stack (veth pairs and a bridge), so MPJ's niodev device, the control channel and the
 * line server see separate hosts, while the hosts still share this machine's clock (so the kernels'
 * true errors stay known).
 *
 * <p>Made by {@code mpjbench cluster up --hosts N} (root only) and removed by {@code cluster down}.
 * Every name we create starts with {@value #PREFIX}, and {@link #down} removes whatever carries it,
 * so a half-made cluster (an interrupted {@code up}) is removed as completely as a whole one. The
 * state ({@code cluster.json}, the machines file, daemon logs) lives in {@link #stateDirectory()}.
 */
public final class VirtualCluster {
  /** Prefix of every namespace and link we create. */
  public static final String PREFIX = "mpjb-";
  /** Most hosts: addresses .11 to .(10 + N) of the subnet, and a 2-core machine's patience. */
  public static final int MAX_HOSTS = 16;
  /** The bridge joining the hosts, with the launching side's address. */
  static final String BRIDGE = PREFIX + "br0";
  /** The first three octets of the cluster's /24. */
  public static final String SUBNET = "10.77.0";
  /** This machine's address on the bridge: where ranks reach the launcher. */
  public static final String GATEWAY = SUBNET + ".1";
  /** The server host's name (it runs no MPJ daemon). */
  public static final String SERVER_HOST = "srv";
  /** MPJ's fixed ports, kept out of each host's ephemeral range as {@code scripts/setup} does. */
  private static final String RESERVED_PORTS = "40002,40052,40055";
  private static final Duration DAEMON_CHECK = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One test host.
   *
   * @param name its host name ({@code h1}, ..., or {@value #SERVER_HOST})
   * @param address its address on the bridge
   * @param daemonPid the process id of its MPJ daemon (0: none)
   * @param daemonStartMillis the daemon's start time, to tell it from a reused pid
   * @param sshdPid the process id of its sshd (0: none)
   */
  public record Host(String name, String address, long daemonPid, long daemonStartMillis,
      long sshdPid) {
    /** A host as planned, before anything runs in it. */
    static Host planned(String name, String address) {
      return new Host(name, address, 0, 0, 0);
    }

    Host withSshd(long pid) {
      return new Host(name, address, daemonPid, daemonStartMillis, pid);
    }

    Host withDaemon(long pid, long startMillis) {
      return new Host(name, address, pid, startMillis, sshdPid);
    }

    /** Its network namespace. */
    public String namespace() {
      return PREFIX + name;
    }

    /**
     * Its own {@code /tmp}: a tmpfs of its own, mounted here and bound over {@code /tmp} for every
     * process started in the host, as a real host's {@code /tmp} is its own.
     */
    public Path tmp() {
      return hostTmp(name);
    }
  }

  /** The log of the MPJ daemon of {@code host}. */
  public static Path daemonLog(Host host) {
    return stateDirectory().resolve("daemon-" + host.name() + ".log");
  }

  /** Where the private {@code /tmp} of the host named {@code name} is mounted. */
  static Path hostTmp(String name) {
    return stateDirectory().resolve("tmp-" + name);
  }

  /** The size of each host's {@code /tmp} (a tmpfs takes only what is written). */
  private static final String HOST_TMP_SIZE = "512m";

  /**
   * What {@code cluster.json} records.
   *
   * @param hosts the MPJ hosts, in machines-file order
   * @param server the server host
   * @param daemonPort the port every daemon listens on
   */
  public record State(List<Host> hosts, Host server, int daemonPort) {}

  private VirtualCluster() {}

  /** Where the state of the cluster lives ({@code $MPJBENCH_CLUSTER_DIR}, else /run/mpjbench). */
  public static Path stateDirectory() {
    String override = System.getenv("MPJBENCH_CLUSTER_DIR");
    return override != null ? Path.of(override) : Path.of("/run/mpjbench/cluster");
  }

  /** The machines file {@code up} writes: one address per MPJ host. */
  public static Path machinesFile() {
    return stateDirectory().resolve("machines");
  }

  /** Whether this process runs as root (namespaces and links need it). */
  public static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0"); // effective uid
        }
      }
    } catch (IOException e) {
      // Not Linux, or no /proc: then no namespaces either.
    }
    return false;
  }

  /** The recorded cluster, if one is up (or half up). */
  public static Optional<State> recall() {
    Path file = stateDirectory().resolve("cluster.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), State.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Builds {@code count} hosts and the server host, starts an sshd on each, when {@code slurm} a
   * Slurm ({@link SlurmHosts}) and, when {@code daemons}, an MPJ daemon on each MPJ host (else
   * {@code cluster boot} starts them over ssh), and writes the machines file. On any failure, or
   * when interrupted, removes everything it made.
   */
  public static State up(int count, int daemonPort, MpjHome home, boolean daemons,
      boolean slurm, PrintWriter out) {
    if (count < 1 || count > MAX_HOSTS) {
      throw new IllegalArgumentException("--hosts must be 1 to " + MAX_HOSTS + ", got " + count);
    }
    // Ctrl-C or SIGTERM: the hook tells this thread to stop after its current step and lets it
    // roll back (one remover, no race with a step still creating things); it removes everything
    // itself only if this thread does not finish in time.
    java.util.concurrent.atomic.AtomicBoolean stopping =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    Thread rollback = new Thread(() -> {
      stopping.set(true);
      try {
        if (!finished.await(40, TimeUnit.SECONDS)) {
          down(new PrintWriter(PrintWriter.nullWriter()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "mpjbench-cluster-rollback");
    Runtime.getRuntime().addShutdownHook(rollback);
    boolean done = false;
    try {
      Files.createDirectories(stateDirectory());
      HostCommands.run("ip", "link", "add", BRIDGE, "type", "bridge");
      HostCommands.run("ip", "addr", "add", GATEWAY + "/24", "dev", BRIDGE);
      HostCommands.run("ip", "link", "set", BRIDGE, "up");
      List<Host> hosts = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        hosts.add(Host.planned("h" + i, SUBNET + "." + (10 + i)));
      }
      Host server = Host.planned(SERVER_HOST, SUBNET + ".2");
      List<Host> everyone = new ArrayList<>(hosts);
      everyone.add(server);
      for (Host host : everyone) {
        stopIf(stopping);
        makeHost(host, everyone);
      }
      SshHosts.prepare(everyone);
      for (int i = 0; i < hosts.size(); i++) {
        stopIf(stopping);
        hosts.set(i, hosts.get(i).withSshd(SshHosts.start(hosts.get(i))));
      }
      stopIf(stopping);
      server = server.withSshd(SshHosts.start(server));
      record(new State(hosts, server, daemonPort));
      if (slurm) {
        SlurmHosts.prepare(hosts, server);
        out.printf("%-4s munged pid %d, slurmctld pid %d%n", server.name(),
            SlurmHosts.startMunge(server), SlurmHosts.startController(server));
        for (Host host : hosts) {
          stopIf(stopping);
          out.printf("%-4s slurmd pid %d%n", host.name(), SlurmHosts.startNode(host));
        }
        out.flush();
        SlurmHosts.awaitIdle(hosts.size());
      }
      for (int i = 0; i < hosts.size(); i++) {
        Host host = hosts.get(i);
        String daemonSays = "no MPJ daemon (mpjbench cluster boot starts them over ssh)";
        if (daemons) {
          stopIf(stopping);
          MpjDaemon daemon = MpjDaemon.start(home, daemonPort, inHost(host, true),
              host.address(), daemonLog(host));
          long startMillis = ProcessHandle.of(daemon.pid()).flatMap(p -> p.info().startInstant())
              .map(java.time.Instant::toEpochMilli).orElse(0L);
          host = host.withDaemon(daemon.pid(), startMillis);
          hosts.set(i, host);
          // Recorded after each daemon, so an interrupted up still finds every daemon to stop.
          record(new State(hosts, server, daemonPort));
          daemonSays = "MPJ daemon pid " + daemon.pid() + " on port " + daemonPort;
        }
        out.printf("%-4s %-12s namespace %-10s sshd pid %-7d %s%n", host.name(), host.address(),
            host.namespace(), host.sshdPid(), daemonSays);
        out.flush();
      }
      out.printf("%-4s %-12s namespace %-10s sshd pid %-7d for servers (no MPJ daemon)%n",
          server.name(), server.address(), server.namespace(), server.sshdPid());
      Files.write(machinesFile(), hosts.stream().map(Host::address).toList(),
          StandardCharsets.UTF_8);
      done = true;
      return new State(List.copyOf(hosts), server, daemonPort);
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } finally {
      if (!done) {
        down(new PrintWriter(PrintWriter.nullWriter()));
      }
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(rollback);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or will run: it removes the half-made cluster.
      }
    }
  }

  private static void stopIf(java.util.concurrent.atomic.AtomicBoolean stopping) {
    if (stopping.get()) {
      throw new IllegalStateException("interrupted; removing what was made");
    }
  }

  /**
   * The words that run a command inside {@code host}: its namespace, its own host name (a UTS
   * namespace, so that MPJ and our ranks report {@code h1}, not this machine's name), its own
   * {@code /tmp} (a mount namespace in which the host's tmpfs covers {@code /tmp}; the checkout,
   * the home and the rest are shared, as a shared home is on a cluster), and, when {@code
   * detached}, a session of its own so that it outlives the command that started it.
   */
  public static List<String> inHost(Host host, boolean detached) {
    List<String> words = new ArrayList<>(List.of("ip", "netns", "exec", host.namespace(),
        "unshare", "--uts", "--mount", "--propagation", "private", "--", "sh", "-c",
        "hostname \"$0\" && mount --bind \"$1\" /tmp && shift && exec \"$@\"", host.name(),
        host.tmp().toString()));
    if (detached) {
      words.add("setsid");
    }
    return words;
  }

  private static void makeHost(Host host, List<Host> everyone) throws IOException {
    String ns = host.namespace();
    HostCommands.run("ip", "netns", "add", ns);
    // After the namespace: 'down' finds a host's /tmp through its namespace.
    Files.createDirectories(host.tmp());
    HostCommands.run("mount", "-t", "tmpfs", "-o", "size=" + HOST_TMP_SIZE + ",mode=1777",
        "mpjbench-" + host.name(), host.tmp().toString());
    HostCommands.run("ip", "link", "add", ns, "type", "veth", "peer", "name", "eth0", "netns", ns);
    HostCommands.run("ip", "link", "set", ns, "master", BRIDGE, "up");
    HostCommands.run("ip", "-n", ns, "addr", "add", host.address() + "/24", "dev", "eth0");
    HostCommands.run("ip", "-n", ns, "link", "set", "eth0", "up");
    HostCommands.run("ip", "-n", ns, "link", "set", "lo", "up");
    HostCommands.run("ip", "-n", ns, "route", "add", "default", "via", GATEWAY);
    HostCommands.run("ip", "netns", "exec", ns, "sh", "-c",
        "echo " + RESERVED_PORTS + " > /proc/sys/net/ipv4/ip_local_reserved_ports");
    // 'ip netns exec' mounts /etc/netns/<ns>/hosts over /etc/hosts: there this machine's name (which
    // MPJ's starter tells the ranks to call back) is the bridge address, not 127.0.0.1.
    Path etc = Path.of("/etc/netns", ns);
    Files.createDirectories(etc);
    StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
    hosts.append(GATEWAY).append(' ').append(thisHostName()).append('\n');
    for (Host other : everyone) {
      hosts.append(other.address()).append(' ').append(other.name()).append('\n');
    }
    Files.writeString(etc.resolve("hosts"), hosts.toString(), StandardCharsets.UTF_8);
  }

  private static void record(State state) throws IOException {
    Path file = stateDirectory().resolve("cluster.json");
    Path temporary = file.resolveSibling("cluster.json.tmp");
    JSON.writeValue(temporary.toFile(), state);
    Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Removes every namespace, link and file a cluster of ours made, stopping every process inside
   * our namespaces first (found by namespace, never by name). Safe to call when nothing is up.
   *
   * @return the namespaces removed
   */
  public static List<String> down(PrintWriter out) {
    Set<String> namespaces = new LinkedHashSet<>();
    recall().ifPresent(state -> {
      state.hosts().forEach(h -> namespaces.add(h.namespace()));
      namespaces.add(state.server().namespace());
    });
    namespaces.addAll(ourNamespaces());
    for (String ns : namespaces) {
      stopProcessesIn(ns, out);
      // Deleting our end of the veth pair is synchronous; the kernel dismantles a deleted
      // namespace (and the links in it) later, so a quick 'up' could find the old link in its way.
      HostCommands.attempt("ip", "link", "del", ns);
      HostCommands.attempt("ip", "netns", "del", ns);
      removeOwnFiles(Path.of("/etc/netns", ns), "hosts"::equals);
      // Daemons booted over ssh ('cluster boot') kept pid files by host name: gone with the host.
      MpjDaemon.forgetStale(ns.substring(PREFIX.length()));
      out.println("removed host " + ns.substring(PREFIX.length()) + " (namespace " + ns + ")");
    }
    // Links of ours left in this namespace (the bridge; a veth end whose namespace went away).
    HostCommands.Outcome links = HostCommands.attempt("ip", "-o", "link", "show");
    if (links.ok()) {
      links.output().lines().map(l -> l.split(":\\s+", 3))
          .filter(f -> f.length > 1 && f[1].startsWith(PREFIX))
          .map(f -> f[1].replaceFirst("@.*", ""))
          .forEach(link -> {
            HostCommands.attempt("ip", "link", "del", link);
            out.println("removed link " + link);
          });
    }
    removeHostTmps(namespaces);
    SshHosts.remove();
    SlurmHosts.remove();
    removeOwnFiles(stateDirectory(), VirtualCluster::isStateFile);
    out.flush();
    return List.copyOf(namespaces);
  }

  /** Whether anything of a cluster of ours is on this machine: its state, or a namespace. */
  public static boolean anyUp() {
    return recall().isPresent() || !ourNamespaces().isEmpty();
  }

  /** The namespaces on this machine whose names we own. */
  public static List<String> ourNamespaces() {
    HostCommands.Outcome list = HostCommands.attempt("ip", "netns", "list");
    if (!list.ok()) {
      return List.of();
    }
    return list.output().lines().map(l -> l.split("\\s+")[0]).filter(n -> n.startsWith(PREFIX))
        .toList();
  }

  /** The process ids inside a namespace of ours. */
  public static List<Long> processesIn(String namespace) {
    HostCommands.Outcome pids = HostCommands.attempt("ip", "netns", "pids", namespace);
    if (!pids.ok()) {
      return List.of();
    }
    return pids.output().lines().map(String::strip).filter(l -> l.matches("\\d+"))
        .map(Long::parseLong).toList();
  }

  private static void stopProcessesIn(String namespace, PrintWriter out) {
    List<ProcessHandle> running = processesIn(namespace).stream()
        .map(ProcessHandle::of).flatMap(Optional::stream).toList();
    running.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (ProcessHandle process : running) {
      long left = Math.max(1, deadline - System.nanoTime());
      try {
        process.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        process.destroyForcibly();
      }
    }
    if (!running.isEmpty()) {
      out.println("stopped " + running.size() + " process(es) in " + namespace);
    }
  }

  /** One line per host: namespace, link, daemon. Returns whether every MPJ host is healthy. */
  public static boolean status(PrintWriter out) {
    Optional<State> recalled = recall();
    List<String> present = ourNamespaces();
    if (recalled.isEmpty()) {
      out.println(present.isEmpty() ? "no virtual cluster is up (mpjbench cluster up --hosts N)"
          : "left-overs of a virtual cluster: " + present + " (mpjbench cluster down removes them)");
      out.flush();
      return false;
    }
    State state = recalled.get();
    boolean healthy = true;
    out.printf("%-4s %-12s %-10s %-6s %-5s %s%n", "host", "address", "namespace", "link", "sshd",
        "MPJ daemon");
    for (Host host : state.hosts()) {
      boolean exists = present.contains(host.namespace());
      String link = exists ? linkState(host) : "gone";
      boolean sshd = exists && SshHosts.answers(host);
      boolean answers = exists && MpjDaemon.isListening(host.address(), state.daemonPort(),
          DAEMON_CHECK);
      healthy &= exists && link.equals("up") && sshd && answers;
      String owner = "";
      if (host.daemonPid() != 0) {
        boolean alive = ProcessHandle.of(host.daemonPid()).map(ProcessHandle::isAlive)
            .orElse(false);
        owner = " (pid " + host.daemonPid() + (alive ? ")" : " gone)");
      }
      out.printf("%-4s %-12s %-10s %-6s %-5s %s%n", host.name(), host.address(), host.namespace(),
          link, sshd ? "up" : "DOWN",
          (answers ? "answering on port " + state.daemonPort() : "NOT answering") + owner);
    }
    Host server = state.server();
    boolean serverUp = present.contains(server.namespace());
    out.printf("%-4s %-12s %-10s %-6s %-5s %s%n", server.name(), server.address(),
        server.namespace(), serverUp ? linkState(server) : "gone",
        serverUp && SshHosts.answers(server) ? "up" : "DOWN", "none (servers)");
    out.println("machines file: " + machinesFile());
    out.println("ssh: ssh -F " + SshHosts.clientConfig() + " " + state.hosts().get(0).address());
    out.flush();
    return healthy;
  }

  private static String linkState(Host host) {
    HostCommands.Outcome link = HostCommands.attempt("ip", "-n", host.namespace(), "-o", "link",
        "show", "eth0");
    if (!link.ok()) {
      return "none";
    }
    // The interface's flags, e.g. <BROADCAST,MULTICAST,UP,LOWER_UP>: UP is what 'link' sets.
    java.util.regex.Matcher flags = java.util.regex.Pattern.compile("<([^>]*)>")
        .matcher(link.output());
    return flags.find() && List.of(flags.group(1).split(",")).contains("UP") ? "up" : "down";
  }

  /** Cuts ({@code up = false}) or restores a host's only link, as a fault to inject. */
  public static void setLink(Host host, boolean up) {
    HostCommands.run("ip", "-n", host.namespace(), "link", "set", "eth0", up ? "up" : "down");
    if (up) {
      // Bringing the link down drops the default route with it.
      HostCommands.attempt("ip", "-n", host.namespace(), "route", "add", "default", "via",
          GATEWAY);
    }
  }

  /** Finds a host of the recorded cluster by name. */
  public static Optional<Host> host(String name) {
    return recall().flatMap(state -> {
      if (state.server().name().equals(name)) {
        return Optional.of(state.server());
      }
      return state.hosts().stream().filter(h -> h.name().equals(name)).findFirst();
    });
  }

  private static String thisHostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /**
   * Unmounts each host's {@code /tmp} (what the host wrote there goes with its tmpfs, as with a
   * host's reboot) and removes the empty mount point; a mount point that is not empty once
   * unmounted holds something that is not ours, and stays.
   */
  private static void removeHostTmps(Set<String> namespaces) {
    for (String ns : namespaces) {
      Path tmp = hostTmp(ns.substring(PREFIX.length()));
      if (!Files.isDirectory(tmp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      HostCommands.attempt("umount", tmp.toString());
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // Not empty without its tmpfs: not ours to delete.
      }
    }
  }

  /** The names of the files {@code up} writes into {@link #stateDirectory()}. */
  static boolean isStateFile(String name) {
    return name.equals("cluster.json") || name.equals("cluster.json.tmp")
        || name.equals("machines") || name.matches("daemon-h\\d+\\.log");
  }

  /**
   * Deletes the files of {@code folder} that {@code ours} names, then the folder itself if that left
   * it empty. Never a recursive delete: the state folder can be named by {@code
   * MPJBENCH_CLUSTER_DIR}, and a user's file in it is not ours to remove.
   *
   * @return whether the folder is gone
   */
  static boolean removeOwnFiles(Path folder, java.util.function.Predicate<String> ours) {
    if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return !Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
    try (var entries = Files.list(folder)) {
      for (Path entry : entries.toList()) {
        if (ours.test(entry.getFileName().toString())
            && Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the files of ours in " + folder, e);
    }
    try {
      Files.deleteIfExists(folder);
      return true;
    } catch (java.nio.file.DirectoryNotEmptyException e) {
      return false; // it holds something that is not ours: the folder stays with it
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + folder, e);
    }
  }

}
