package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.download.DownloadKernel;
import org.mpjbench.kernels.download.DownloadParameters;
import org.mpjbench.kernels.download.DownloadResult;
import org.mpjbench.kernels.download.server.LineFile;
import org.mpjbench.kernels.download.server.LineServer;
import org.mpjbench.kernels.download.server.LineServerConfig;
import org.mpjbench.launcher.mpj.HostName;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpjbench run download}: cooperative file download from a rate-limited line server. */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Cooperative file download: every rank fetches random lines from a rate-limited line server",
      "over its own connection, the ranks share what they get through MPI, and rank 0 submits the",
      "whole file. Without --server, a line server is started for the run on a free port and",
      "stopped afterwards. Reports the time beside the coupon-collector bound N·H(N)/(K·R) and the",
      "efficiency E = D/(K·R)/T, where D is the draws the group needed (luck) and T the time.",
    })
public final class DownloadCommand implements Callable<Integer> {
  /** The longest line a rank reads in a reply (see the download kernel's client). */
  private static final int MAX_LINE_BYTES = (1 << 20) - 16;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--server", paramLabel = "HOST:PORT", description = "Use this running line"
      + " server (give its --lines and --rate-per-second too) instead of starting one.")
  String server;

  @Option(names = "--lines", paramLabel = "N", description = "Lines of the file (default: 1000;"
      + " with --file, the file's own count).")
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

  @Override
  public Integer call() throws Exception {
    // Everything about the download is checked before KernelRun looks for MPJ: bad input first.
    if (server != null) {
      return runAgainstExternalServer();
    }
    LineFile served = servedFile();
    if (served.longestLineBytes() > MAX_LINE_BYTES) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--file has a line of "
          + served.longestLineBytes() + " bytes; the download kernel takes lines of at most "
          + MAX_LINE_BYTES + " bytes");
    }
    parameters("localhost", 0, served.lines().size());
    serverConfig(InetAddress.getLoopbackAddress(), served); // the server's options, checked now
    run.artifactBytes = served.sizeBytes(); // the copy of the file is stored beside the result
    KernelRun kernelRun = new KernelRun(spec, run, KernelType.DOWNLOAD);
    LineServerConfig config = serverConfig(kernelRun.rankFacingAddress(), served);
    try (LineServer lineServer = LineServer.start(config)) {
      DownloadParameters parameters = parameters(kernelRun.rankFacingHost(),
          lineServer.address().getPort(), served.lines().size());
      if (served.finalLineBreakMissing() && !run.quiet) {
        spec.commandLine().getErr().println("mpjbench: note: " + file + " lacks a final line"
            + " break; the reassembled copy will end with one");
      }
      // The copy is every line plus a line break: the served file itself, or it plus the one
      // final line break it lacked (said above).
      byte[] expected = served.toBytes();
      String what = served.finalLineBreakMissing()
          ? "the served file plus the final line break it lacks" : "the served file";
      return kernelRun.execute(parameters, progress(parameters),
          (record, resultFile) -> summary(record, resultFile, expected, what));
    }
  }

  private int runAgainstExternalServer() throws IOException {
    if (file != null || declineProbability != 0
        || spec.commandLine().getParseResult().hasMatchedOption("--max-connections-per-address")
        || dropConnectionEvery != 0 || spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--file, --seed,"
          + " --decline-probability, --max-connections-per-address and --drop-connection-every"
          + " configure the line server mpjbench starts; they do not apply with --server");
    }
    int colon = server.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(server.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--server wants HOST:PORT, got '" + server + "'");
    }
    String host = server.substring(0, Math.max(colon, 0)).replace("[", "").replace("]", "");
    if (port < 1 || port > 65_535 || HostName.problem(host) != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--server wants HOST:PORT"
          + " with a port from 1 to 65535, got '" + server + "'" + (HostName.problem(host) == null
              ? "" : ": the host is not a host name or address (" + HostName.problem(host) + ")"));
    }
    DownloadParameters parameters = parameters(host, port, lines == null ? 1000 : lines);
    KernelRun kernelRun = new KernelRun(spec, run, KernelType.DOWNLOAD);
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeoutMs));
    } catch (IOException e) {
      throw new UserError(UserError.FAILED, "cannot reach the line server at " + host + ":" + port
          + " within " + connectTimeoutMs + " ms: " + e.getMessage());
    }
    return kernelRun.execute(parameters, progress(parameters),
        (record, resultFile) -> summary(record, resultFile, null, null));
  }

  private LineServerConfig serverConfig(InetAddress bind, LineFile served) {
    return usage(() -> new LineServerConfig(bind, 0, served, ratePerSecond, burst,
        declineProbability, maxConnectionsPerAddress, 1024, Duration.ofSeconds(120), seed,
        dropConnectionEvery));
  }

  private LineFile servedFile() {
    if (file != null) {
      if (lines != null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--lines and --file exclude each other: a file has its own line count");
      }
      return usage(() -> {
        try {
          return LineFile.read(file);
        } catch (IOException e) {
          throw new IllegalArgumentException("--file " + file + " cannot be read: "
              + e.getMessage());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--file " + e.getMessage());
        }
      });
    }
    int count = lines == null ? 1000 : lines;
    if (count < 1 || count > DownloadParameters.MAX_LINE_COUNT) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--lines must be 1 to " + DownloadParameters.MAX_LINE_COUNT + ", got " + count);
    }
    return LineFile.generate(count, seed);
  }

  private DownloadParameters parameters(String host, int port, int lineCount) {
    // Port 0 stands in until the embedded server has its port; validate everything else now.
    return usage(() -> new DownloadParameters(host, port == 0 ? 1 : port, lineCount,
        ratePerSecond, burst, exchangeIntervalMs, connectTimeoutMs, readTimeoutMs, submitterId,
        team));
  }

  private <T> T usage(java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static KernelRun.Progress progress(DownloadParameters parameters) {
    return new KernelRun.Progress(parameters.lineCount(),
        point -> point.path("distinctLines").asLong());
  }

  /** The human summary of a complete download; {@code expected} is the served file, if known. */
  static List<String> summary(RunRecord record, Path resultFile, byte[] expected,
      String expectedWhat) throws IOException {
    DownloadResult r = ControlCodec.fromTree(record.result(), DownloadResult.class);
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "download: %d ranks, %s, %d lines at %s requests/s per"
        + " rank", record.ranks(), record.device(), r.lineCount(), number(r.ratePerSecond())));
    out.add(String.format(Locale.ROOT, "  time          master held every line after %.2f s"
        + " (group: %.2f s); bound N·H(N)/(K·R) = %.2f s", r.masterCompleteSeconds(),
        r.groupCompleteSeconds(), r.boundSeconds()));
    out.add(String.format(Locale.ROOT, "  efficiency    E = D/(K·R)/T = %.3f with D = %,d draws"
        + " (expected %,.0f)", r.efficiency(), r.draws(), r.expectedDraws()));
    out.add("  verdict       " + r.verdict());
    String artifact = record.artifacts() == null ? null
        : record.artifacts().get(DownloadKernel.FILE_ARTIFACT);
    if (artifact != null) {
      Path copy = resultFile.resolveSibling(artifact);
      String identity = "";
      if (expected != null) {
        byte[] actual = Files.readAllBytes(copy);
        identity = Arrays.equals(actual, expected) ? ", byte-identical to " + expectedWhat
            : ", DIFFERS from " + expectedWhat;
      }
      out.add("  file          " + copy + " (" + r.fileBytes() + " bytes" + identity + ")");
    }
    long requests = 0;
    long declined = 0;
    long duplicates = 0;
    long reconnects = 0;
    for (DownloadResult.RankFigures rank : r.ranks()) {
      requests += rank.requests();
      declined += rank.declined();
      duplicates += rank.duplicates();
      reconnects += rank.reconnects();
    }
    out.add(String.format(Locale.ROOT, "  requests      %,d (%,d declined, %,d lines a rank had"
        + " already, %d reconnects); %,d exchanges, median %s", requests, declined, duplicates,
        reconnects, r.exchanges(), Units.nanos(r.medianExchangeNanos())));
    return out;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
