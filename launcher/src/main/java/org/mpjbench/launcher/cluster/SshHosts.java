package org.mpjbench.launcher.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mpjbench.launcher.mpj.MpjDaemon;

/**
 * The ssh side of the test hosts: every host of {@code cluster up} runs its own {@code sshd}
 * (Debian's openssh-server) on port 22 of its own address, with a host key of its own, and lets in
 * the one client key that {@code up} makes. This machine reaches them with {@code ssh -F}
 * {@link #clientConfig()}, which names that key and a known-hosts file holding every host's key,
 * so the first connection is already verified, as on a cluster whose admin distributed the keys.
 *
 * <p>All of it lives in {@link #folder()}, under the cluster's state folder, and {@code down}
 * removes exactly the files named here. Nothing goes into {@code ~/.ssh}: the user's keys and
 * configuration are not ours.
 */
public final class SshHosts {
  /** Where Debian's openssh-server puts the daemon. */
  static final Path SSHD = Path.of("/usr/sbin/sshd");
  /** sshd's privilege-separation folder: it must exist, owned by root, before sshd starts. */
  private static final Path PRIVSEP = Path.of("/run/sshd");
  private static final int PORT = 22;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final String CLIENT_KEY = "id_ed25519";

  private SshHosts() {}

  /** The folder holding the keys, configurations and sshd logs. */
  public static Path folder() {
    return VirtualCluster.stateDirectory().resolve("ssh");
  }

  /** The configuration for {@code ssh -F} that reaches every test host. */
  public static Path clientConfig() {
    return folder().resolve("config");
  }

  /** The log of the sshd of the host named {@code name}. */
  public static Path log(String name) {
    return folder().resolve("sshd-" + name + ".log");
  }

  /** Whether Debian's openssh-server is installed (scripts/setup installs it as root). */
  static boolean installed() {
    return Files.isExecutable(SSHD);
  }

  /**
   * Makes the client key, a host key per host, the known-hosts file, the client configuration and
   * an sshd configuration per host.
   */
  static void prepare(List<VirtualCluster.Host> hosts) throws IOException {
    if (!installed()) {
      throw new IllegalStateException(SSHD + " is missing: run scripts/setup as root (it installs"
          + " Debian's openssh-server), or apt-get install -y openssh-server");
    }
    Path folder = folder();
    Files.createDirectories(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    if (!Files.isDirectory(PRIVSEP)) {
      Files.createDirectories(PRIVSEP); // what Debian's ssh service makes at its start, 0755
    }
    keygen(folder.resolve(CLIENT_KEY), "mpjbench-cluster-client");
    Files.copy(folder.resolve(CLIENT_KEY + ".pub"), folder.resolve("authorized_keys"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    StringBuilder knownHosts = new StringBuilder();
    for (VirtualCluster.Host host : hosts) {
      Path key = hostKey(host.name());
      keygen(key, "mpjbench-" + host.name());
      String[] publicKey = Files.readString(key.resolveSibling(key.getFileName() + ".pub"))
          .strip().split("\\s+");
      knownHosts.append(host.address()).append(',').append(host.name()).append(' ')
          .append(publicKey[0]).append(' ').append(publicKey[1]).append('\n');
      Files.writeString(sshdConfig(host.name()), String.join("\n",
          "# sshd of the test host " + host.name() + ", written by mpjbench cluster up",
          "ListenAddress " + host.address() + ":" + PORT,
          "HostKey " + key,
          "AuthorizedKeysFile " + folder.resolve("authorized_keys"),
          // The shared pid path /run/sshd.pid would be every host's: none is kept, since 'down'
          // finds each sshd through its host's namespace.
          "PidFile none",
          "PermitRootLogin prohibit-password",
          "PasswordAuthentication no",
          "KbdInteractiveAuthentication no",
          "UsePAM no",
          "PrintMotd no",
          // The keys live under /run/mpjbench, not in a home sshd would inspect.
          "StrictModes no",
          ""), StandardCharsets.UTF_8);
    }
    Files.writeString(folder.resolve("known_hosts"), knownHosts.toString(),
        StandardCharsets.UTF_8);
    Files.writeString(clientConfig(), String.join("\n",
        "# ssh -F " + clientConfig() + " ADDRESS: reaches the test hosts of mpjbench cluster up",
        "Host *",
        "  User root",
        "  IdentityFile " + folder.resolve(CLIENT_KEY),
        "  IdentitiesOnly yes",
        "  UserKnownHostsFile " + folder.resolve("known_hosts"),
        "  StrictHostKeyChecking yes",
        "  BatchMode yes",
        "  ConnectTimeout 10",
        "  LogLevel ERROR",
        ""), StandardCharsets.UTF_8);
  }

  /**
   * Starts the sshd of {@code host} inside it (its network, host name and {@code /tmp}, which the
   * sessions it opens inherit) and waits until it accepts connections.
   *
   * @return its process id
   */
  static long start(VirtualCluster.Host host) throws IOException {
    Path log = log(host.name());
    List<String> command = new ArrayList<>(VirtualCluster.inHost(host, true));
    command.addAll(List.of(SSHD.toString(), "-D", "-f", sshdConfig(host.name()).toString(), "-E",
        log.toString()));
    Process sshd = HostCommands.startAndAwait(command, log, "the sshd of " + host.name() + " on "
        + host.address() + ":" + PORT, () -> answers(host, Duration.ofMillis(200)), log,
        START_TIMEOUT);
    return sshd.pid();
  }

  /** Whether the sshd of {@code host} answers. */
  static boolean answers(VirtualCluster.Host host) {
    return answers(host, Duration.ofSeconds(1));
  }

  private static boolean answers(VirtualCluster.Host host, Duration patience) {
    return MpjDaemon.isListening(host.address(), PORT, patience);
  }

  /** Removes the files {@link #prepare} and the sshds wrote, and then the folder if it is empty. */
  static void remove() {
    VirtualCluster.removeOwnFiles(folder(), SshHosts::isOurFile);
  }

  /** The names of the files of {@link #folder()} that are ours. */
  static boolean isOurFile(String name) {
    return name.equals(CLIENT_KEY) || name.equals(CLIENT_KEY + ".pub")
        || name.equals("authorized_keys") || name.equals("known_hosts") || name.equals("config")
        || name.matches("(host-[a-z0-9]+_key(\\.pub)?|sshd_config-[a-z0-9]+|sshd-[a-z0-9]+\\.log)");
  }

  private static Path hostKey(String name) {
    return folder().resolve("host-" + name + "_key");
  }

  private static Path sshdConfig(String name) {
    return folder().resolve("sshd_config-" + name);
  }

  private static void keygen(Path key, String comment) throws IOException {
    if (Files.exists(key, LinkOption.NOFOLLOW_LINKS)) {
      return; // one half-made by an interrupted 'up' that 'down' did not reach: reused
    }
    HostCommands.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f",
        key.toString());
  }
}
