package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.mpjbench.launcher.runs.UserError;
import org.mpjbench.lineserver.LineFile;
import org.mpjbench.lineserver.LineServer;
import org.mpjbench.lineserver.LineServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mpjbench line-server}: runs the line server of the cooperative-download kernel in the
 * foreground until Ctrl-C or SIGTERM (a shutdown hook closes it and prints its statistics).
 */
@Command(
    name = "line-server",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serves the lines of a file over TCP, rate-limited, for the cooperative download.",
      "Serves the lines of a file over TCP for the cooperative-download kernel:",
      "SENDLINE gets a random line as '<n>\\n<text>\\n', or '-1\\n\\n' when declined (over",
      "the connection's rate limit, or at random); SUBMIT checks a whole reassembled",
      "file. Runs until Ctrl-C or SIGTERM, then prints its statistics.",
      "",
      "Examples:",
      "  mpjbench line-server --lines 1000 --seed 1",
      "  mpjbench line-server --file a.txt --port 7000 --rate-per-second 50 --burst 10",
    })
public final class LineServerCommand implements Callable<Integer> {
  /**
   * Dotted IPv4, or hex digits, dots and at least one colon (IPv6, optionally in brackets, with a
   * zone): the shapes {@link InetAddress#getByName} parses without a name look-up, so that a typo
   * cannot stall the command on DNS.
   */
  private static final Pattern IP_LITERAL = Pattern.compile(
      "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
          + "|\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?]?");

  /** Lines of the generated file when neither --file nor --lines is given. */
  static final int DEFAULT_LINES = 1000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
      description = "Port to listen on; 0 picks a free one (see --ready-file). Default: "
          + "${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "IP address to listen on; 0.0.0.0 for every interface (the server has no"
          + " authentication). Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--file", paramLabel = "FILE",
      description = "Serve this file, byte for byte, split at '\\n'.")
  Path file;

  @Option(names = "--lines", paramLabel = "N",
      description = "Serve a generated file of N lines (default: " + DEFAULT_LINES
          + ", when no --file).")
  Integer lines;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
      description = "Seed of the generated file and of the server's draws (default: "
          + "${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rate-per-second", paramLabel = "R", defaultValue = "250",
      description = "SENDLINE requests each connection is served per second, on average (a"
          + " token bucket); more are declined (default: ${DEFAULT-VALUE}).")
  double ratePerSecond;

  @Option(names = "--burst", paramLabel = "B", defaultValue = "5",
      description = "Requests a connection may make at once, above the rate: the bucket's size"
          + " (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(names = "--decline-probability", paramLabel = "P", defaultValue = "0",
      description = "Chance that a SENDLINE is declined at random, at any rate (default: "
          + "${DEFAULT-VALUE}).")
  double declineProbability;

  @Option(names = "--max-connections-per-address", paramLabel = "K", defaultValue = "512",
      description = "Open connections allowed from one address; more are refused with an ERROR"
          + " line. 0: no limit (default: ${DEFAULT-VALUE}: twice the most ranks of a run, half"
          + " of --max-connections).")
  int maxConnectionsPerAddress;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1024",
      description = "Open connections allowed in all (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--idle-timeout-s", paramLabel = "SECONDS", defaultValue = "120",
      description = "Close a connection that sends no whole line (a byte now and then does not"
          + " count), or reads no reply, for this long; before its first request, after at most"
          + " 10 s (default: ${DEFAULT-VALUE}).")
  long idleTimeoutSeconds;

  @Option(names = "--drop-connection-every", paramLabel = "N", defaultValue = "0",
      description = "For testing clients' reconnection: close each connection right after its"
          + " N-th SENDLINE reply. 0: never (default: ${DEFAULT-VALUE}).")
  int dropConnectionEvery;

  @Option(names = "--ready-file", paramLabel = "FILE",
      description = "Once listening, write HOST:PORT to this file (atomically), for scripts; it"
          + " is deleted when the server stops.")
  Path readyFile;

  /** What this server wrote to {@link #readyFile}, once written; null before. */
  private volatile String readyWritten;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private volatile LineServer server;
  private boolean stopped;

  @Override
  public Integer call() {
    LineServerConfig config;
    String origin;
    try {
      LineFile served = file != null ? readFile() : generateFile();
      origin = file != null ? "from " + file : "generated, seed " + seed;
      config = new LineServerConfig(bindAddress(), port, served, ratePerSecond, burst,
          declineProbability, maxConnectionsPerAddress, maxConnections,
          Duration.ofSeconds(idleTimeoutSeconds), seed, dropConnectionEvery);
      checkReadyFileFolder();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      server = LineServer.start(config);
    } catch (IOException e) {
      throw new UserError(UserError.FAILED, "cannot listen on " + hostPort(
          new InetSocketAddress(config.bindAddress(), port)) + ": " + e.getMessage());
    }
    Thread hook = new Thread(this::shutDown, "mpjbench-line-server-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println(listeningLine(origin));
      if (server.file().finalLineBreakMissing()) {
        out.println("  note: " + file + " does not end with a line break; its last line is served"
            + " as line " + (server.file().lineCount() - 1) + ", and a reassembled copy gains one"
            + " final '\\n' (the only byte that can differ)");
      }
      out.flush();
      if (readyFile != null) {
        writeReadyFile();
      }
      stopRequested.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      shutDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down already (Ctrl-C): the hook has done the same.
      }
    }
    return 0;
  }

  /** Makes a running {@link #call()} stop the server and return (for tests; real use signals). */
  void stop() {
    stopRequested.countDown();
  }

  /** The running server, or null before it started (for tests). */
  LineServer server() {
    return server;
  }

  /**
   * Closes the server, deletes the ready file and prints the statistics, once: from {@link
   * #call()} after {@link #stop()}, or from the shutdown hook on Ctrl-C or SIGTERM.
   */
  private synchronized void shutDown() {
    if (stopped || server == null) {
      return;
    }
    stopped = true;
    server.close();
    if (readyFile != null) {
      try {
        // Only while it still holds what this server wrote: a file put there since is not ours.
        if (readyWritten != null && Files.isRegularFile(readyFile, LinkOption.NOFOLLOW_LINKS)
            && Files.readString(readyFile, StandardCharsets.US_ASCII).equals(readyWritten)) {
          Files.deleteIfExists(readyFile);
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // A stale ready file names a closed port: scripts fail to connect, which they handle.
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("line server stopped: " + server.stats().summary());
    out.flush();
  }

  private String listeningLine(String origin) {
    LineServerConfig c = server.config();
    StringBuilder line = new StringBuilder("line server listening on ")
        .append(hostPort(server.address())).append(": ")
        .append(c.file().lineCount()).append(c.file().lineCount() == 1 ? " line" : " lines")
        .append(" (").append(origin).append("), ")
        .append(LineServerConfig.plain(c.ratePerSecond())).append(" requests/s per connection, ")
        .append("burst ").append(c.burst());
    if (c.declineProbability() > 0) {
      line.append(", ").append(LineServerConfig.plain(c.declineProbability() * 100))
          .append("% declined at random");
    }
    if (c.maxConnectionsPerAddress() > 0
        && c.maxConnectionsPerAddress() != LineServerConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS) {
      line.append(", at most ").append(c.maxConnectionsPerAddress())
          .append(" connections per address");
    }
    if (c.dropConnectionEvery() > 0) {
      line.append(", each connection dropped after ").append(c.dropConnectionEvery())
          .append(" SENDLINE replies (testing)");
    }
    return line.toString();
  }

  private LineFile readFile() {
    if (lines != null) {
      throw new IllegalArgumentException("--file and --lines exclude each other: serve a file,"
          + " or generate one");
    }
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("--file " + file + " does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--file " + file + " is not a regular file");
    }
    try {
      return LineFile.read(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("--file " + file + " cannot be read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--file " + e.getMessage());
    } catch (OutOfMemoryError e) {
      throw new IllegalArgumentException("--file " + file + " does not fit in memory ("
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB at most)");
    }
  }

  private LineFile generateFile() {
    return LineFile.generate(lines == null ? DEFAULT_LINES : lines, seed);
  }

  private InetAddress bindAddress() {
    if (!IP_LITERAL.matcher(bind).matches() && !bind.equals("localhost")) {
      throw notAnAddressOfThisHost();
    }
    try {
      InetAddress address = InetAddress.getByName(bind);
      if (address.isAnyLocalAddress() || address.isLoopbackAddress()
          || NetworkInterface.getByInetAddress(address) != null) {
        return address;
      }
    } catch (UnknownHostException | SocketException e) {
      // said below
    }
    throw notAnAddressOfThisHost();
  }

  /** The one message for a --bind that is not an IP address of this host, whatever the cause. */
  private IllegalArgumentException notAnAddressOfThisHost() {
    return new IllegalArgumentException("--bind must be an IP address of this host (e.g."
        + " 127.0.0.1, 0.0.0.0, ::1), got '" + bind + "'");
  }

  private void checkReadyFileFolder() {
    if (readyFile == null) {
      return;
    }
    Path folder = readyFile.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(
          "--ready-file " + readyFile + ": the folder " + folder + " does not exist");
    }
    if (Files.isDirectory(readyFile)) {
      throw new IllegalArgumentException("--ready-file " + readyFile + " is a folder");
    }
    if (Files.exists(readyFile, LinkOption.NOFOLLOW_LINKS) && !isReadyFileOfOurs(readyFile)) {
      throw new IllegalArgumentException("--ready-file " + readyFile + " exists and is not a ready"
          + " file of a line server (one HOST:PORT line); left untouched: name another file");
    }
  }

  /**
   * Whether {@code file} is one a line server wrote (a regular file holding one {@code HOST:PORT}
   * line, such as a stale one of a server that was killed): only such a file is replaced, and
   * nothing else we did not create is overwritten or deleted.
   */
  static boolean isReadyFileOfOurs(Path file) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 300) {
        return false;
      }
      return READY_LINE.matcher(Files.readString(file, StandardCharsets.US_ASCII)).matches();
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  private static final Pattern READY_LINE =
      Pattern.compile("(\\[[0-9A-Fa-f:.%]+\\]|[A-Za-z0-9.-]+):[0-9]{1,5}\n");

  /** Writes HOST:PORT to a temporary file, then renames it: readers never see half of it. */
  private void writeReadyFile() {
    Path target = readyFile.toAbsolutePath();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      String line = hostPort(server.address()) + "\n";
      Files.writeString(temporary, line, StandardCharsets.US_ASCII);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      readyWritten = line;
    } catch (IOException e) {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Best effort: the message below is what matters.
        }
      }
      shutDown();
      throw new UserError(UserError.FAILED,
          "cannot write --ready-file " + readyFile + ": " + e.getMessage());
    }
  }

  /** HOST:PORT, with an IPv6 host in brackets so that the last colon always splits. */
  static String hostPort(InetSocketAddress address) {
    InetAddress host = address.getAddress();
    String text = host.getHostAddress();
    return (host instanceof Inet6Address ? "[" + text + "]" : text) + ":" + address.getPort();
  }
}
