package org.mpjbench.kernels.download;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.mpjbench.kernels.spi.HostName;
import org.mpjbench.kernels.spi.KernelFixture;
import org.mpjbench.kernels.spi.KernelOptions;
import org.mpjbench.lineserver.LineFile;
import org.mpjbench.lineserver.LineServer;
import org.mpjbench.lineserver.LineServerConfig;
import picocli.CommandLine.Option;

/**
 * The options of {@code mpjbench run download}: the download's own and the line server's. Without
 * {@code --server}, the run's fixture starts a line server for the run (on the address the ranks
 * reach this host at, a free port) and stops it afterwards; with it, the fixture asks the named
 * server {@code INFO} before any rank starts and takes its line count, rate and burst for the
 * options not given (a server that does not tell leaves the options and their defaults; a given
 * {@code --lines} the server contradicts is an error).
 */
public final class DownloadOptions implements KernelOptions<DownloadParameters> {
  /** The longest line a rank reads in a reply (see the download kernel's client). */
  private static final int MAX_LINE_BYTES = (1 << 20) - 16;
  private static final int DEFAULT_LINES = 1000;

  /** Which options the command line gave: to tell one given from its default. */
  private Predicate<String> given = name -> false;

  /** The served file, once {@link #served()} has read or generated it. */
  private LineFile served;

  @Option(names = "--server", paramLabel = "HOST:PORT", description = "Use this running line"
      + " server instead of starting one; its line count, rate and burst are asked (INFO), or"
      + " taken from --lines, --rate-per-second and --burst when it does not tell.")
  String server;

  @Option(names = "--lines", paramLabel = "N", description = "Lines of the file (default: 1000;"
      + " with --file, the file's own count; with --server, the count the server tells).")
  Integer lines;

  @Option(names = "--file", paramLabel = "PATH", description = "Serve this text file as it is"
      + " (default: a generated one).")
  Path file;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the"
      + " generated file and of the server's draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rate-per-second", paramLabel = "R", defaultValue = "250", description =
      "Requests per second the server allows each connection (default: ${DEFAULT-VALUE}).")
  double ratePerSecond;

  @Option(names = "--burst", paramLabel = "B", defaultValue = "5", description = "Requests a"
      + " connection may make at once after a pause (default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(names = "--decline-probability", paramLabel = "P", defaultValue = "0", description =
      "The server declines this share of requests at random (default: ${DEFAULT-VALUE}).")
  double declineProbability;

  @Option(names = "--max-connections-per-address", paramLabel = "K", defaultValue = "512",
      description = "The server refuses more connections than this from one address (0: no"
          + " limit; default: ${DEFAULT-VALUE}).")
  int maxConnectionsPerAddress;

  @Option(names = "--drop-connection-every", paramLabel = "N", defaultValue = "0", description =
      "For trying reconnection: the server closes each connection after N lines (default: none).")
  int dropConnectionEvery;

  @Option(names = "--exchange-interval-ms", paramLabel = "MS", defaultValue = "20", description =
      "How often the ranks share their new lines with rank 0 (default: ${DEFAULT-VALUE}).")
  long exchangeIntervalMs;

  @Option(names = "--connect-timeout-ms", paramLabel = "MS", defaultValue = "10000", description =
      "A rank that cannot reach the server this long fails the run (default: ${DEFAULT-VALUE}).")
  long connectTimeoutMs;

  @Option(names = "--read-timeout-ms", paramLabel = "MS", defaultValue = "5000", description =
      "A reply slower than this makes the rank reconnect (default: ${DEFAULT-VALUE}).")
  long readTimeoutMs;

  @Option(names = "--submitter-id", paramLabel = "ID", defaultValue = "mpjbench", description =
      "The id of SUBMIT id@team (default: ${DEFAULT-VALUE}).")
  String submitterId;

  @Option(names = "--team", paramLabel = "TEAM", defaultValue = "ranks", description = "The team"
      + " of SUBMIT id@team (default: ${DEFAULT-VALUE}).")
  String team;

  /**
   * The parameters with everything but the server's address checked (that comes with the
   * fixture, which knows it).
   */
  @Override
  public DownloadParameters parameters(int ranks) {
    if (server != null) {
      requireNoServerOptions();
      ServerAddress address = serverAddress();
      return parameters(address.host(), address.port(), lines == null ? DEFAULT_LINES : lines);
    }
    return parameters("localhost", 1, served().lines().size());
  }

  @Override
  public void given(Predicate<String> matched) {
    given = matched;
  }

  @Override
  public KernelFixture<DownloadParameters> fixture(int ranks) {
    if (server != null) {
      return new ExternalServer(parameters(ranks));
    }
    LineFile served = served();
    if (served.longestLineBytes() > MAX_LINE_BYTES) {
      throw new IllegalArgumentException("--file has a line of " + served.longestLineBytes()
          + " bytes; the download kernel takes lines of at most " + MAX_LINE_BYTES + " bytes");
    }
    serverConfig(InetAddress.getLoopbackAddress(), served); // the server's options, checked now
    return new OwnServer(served);
  }

  private void requireNoServerOptions() {
    if (file != null || declineProbability != 0 || given.test("--max-connections-per-address")
        || dropConnectionEvery != 0 || given.test("--seed")) {
      throw new IllegalArgumentException("--file, --seed, --decline-probability,"
          + " --max-connections-per-address and --drop-connection-every configure the line server"
          + " mpjbench starts; they do not apply with --server");
    }
  }

  private record ServerAddress(String host, int port) {}

  private ServerAddress serverAddress() {
    int colon = server.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(server.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("--server wants HOST:PORT, got '" + server + "'");
    }
    String host = server.substring(0, Math.max(colon, 0)).replace("[", "").replace("]", "");
    if (port < 1 || port > 65_535 || HostName.problem(host) != null) {
      throw new IllegalArgumentException("--server wants HOST:PORT with a port from 1 to 65535,"
          + " got '" + server + "'" + (HostName.problem(host) == null ? ""
              : ": the host is not a host name or address (" + HostName.problem(host) + ")"));
    }
    return new ServerAddress(host, port);
  }

  /**
   * The file the run's server serves, read or generated once: {@link #parameters} needs its line
   * count and {@link #fixture} the file itself, and a large {@code --file} is worth reading once.
   */
  private LineFile served() {
    if (served == null) {
      served = readOrGenerate();
    }
    return served;
  }

  private LineFile readOrGenerate() {
    if (file != null) {
      if (lines != null) {
        throw new IllegalArgumentException(
            "--lines and --file exclude each other: a file has its own line count");
      }
      try {
        return LineFile.read(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("--file " + file + " cannot be read: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--file " + e.getMessage());
      }
    }
    int count = lines == null ? DEFAULT_LINES : lines;
    if (count < 1 || count > DownloadParameters.MAX_LINE_COUNT) {
      throw new IllegalArgumentException(
          "--lines must be 1 to " + DownloadParameters.MAX_LINE_COUNT + ", got " + count);
    }
    return LineFile.generate(count, seed);
  }

  private DownloadParameters parameters(String host, int port, int lineCount) {
    return new DownloadParameters(host, port, lineCount, ratePerSecond, burst, exchangeIntervalMs,
        connectTimeoutMs, readTimeoutMs, submitterId, team);
  }

  private LineServerConfig serverConfig(InetAddress bind, LineFile served) {
    return new LineServerConfig(bind, 0, served, ratePerSecond, burst, declineProbability,
        maxConnectionsPerAddress, LineServerConfig.DEFAULT_MAX_CONNECTIONS,
        LineServerConfig.DEFAULT_IDLE_TIMEOUT, seed, dropConnectionEvery);
  }

  /** A line server started for the run, serving {@code served}; the copy is checked against it. */
  private final class OwnServer implements KernelFixture<DownloadParameters> {
    private final LineFile served;
    private LineServer lineServer;

    OwnServer(LineFile served) {
      this.served = served;
    }

    /** The copy of the file is stored beside the result. */
    @Override
    public long artifactBytes() {
      return served.sizeBytes();
    }

    @Override
    public DownloadParameters start(InetAddress bind, String rankFacingHost) throws IOException {
      lineServer = LineServer.start(serverConfig(bind, served));
      return parameters(rankFacingHost, lineServer.address().getPort(), served.lines().size());
    }

    @Override
    public List<String> notes() {
      return served.finalLineBreakMissing()
          ? List.of("note: " + file + " lacks a final line break; the reassembled copy will end"
              + " with one")
          : List.of();
    }

    /**
     * The copy is every line plus a line break: the served file itself, or it plus the one final
     * line break it lacked.
     */
    @Override
    public String artifactCheck(String name, Path copy) throws IOException {
      if (!DownloadKernel.FILE_ARTIFACT.equals(name)) {
        return "";
      }
      String what = served.finalLineBreakMissing()
          ? "the served file plus the final line break it lacks" : "the served file";
      return Arrays.equals(Files.readAllBytes(copy), served.toBytes())
          ? ", byte-identical to " + what : ", DIFFERS from " + what;
    }

    @Override
    public void close() {
      if (lineServer != null) {
        lineServer.close();
      }
    }
  }

  /**
   * A running line server named by {@code --server}: reached before any rank starts, and asked
   * {@code INFO}, whose answer fills the line count, rate and burst the command line left out.
   */
  private final class ExternalServer implements KernelFixture<DownloadParameters> {
    private final DownloadParameters parameters;
    private List<String> notes = List.of();

    ExternalServer(DownloadParameters parameters) {
      this.parameters = parameters;
    }

    @Override
    public DownloadParameters start(InetAddress bind, String rankFacingHost) throws IOException {
      InetSocketAddress address =
          new InetSocketAddress(parameters.serverHost(), parameters.serverPort());
      ServerInfoQuery.Answer answer = ServerInfoQuery.ask(address,
          Duration.ofMillis(parameters.connectTimeoutMs()),
          Duration.ofMillis(parameters.readTimeoutMs()));
      ServerSettings settings = ServerSettings.resolve(server, answer, lines, DEFAULT_LINES,
          ratePerSecond, given.test("--rate-per-second"), burst, given.test("--burst"));
      notes = settings.notes();
      return new DownloadParameters(parameters.serverHost(), parameters.serverPort(),
          settings.lineCount(), settings.ratePerSecond(), settings.burst(),
          parameters.exchangeIntervalMs(), parameters.connectTimeoutMs(),
          parameters.readTimeoutMs(), parameters.submitterId(), parameters.team());
    }

    @Override
    public List<String> notes() {
      return notes;
    }

    @Override
    public void close() {}
  }
}
