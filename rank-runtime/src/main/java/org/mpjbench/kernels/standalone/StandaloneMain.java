package org.mpjbench.kernels.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.FaultInjection;
import org.mpjbench.kernels.mpi.Probe;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.rank.StarterArgs;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.Results;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelFixture;
import org.mpjbench.kernels.spi.KernelOptions;
import org.mpjbench.kernels.spi.Kernels;
import picocli.CommandLine;

/**
 * The main class of {@code mpjbench-ranks.jar}: one kernel run under MPJ Express's own starter,
 * {@code mpjrun.sh -np 4 -dev multicore -jar mpjbench-ranks.jar berkeley --rounds 20 --results
 * results/}. It takes the kernel names and options of {@code mpjbench run KERNEL} (and {@code
 * --results}, {@code --timeout-s}, {@code -q}); rank 0 prints the summary and writes the same
 * result file as the launcher would, after a final collective. Exit status of rank 0's JVM: 0
 * complete, 1 failed or timed out (a violated property included), 2 bad input; MPJ's starter
 * itself says nothing of it, so the {@code FAILED} line and the result file's {@code status} are
 * what a script reads.
 */
public final class StandaloneMain {
  /** The name in messages. */
  static final String PROGRAM = "mpjbench-ranks";

  private static final int COMPLETE = 0;
  private static final int FAILED = 1;
  private static final int USAGE = 2;
  /** Bytes of one rank's "host pid" in the gather of where the ranks run. */
  private static final int HOST_BYTES = 256;
  /** A failed rank's wait in the final collective before it ends itself. */
  private static final Duration FAILED_RANK_WAIT = Duration.ofSeconds(10);

  private final int rank;
  private final int size;
  private final String device;
  private final Instant startTime;
  private final long startNanos;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  private StandaloneMain(int rank, int size, String device, Instant startTime, long startNanos) {
    this.rank = rank;
    this.size = size;
    this.device = device;
    this.startTime = startTime;
    this.startNanos = startNanos;
  }

  /** Entry point for MPJ's starter; {@code args} still hold the runtime's own leading words. */
  public static void main(String[] args) throws Exception {
    Instant startTime = Instant.now();
    long startNanos = System.nanoTime();
    String device = deviceOf(args);
    Probe.useDevice(StarterArgs.device(args));
    // A rank refused by MPJ's starter leaves it waiting forever, and under mpjrun.sh nobody
    // starts the job again: a rank a daemon started gives the starter a moment first.
    StarterArgs.awaitStarter(args);
    String[] words = MPI.Init(args);
    StandaloneMain main = new StandaloneMain(MPI.COMM_WORLD.Rank(), MPI.COMM_WORLD.Size(), device,
        startTime, startNanos);
    int exit = main.run(words);
    MPI.Finalize();
    if (main.rank == 0) {
      System.out.flush();
      System.err.flush();
      // Rank 0 speaks for the run; in multicore this also ends the other ranks' threads.
      System.exit(exit);
    }
  }

  /**
   * The device, from the words MPJ's starter puts before the program's arguments (rank, its
   * configuration, the device: {@code smpdev} for multicore).
   */
  static String deviceOf(String[] args) {
    String word = StarterArgs.device(args);
    return word == null ? "unknown" : word.equals("smpdev") ? "multicore" : word;
  }

  private int run(String[] words) throws MPIException {
    Parsed<?> parsed;
    try {
      parsed = parse(words);
    } catch (IllegalArgumentException | CommandLine.ParameterException e) {
      if (rank == 0) {
        err.println(PROGRAM + ": " + e.getMessage());
      }
      return USAGE;
    }
    if (parsed == null) {
      return COMPLETE; // --help or --version, printed by rank 0
    }
    return execute(parsed);
  }

  /** A kernel, its options parsed, and the standalone settings. */
  private record Parsed<P>(KernelDescriptor<P, ?> kernel, KernelOptions<P> options,
      StandaloneSettings settings) {}

  /** Every rank parses the same words, so every rank reaches the same verdict. */
  private Parsed<?> parse(String[] words) {
    if (words.length == 0 || words[0].startsWith("-")) {
      if (words.length > 0 && (words[0].equals("-h") || words[0].equals("--help"))) {
        if (rank == 0) {
          out.println("Usage: mpjrun.sh -np N -dev DEVICE -jar mpjbench-ranks.jar KERNEL"
              + " [OPTIONS]");
          out.println("Kernels: " + String.join(", ", names()));
          out.println("The options are those of 'mpjbench run KERNEL', and --results DIR,"
              + " --timeout-s SECONDS, -q; 'KERNEL --help' lists them.");
        }
        return null;
      }
      throw new IllegalArgumentException("name a kernel first: " + String.join(", ", names()));
    }
    KernelDescriptor<?, ?> kernel = Kernels.loadOne(words[0]).orElseThrow(() ->
        new IllegalArgumentException("unknown kernel '" + words[0] + "'; known kernels: "
            + String.join(", ", names())));
    return parse(kernel, Arrays.copyOfRange(words, 1, words.length));
  }

  private <P> Parsed<P> parse(KernelDescriptor<P, ?> kernel, String[] words) {
    StandaloneSettings settings = new StandaloneSettings();
    KernelOptions<P> options = kernel.options();
    CommandLine line = new CommandLine(settings);
    line.addMixin("kernel", options);
    line.getCommandSpec().name("mpjrun.sh ... -jar mpjbench-ranks.jar " + kernel.name());
    line.getCommandSpec().usageMessage().description(kernel.description().toArray(String[]::new));
    line.getCommandSpec().mixinStandardHelpOptions(true);
    CommandLine.ParseResult result = line.parseArgs(words);
    if (result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
      if (rank == 0) {
        line.usage(out);
      }
      return null;
    }
    settings.validate(size);
    options.given(result::hasMatchedOption);
    options.parameters(size); // checks every option before anything starts
    return new Parsed<>(kernel, options, settings);
  }

  private static List<String> names() {
    return Kernels.all().stream().map(KernelDescriptor::name).toList();
  }

  private <P, R> int execute(Parsed<P> parsed) throws MPIException {
    @SuppressWarnings("unchecked") // the descriptor's result type is R
    KernelDescriptor<P, R> kernel = (KernelDescriptor<P, R>) parsed.kernel();
    StandaloneSettings settings = parsed.settings();
    Map<Integer, RunRecord.RankHost> hosts = gatherHosts();
    Run<P> run = new Run<>(kernel, settings, hosts);
    Watchdog watchdog = new Watchdog(rank, Duration.ofSeconds(settings.timeoutSeconds),
        (status, failedRank, reason) -> run.stop(status, failedRank, reason), FAILED);
    try {
      return run.execute(parsed.options(), watchdog);
    } finally {
      watchdog.finished();
    }
  }

  /** Where every rank runs, gathered on rank 0 (others get an empty map). */
  private Map<Integer, RunRecord.RankHost> gatherHosts() throws MPIException {
    byte[] mine = Arrays.copyOf((RunRecord.Environment.localHost() + " " + ProcessHandle.current().pid())
        .getBytes(StandardCharsets.UTF_8), HOST_BYTES);
    byte[] all = new byte[HOST_BYTES * size];
    MPI.COMM_WORLD.Gather(mine, 0, HOST_BYTES, MPI.BYTE, all, 0, HOST_BYTES, MPI.BYTE, 0);
    Map<Integer, RunRecord.RankHost> hosts = new TreeMap<>();
    if (rank == 0) {
      for (int r = 0; r < size; r++) {
        String text = new String(all, r * HOST_BYTES, HOST_BYTES, StandardCharsets.UTF_8).trim();
        int space = text.lastIndexOf(' ');
        hosts.put(r, new RunRecord.RankHost(text.substring(0, space),
            Long.parseLong(text.substring(space + 1).trim())));
      }
    }
    return hosts;
  }

  /** One run of {@code kernel}: its parameters, its artifacts, and the record rank 0 writes. */
  private final class Run<P> {
    private final KernelDescriptor<P, ?> kernel;
    private final StandaloneSettings settings;
    private final Map<Integer, RunRecord.RankHost> hosts;
    private final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    private final ResultWriter writer;
    private volatile JsonNode parametersJson;
    private volatile KernelFixture<P> fixture;
    private volatile boolean written;

    Run(KernelDescriptor<P, ?> kernel, StandaloneSettings settings,
        Map<Integer, RunRecord.RankHost> hosts) {
      this.kernel = kernel;
      this.settings = settings;
      this.hosts = hosts;
      this.writer = new ResultWriter(settings.results);
    }

    int execute(KernelOptions<P> options, Watchdog watchdog) throws MPIException {
      P parameters = agreeOnParameters(options);
      if (parameters == null) {
        return FAILED;
      }
      Object result = null;
      Throwable failure = null;
      try {
        RankContext context = new RankContext(MPI.COMM_WORLD, rank, size, record -> { },
            this::keepArtifact, KernelEvents.off(), settings.results.toAbsolutePath());
        FaultInjection fault = settings.fault();
        if (fault != null) {
          fault.commitOn(rank);
        }
        result = kernel.create(parameters).run(context);
      } catch (Throwable t) {
        failure = t;
        reportFailure(t);
      }
      if (failure != null && rank == 0) {
        // Rank 0 records the run: it need not wait for ranks that may never come, and ending its
        // JVM ends a multicore job at once (a niodev job's other ranks end at their watchdog).
        watchdog.finished();
        stop("failed", 0, failure);
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(FAILED);
      }
      // The final collective: every rank says how it ended, so rank 0 writes only a result that
      // every rank finished. A failed rank waits for it a bounded time.
      if (failure != null) {
        haltAfter(FAILED_RANK_WAIT);
      }
      int[] status = {failure == null ? COMPLETE : FAILED};
      int[] worst = new int[1];
      MPI.COMM_WORLD.Allreduce(status, 0, worst, 0, 1, MPI.INT, MPI.MAX);
      watchdog.finished();
      try {
        if (rank != 0) {
          return worst[0];
        }
        if (worst[0] != COMPLETE) {
          return stop("failed", null, "another rank failed (its own line above says how)");
        }
        return complete(result);
      } finally {
        closeFixture();
      }
    }

    /**
     * Rank 0 starts the kernel's fixture (the download's line server) and makes sure every rank
     * runs with its parameters; null everywhere when that failed. Every rank parsed the same
     * words, so most runs agree already: rank 0 sends its parameters' text (a record's {@code
     * toString}, which names every field), and only when a rank's own differ (a fixture changed
     * them: the line server's address) does rank 0 send them as JSON. So the other ranks do not
     * set up Jackson, in their own class loaders, only to read what they already have: that took
     * them about a quarter of a second before the kernel started (docs/standalone.md).
     */
    private P agreeOnParameters(KernelOptions<P> options) throws MPIException {
      byte[] json = null;
      P parameters = null;
      if (rank == 0) {
        try {
          writer.checkWritable();
          parameters = options.parameters(size);
          KernelFixture<P> started = options.fixture(size);
          if (started != null) {
            fixture = started;
            writer.checkWritable(started.artifactBytes());
            InetAddress bind = bindAddress();
            parameters = started.start(bind, bind.getHostAddress());
            if (!settings.quiet) {
              started.notes().forEach(note -> err.println(PROGRAM + ": " + note));
            }
          }
          parametersJson = ControlCodec.toTree(parameters);
          json = ControlCodec.mapper().writeValueAsBytes(parametersJson);
        } catch (IOException | RuntimeException e) {
          err.println(PROGRAM + ": " + kernel.name() + " cannot start: " + e.getMessage());
          closeFixture();
          parameters = null;
        }
      } else {
        parameters = options.parameters(size); // checked already by parse, so it does not throw
      }
      byte[] text = rank == 0 && parameters == null ? null
          : String.valueOf(parameters).getBytes(StandardCharsets.UTF_8);
      byte[] fromRankZero = broadcast(text);
      if (fromRankZero == null) {
        return null;
      }
      int[] differs = {rank != 0 && !Arrays.equals(text, fromRankZero) ? 1 : 0};
      int[] anyDiffers = new int[1];
      MPI.COMM_WORLD.Allreduce(differs, 0, anyDiffers, 0, 1, MPI.INT, MPI.MAX);
      if (anyDiffers[0] == 0) {
        return parameters;
      }
      byte[] received = broadcast(json);
      if (rank == 0 || differs[0] == 0) {
        return parameters;
      }
      try {
        return ControlCodec.fromTree(ControlCodec.mapper().readTree(received),
            kernel.parametersType());
      } catch (IOException e) {
        throw new IllegalStateException("rank " + rank + " cannot read the parameters", e);
      }
    }

    /** Rank 0's {@code bytes} on every rank; null everywhere when rank 0 has none. */
    private byte[] broadcast(byte[] bytes) throws MPIException {
      int[] length = {bytes == null ? -1 : bytes.length};
      MPI.COMM_WORLD.Bcast(length, 0, 1, MPI.INT, 0);
      if (length[0] < 0) {
        return null;
      }
      byte[] received = rank == 0 ? bytes : new byte[length[0]];
      MPI.COMM_WORLD.Bcast(received, 0, length[0], MPI.BYTE, 0);
      return received;
    }

    /** Where the fixture listens: loopback when every rank is on rank 0's host. */
    private InetAddress bindAddress() throws IOException {
      String here = hosts.get(0).host();
      String remote = hosts.values().stream().map(RunRecord.RankHost::host)
          .filter(h -> !h.equals(here)).findFirst().orElse(null);
      if (remote == null) {
        return InetAddress.getLoopbackAddress();
      }
      // The local address toward another rank's host (no packet is sent).
      try (DatagramSocket probe = new DatagramSocket()) {
        probe.connect(new InetSocketAddress(remote, 9));
        return probe.getLocalAddress();
      }
    }

    private void keepArtifact(String name, byte[] data) {
      if (rank == 0) {
        synchronized (artifacts) {
          artifacts.put(name, data);
        }
      }
    }

    /** A rank other than 0 says how it failed, to the user and to rank 0 (rank 0 says it all). */
    private void reportFailure(Throwable t) {
      if (rank != 0) {
        String error = t.getClass().getSimpleName() + ": " + t.getMessage();
        err.println(PROGRAM + ": rank " + rank + " on " + RunRecord.Environment.localHost()
            + " failed: " + error);
        Watchdog.reportFailure(rank, error);
      }
    }

    private void haltAfter(Duration wait) {
      Thread timer = new Thread(() -> {
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        Runtime.getRuntime().halt(FAILED);
      }, "mpjbench-failed-rank-" + rank);
      timer.setDaemon(true);
      timer.start();
    }

    private int complete(Object result) {
      RunRecord record = record("complete", ControlCodec.toTree(result), null);
      Path file;
      try {
        file = write(record);
      } catch (IOException e) {
        return FAILED;
      }
      try {
        RunRecord written = ResultWriter.read(file);
        List<String> summary = Results.summary(kernel, written, file, fixture);
        summary.forEach(out::println);
        out.println("  result        " + file);
        out.flush();
        return COMPLETE;
      } catch (IOException | RuntimeException e) {
        err.println(PROGRAM + ": " + kernel.name() + " complete, result written to " + file
            + ", but its summary failed: " + e.getMessage());
        return FAILED;
      }
    }

    /** Rank 0 ends the run with {@code status}: the FAILED line and a partial record. */
    int stop(String status, Integer failedRank, Throwable failure) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      PropertyCheck violation = PropertyCheck.ViolationException.checkIn(failure);
      String message = violation != null
          ? "property violated: " + violation.property() + ": " + violation.detail()
          : failure.getClass().getSimpleName() + ": " + failure.getMessage();
      return stop(status, new RunRecord.Failure(failedRank, hostOf(failedRank), message,
          trace.toString(), violation));
    }

    int stop(String status, Integer failedRank, String reason) {
      return stop(status, new RunRecord.Failure(failedRank, hostOf(failedRank), reason, null));
    }

    /** Where {@code rank} ran, when known. */
    private String hostOf(Integer rank) {
      RunRecord.RankHost host = rank == null ? null : hosts.get(rank);
      return host == null ? null : host.host();
    }

    private synchronized int stop(String status, RunRecord.Failure failure) {
      if (written) {
        return FAILED;
      }
      err.println(PROGRAM + ": FAILED: " + kernel.name() + " " + status + ": " + failure.message());
      if (parametersJson == null) {
        return FAILED; // it ended before it began: nothing to record
      }
      try {
        Path file = write(record(status, null, failure));
        err.println(PROGRAM + ": partial result written to " + file);
      } catch (IOException e) {
        // write() said why
      }
      closeFixture();
      return FAILED;
    }

    private RunRecord record(String status, JsonNode result, RunRecord.Failure failure) {
      boolean complete = "complete".equals(status);
      return new RunRecord(RunRecord.SCHEMA, status, !complete, kernel.name(), size, device,
          parametersJson, startTime, (System.nanoTime() - startNanos) / 1e9, environment(),
          hosts, result, complete ? null : List.of(), failure, null);
    }

    private synchronized Path write(RunRecord record) throws IOException {
      Map<String, byte[]> kept;
      synchronized (artifacts) {
        kept = new LinkedHashMap<>(artifacts);
      }
      try {
        Path file = writer.write(record, kept);
        written = true;
        return file;
      } catch (IOException e) {
        err.println(PROGRAM + ": the result could not be written to " + settings.results + " ("
            + e.getMessage() + "); it follows on stderr, one line of JSON");
        err.println(ResultWriter.toJsonLine(record));
        throw e;
      }
    }

    private void closeFixture() {
      KernelFixture<P> started = fixture;
      fixture = null;
      if (started != null) {
        try {
          started.close();
        } catch (Exception e) {
          err.println(PROGRAM + ": could not stop " + kernel.name() + "'s fixture: "
              + e.getMessage());
        }
      }
    }
  }

  /** This host, Java and MPJ Express ({@code $MPJ_HOME}, as MPJ's own scripts use it). */
  private static RunRecord.Environment environment() {
    String home = System.getenv("MPJ_HOME");
    String version = "unknown";
    if (home != null) {
      Properties conf = new Properties();
      try (var in = Files.newInputStream(Path.of(home, "conf", "mpjexpress.conf"))) {
        conf.load(in);
        version = conf.getProperty("mpjexpress.version", "unknown").trim();
      } catch (IOException e) {
        // An MPJ home without its configuration: the version stays unknown.
      }
    }
    return RunRecord.Environment.here(version, home, null, null, null);
  }
}
