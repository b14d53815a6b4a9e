package org.mpjbench.launcher.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mpjbench.launcher.mpj.MpjDaemon;

/**
 * A real Slurm on the test hosts, as {@code cluster up --slurm} makes it: Debian's {@code munged}
 * (one key, its socket under the cluster's state folder), {@code slurmctld} on the server host
 * {@code srv} and a {@code slurmd} on every MPJ host, each inside its host (its network, name and
 * {@code /tmp}, where its spool, state, pid and log files go, so that no two share one). {@code
 * sbatch}, {@code squeue} and {@code scancel} on this machine reach it with {@code
 * SLURM_CONF=}{@link #configuration()}. Jobs run as root on the hosts, in the submit folder.
 *
 * <p>Everything here stops with its host at {@code cluster down} (found by namespace), and the
 * files below {@link #folder()} are removed by name.
 */
public final class SlurmHosts {
  private static final Path SLURMCTLD = Path.of("/usr/sbin/slurmctld");
  private static final Path SLURMD = Path.of("/usr/sbin/slurmd");
  private static final Path MUNGED = Path.of("/usr/sbin/munged");
  private static final int CONTROLLER_PORT = 6817;
  private static final int NODE_PORT = 6818;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private SlurmHosts() {}

  /** The folder of the Slurm configuration and of munged's key, socket and log. */
  public static Path folder() {
    return VirtualCluster.stateDirectory().resolve("slurm");
  }

  /** The {@code slurm.conf} to name in {@code SLURM_CONF} for sbatch, squeue, scancel. */
  public static Path configuration() {
    return folder().resolve("slurm.conf");
  }

  private static Path munge() {
    return folder().resolve("munge");
  }

  /** munged's socket folder: its own, and open to all, as munged demands of one clients use. */
  private static Path mungeRun() {
    return folder().resolve("munge-run");
  }

  /** munged's socket, named in the configuration's {@code AuthInfo}. */
  static Path mungeSocket() {
    return mungeRun().resolve("munge.socket");
  }

  /** Whether Debian's slurm-wlm and munge are installed (scripts/setup installs them as root). */
  static boolean installed() {
    return Files.isExecutable(SLURMCTLD) && Files.isExecutable(SLURMD)
        && Files.isExecutable(MUNGED);
  }

  /** Writes munge's key and the Slurm configuration for {@code hosts} and the controller. */
  static void prepare(List<VirtualCluster.Host> hosts, VirtualCluster.Host controller)
      throws IOException {
    if (!installed()) {
      throw new IllegalStateException("Slurm is not installed (" + SLURMCTLD + ", " + SLURMD
          + ", " + MUNGED + "): run scripts/setup as root (it installs Debian's slurm-wlm and"
          + " munge), or apt-get install -y slurm-wlm munge");
    }
    Files.createDirectories(munge());
    UserPrincipalLookupService users = munge().getFileSystem().getUserPrincipalLookupService();
    // munged runs as its own user and checks that its key and folder are its own, unshared.
    Files.setOwner(munge(), users.lookupPrincipalByName("munge"));
    Files.setPosixFilePermissions(munge(), PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(mungeRun());
    Files.setOwner(mungeRun(), users.lookupPrincipalByName("munge"));
    Files.setPosixFilePermissions(mungeRun(), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path key = munge().resolve("munge.key");
    if (!Files.exists(key)) {
      byte[] secret = new byte[1024];
      new SecureRandom().nextBytes(secret);
      Files.write(key, secret);
    }
    Files.setOwner(key, users.lookupPrincipalByName("munge"));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));

    List<String> conf = new ArrayList<>(List.of(
        "# Slurm of the test hosts, written by mpjbench cluster up --slurm",
        "ClusterName=mpjbench",
        "SlurmctldHost=" + controller.name() + "(" + controller.address() + ")",
        "SlurmUser=root",
        "SlurmdUser=root",
        "AuthType=auth/munge",
        "CredType=cred/munge",
        "AuthInfo=socket=" + mungeSocket(),
        "MpiDefault=none",
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_Core",
        "ReturnToService=2",
        "JobAcctGatherType=jobacct_gather/none",
        "AccountingStorageType=accounting_storage/none",
        // Each daemon's files go to its own host's /tmp: no two slurmd share a spool or pid file.
        "StateSaveLocation=/tmp/slurmctld",
        "SlurmdSpoolDir=/tmp/slurmd",
        "SlurmctldPidFile=/tmp/slurmctld.pid",
        "SlurmdPidFile=/tmp/slurmd.pid",
        "SlurmctldLogFile=/tmp/slurmctld.log",
        "SlurmdLogFile=/tmp/slurmd.log",
        "SlurmctldPort=" + CONTROLLER_PORT,
        "SlurmdPort=" + NODE_PORT,
        // A cancelled job's processes get SIGTERM, then SIGKILL this many seconds later: room for
        // the job script to halt its daemons and the launcher to write its partial result.
        "KillWait=30",
        "SlurmdTimeout=60",
        "MinJobAge=600"));
    for (VirtualCluster.Host host : hosts) {
      conf.add("NodeName=" + host.name() + " NodeAddr=" + host.address()
          + " CPUs=" + Runtime.getRuntime().availableProcessors() + " State=UNKNOWN");
    }
    conf.add("PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP");
    conf.add("");
    Files.writeString(configuration(), String.join("\n", conf), StandardCharsets.UTF_8);
    // slurmd initialises a cgroup plugin even when nothing uses it, and 'ip netns exec' hides
    // this machine's /sys/fs/cgroup: the v1 plugin is content with an empty tmpfs there, which
    // each slurmd mounts in its host's own mount namespace (startNode), touching no real cgroup.
    Files.writeString(folder().resolve("cgroup.conf"), "CgroupPlugin=cgroup/v1\n",
        StandardCharsets.UTF_8);
    for (VirtualCluster.Host host : hosts) {
      Files.createDirectories(host.tmp().resolve("slurmd"));
    }
    Files.createDirectories(controller.tmp().resolve("slurmctld"));
  }

  /** Starts munged in {@code host}, as user munge, and waits for its socket. */
  static long startMunge(VirtualCluster.Host host) throws IOException {
    List<String> command = new ArrayList<>(VirtualCluster.inHost(host, true));
    command.addAll(List.of("runuser", "-u", "munge", "--", MUNGED.toString(), "--foreground",
        "--key-file", munge().resolve("munge.key").toString(), "--socket",
        mungeSocket().toString(), "--pid-file", munge().resolve("munged.pid").toString(),
        "--log-file", munge().resolve("munged.log").toString(), "--seed-file",
        munge().resolve("munged.seed").toString()));
    Path output = munge().resolve("munged.out");
    Process munged = HostCommands.startAndAwait(command, output, "munged",
        () -> Files.exists(mungeSocket()), output, START_TIMEOUT);
    return munged.pid();
  }

  /** Starts slurmctld in {@code host} and waits until it listens. */
  static long startController(VirtualCluster.Host host) throws IOException {
    List<String> command = new ArrayList<>(VirtualCluster.inHost(host, true));
    command.addAll(List.of(SLURMCTLD.toString(), "-D", "-f", configuration().toString()));
    Path log = host.tmp().resolve("slurmctld.log");
    Process controller = HostCommands.startAndAwait(command, host.tmp().resolve("slurmctld.out"),
        "slurmctld on " + host.name(), () -> MpjDaemon.isListening(host.address(),
            CONTROLLER_PORT, Duration.ofMillis(200)), log, START_TIMEOUT);
    return controller.pid();
  }

  /** Starts the slurmd of {@code host} and waits until it listens. */
  static long startNode(VirtualCluster.Host host) throws IOException {
    List<String> command = new ArrayList<>(VirtualCluster.inHost(host, true));
    command.addAll(List.of("sh", "-c",
        "mount -t tmpfs -o size=1m mpjbench-cgroup /sys/fs/cgroup && exec \"$@\"", "sh",
        SLURMD.toString(), "-D", "-f", configuration().toString(), "-N", host.name()));
    Path log = host.tmp().resolve("slurmd.log");
    Process node = HostCommands.startAndAwait(command, host.tmp().resolve("slurmd.out"),
        "slurmd on " + host.name(), () -> MpjDaemon.isListening(host.address(), NODE_PORT,
            Duration.ofMillis(200)), log, START_TIMEOUT);
    return node.pid();
  }

  /** Waits until every node is idle in {@code sinfo}, so that a job submitted next can start. */
  static void awaitIdle(int nodes) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      ProcessBuilder sinfo = new ProcessBuilder("sinfo", "-h", "-N", "-o", "%N %t")
          .redirectErrorStream(true);
      sinfo.environment().putAll(environment());
      Process process = sinfo.start();
      try {
        last = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        if (last.lines().filter(l -> l.endsWith(" idle")).count() == nodes) {
          return;
        }
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the Slurm nodes", e);
      }
    }
    throw new IOException("the Slurm nodes did not all become idle within "
        + START_TIMEOUT.toSeconds() + " s; sinfo says: " + last.strip().replace('\n', ';'));
  }

  /** The environment under which Slurm's commands on this machine reach the test hosts' Slurm. */
  public static Map<String, String> environment() {
    return Map.of("SLURM_CONF", configuration().toString());
  }

  /** Removes the files {@link #prepare} and munged wrote, then the folders if that emptied them. */
  static void remove() {
    VirtualCluster.removeOwnFiles(munge(), name -> name.startsWith("munge"));
    VirtualCluster.removeOwnFiles(mungeRun(), name -> name.startsWith("munge.socket"));
    VirtualCluster.removeOwnFiles(folder(),
        name -> name.equals("slurm.conf") || name.equals("cgroup.conf"));
  }
}
