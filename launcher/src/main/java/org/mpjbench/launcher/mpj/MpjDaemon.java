package org.mpjbench.launcher.mpj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An MPJ Express daemon on this host ({@code runtime.daemon.MPJDaemon PORT}), which niodev needs to
 * start rank JVMs. We start it directly (MPJ's own {@code mpjboot} needs ssh), keep its process
 * handle, and stop it and every rank JVM it started, by process id, never by name.
 *
 * <p>A daemon started by {@code mpjbench cluster start} outlives the command: it runs in its own
 * session ({@code setsid}) and is remembered in a pid file that records its start time, so that a
 * later {@code cluster stop} can tell it from an unrelated process that reused the pid.
 */
public final class MpjDaemon {
  /** The daemon port in Debian's mpjexpress.conf. */
  public static final int DEFAULT_PORT = 40055;

  private static final String DAEMON_CLASS = "runtime.daemon.MPJDaemon";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final ProcessHandle process;
  private final int port;

  private MpjDaemon(ProcessHandle process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a daemon on {@code port} and waits until it accepts connections.
   *
   * @param detached whether it must outlive this JVM (own session, recorded in a pid file)
   * @param logFile where the daemon's output goes
   */
  public static MpjDaemon start(MpjHome home, int port, boolean detached, Path logFile)
      throws IOException {
    return start(home, port, detached ? List.of("setsid") : List.of(), "127.0.0.1", logFile);
  }

  /**
   * Starts a daemon through {@code launchPrefix} (words that run the rest of the command somewhere
   * else, e.g. inside a network namespace, and must {@code exec} it so that the process we hold is
   * the daemon) and waits until it accepts connections at {@code address:port}.
   */
  public static MpjDaemon start(MpjHome home, int port, List<String> launchPrefix, String address,
      Path logFile) throws IOException {
    if (isListening(address, port, Duration.ofMillis(500))) {
      throw new IOException("port " + port + " at " + address
          + " is already in use (a daemon running?)");
    }
    int portManager = MpjPorts.of(home).portManager();
    if (isListening(address, portManager, Duration.ofMillis(500))) {
      throw new IOException("port " + portManager + " at " + address + ", which the daemon's port"
          + " manager needs, is taken (another daemon? give each its own with"
          + " --port-manager-port)");
    }
    List<String> command = new ArrayList<>(launchPrefix);
    command.addAll(
        List.of(
            javaExecutable(),
            "-cp",
            home.daemonJar().toString(),
            DAEMON_CLASS,
            Integer.toString(port)));
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("MPJ_HOME", home.path().toString());
    builder.directory(logFile.toAbsolutePath().getParent().toFile());
    Process started = builder.start();
    MpjDaemon daemon = new MpjDaemon(started.toHandle(), port);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!isListening(address, port, Duration.ofMillis(200))) {
      if (!started.isAlive()) {
        // MPJ's daemon exits with status 0 when its port manager cannot bind its port.
        throw new IOException("the MPJ daemon exited at once with status " + started.exitValue()
            + (isListening(address, portManager, Duration.ofMillis(300))
                ? "; port " + portManager + ", which its port manager needs, is taken (another"
                    + " daemon running? give each its own with --port-manager-port)"
                : "; it also exits so when port " + portManager + " (its port manager's) is"
                    + " held by another connection")
            + "; see " + logFile);
      }
      if (System.nanoTime() > deadline) {
        daemon.stop();
        throw new IOException(
            "the MPJ daemon did not listen on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s; see " + logFile);
      }
      try {
        started.waitFor(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        daemon.stop();
        throw new IOException("interrupted while starting the MPJ daemon", e);
      }
    }
    return daemon;
  }

  /** This daemon's process id. */
  public long pid() {
    return process.pid();
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** Whether the daemon process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the daemon and every process it started (rank JVMs outlive a killed daemon, so they go
   * first), waiting a bounded time for each.
   */
  public void stop() {
    List<ProcessHandle> descendants = process.descendants().toList();
    for (ProcessHandle child : descendants) {
      child.destroyForcibly();
    }
    process.destroy();
    awaitExit(process);
    if (process.isAlive()) {
      process.destroyForcibly();
      awaitExit(process);
    }
    for (ProcessHandle child : descendants) {
      awaitExit(child);
    }
  }

  private static void awaitExit(ProcessHandle handle) {
    try {
      handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // Still running after the bound: the caller escalates or reports.
    }
  }

  /** Whether something accepts TCP connections at {@code host:port} within {@code timeout}. */
  public static boolean isListening(String host, int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(timeout.toMillis()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  // ---- detached daemons remembered in pid files ----

  /**
   * Where {@code cluster start} keeps its pid files and daemon logs: beside the MPJ home, under the
   * user's home, which a cluster's hosts often share; so every name carries the host.
   */
  public static Path filesDirectory() {
    return MpjHome.defaultPath().getParent().resolve("daemons");
  }

  /** The pid file of the daemon {@code cluster start} started on {@code host} on {@code port}. */
  public static Path pidFile(String host, int port) {
    return filesDirectory().resolve("daemon-" + (host == null ? "" : host + "-") + port + ".pid");
  }

  /** The log of the daemon {@code cluster start} started on {@code host} on {@code port}. */
  public static Path logFile(String host, int port) {
    return filesDirectory().resolve("daemon-" + host + "-" + port + ".log");
  }

  /**
   * Deletes the pid files of {@code host}'s daemons that no longer run (a host that went away with
   * its daemons, as a test host does at {@code cluster down}); a live daemon's file stays.
   */
  public static void forgetStale(String host) {
    java.util.regex.Pattern ours = java.util.regex.Pattern.compile(
        "daemon-" + java.util.regex.Pattern.quote(host) + "-(\\d{1,5})\\.pid");
    if (!Files.isDirectory(filesDirectory())) {
      return;
    }
    try (var files = Files.list(filesDirectory())) {
      for (Path file : files.toList()) {
        java.util.regex.Matcher name = ours.matcher(file.getFileName().toString());
        if (name.matches() && recall(file, Integer.parseInt(name.group(1))).isEmpty()) {
          forget(file);
        }
      }
    } catch (IOException e) {
      // Stale pid files are harmless (recall tells them from live daemons): nothing to report.
    }
  }

  /** Records a detached daemon so that a later command can find and stop it. */
  public void remember(Path pidFile) {
    Instant started = process.info().startInstant().orElse(Instant.EPOCH);
    try {
      Files.createDirectories(pidFile.toAbsolutePath().getParent());
      Files.writeString(
          pidFile, process.pid() + " " + started.toEpochMilli() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + pidFile, e);
    }
  }

  /**
   * Deletes {@code pidFile} if it is one {@link #remember} wrote ({@code "<pid> <start millis>"}):
   * a file of that name holding anything else is not ours, and stays.
   */
  public static void forget(Path pidFile) throws IOException {
    if (!Files.isRegularFile(pidFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        || Files.size(pidFile) > 64) {
      return;
    }
    if (Files.readString(pidFile, StandardCharsets.UTF_8).matches("[0-9]+ -?[0-9]+\n")) {
      Files.deleteIfExists(pidFile);
    }
  }

  /**
   * The daemon a pid file names, if that process is still the daemon we started: same pid, same
   * start time, and running the daemon class. A stale file gives empty.
   */
  public static Optional<MpjDaemon> recall(Path pidFile, int port) {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      String[] fields = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+");
      long pid = Long.parseLong(fields[0]);
      long startedMillis = Long.parseLong(fields[1]);
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              h ->
                  h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startedMillis)
          .filter(
              h ->
                  h.info().commandLine().map(c -> c.contains(DAEMON_CLASS)).orElse(false)
                      || h.info().arguments().map(a -> List.of(a).contains(DAEMON_CLASS))
                          .orElse(false))
          .map(h -> new MpjDaemon(h, port));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
