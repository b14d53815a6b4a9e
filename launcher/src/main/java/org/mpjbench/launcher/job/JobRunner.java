package org.mpjbench.launcher.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.mpjbench.kernels.control.ControlMessage;
import org.mpjbench.kernels.rank.RankMain;
import org.mpjbench.kernels.results.RunRecord.Failure;
import org.mpjbench.kernels.results.RunRecord.RankHost;
import org.mpjbench.launcher.job.JobOutcome.Status;
import org.mpjbench.launcher.mpj.MpjHome;

/**
 * Runs one {@link JobSpec} through the real MPJ Express runtime (multicore: MPJ's {@code
 * MulticoreStarter} in one JVM; niodev and hybdev: {@code java -jar starter.jar}, which is all
 * {@code mpjrun} does, and MPJ's daemons) and decides the outcome from what the ranks report:
 * complete when every rank said done and rank 0 delivered a result; failed as soon as one rank
 * fails or drops its connection, or the runtime exits early; timed out past the spec's bounds.
 * Whatever the outcome, every process the job started is stopped before {@link #run} returns.
 *
 * <p>One runner runs one job; {@link #interrupt} may be called from another thread (a shutdown
 * hook) and makes {@link #run} return {@link Status#INTERRUPTED} after cleaning up.
 */
public final class JobRunner {
  private static final Duration POLL = Duration.ofMillis(100);
  /** After the runtime exits, how long queued rank messages have to arrive. */
  private static final Duration EXIT_GRACE = Duration.ofSeconds(3);
  /**
   * How long a lost rank or runtime waits for an interrupt before it is called a failure: Ctrl-C
   * sends SIGINT to the whole process group at once, so the ranks can die before this JVM's own
   * shutdown hook has asked the run to stop.
   */
  private static final Duration INTERRUPT_GRACE = Duration.ofMillis(500);
  /** How long the runtime has to exit by itself once the ranks are done or aborted. */
  private static final Duration RUNTIME_EXIT_WAIT = Duration.ofSeconds(20);
  private static final int OUTPUT_LINES_KEPT = 200;
  /** MPJ's class that runs every multicore rank as a thread of one JVM. */
  private static final String MULTICORE_STARTER = "runtime.starter.MulticoreStarter";
  /** The name MPJ's multicore starter gives its device ({@code -dev multicore}). */
  private static final String MULTICORE_DEVICE = "smpdev";
  /** Artifact names become file name suffixes: nothing that could leave the results folder. */
  private static final java.util.regex.Pattern ARTIFACT_NAME =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

  private final PrintStream echo;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Runnable whileStarting = () -> {};
  private volatile boolean interruptRequested;

  /**
   * A runner that echoes the runtime's output to {@code echo} (null: keep it quiet; the last lines
   * still appear in failures).
   */
  public JobRunner(PrintStream echo) {
    this.echo = echo;
  }

  /**
   * Gives {@code task} to run, on a thread of its own, as soon as the job's processes are started:
   * work the launcher will need later (its codec's and result writer's first use), done while the
   * rank JVM starts, a quarter of a second in which the launcher only waits (docs/startup.md).
   * {@code task} must not throw, nor touch what the run uses; it may still run when the job ends.
   */
  public JobRunner whileStarting(Runnable task) {
    this.whileStarting = task;
    return this;
  }

  /** Asks a running job to stop; returns once it has cleaned up or {@code wait} elapsed. */
  public void interrupt(Duration wait) {
    interruptRequested = true;
    try {
      finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs the job to its end; {@code onProgress} sees each intermediate record as it arrives. A job
   * whose ranks failed to join MPI before any of them started is run again (at most three times in all): MPJ's niodev
   * start-up has a race (a daemon may start a rank before the starter listens for it, and the rank's
   * {@code MPI.Init} then fails with "Connection refused"), and nothing was lost yet.
   */
  public JobOutcome run(JobSpec spec, Consumer<JsonNode> onProgress) throws IOException {
    try {
      for (int attempt = 1; ; attempt++) {
        Path workDir = Files.createTempDirectory("mpjbench-job-");
        JobOutcome outcome;
        try {
          outcome = runIn(spec, onProgress, workDir);
        } finally {
          deleteRecursively(workDir);
        }
        boolean initRace = outcome.status() == Status.FAILED && outcome.rankHosts().isEmpty()
            && outcome.failure() != null
            && outcome.failure().message().startsWith(MPI_INIT_FAILED);
        if (!initRace || attempt == START_ATTEMPTS || interruptRequested) {
          return outcome;
        }
        System.err.println("mpjbench: " + MPI_INIT_FAILED + " before any rank started (MPJ's"
            + " start-up race); starting the job again");
        try {
          Thread.sleep(2_000L * attempt); // let the previous starter's ports settle
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return outcome;
        }
      }
    } finally {
      finished.countDown();
    }
  }

  /** Attempts at a job whose ranks keep failing MPI.Init before any of them starts. */
  private static final int START_ATTEMPTS = 3;

  /** How a failure of MPI.Init before any rank connected begins. */
  private static final String MPI_INIT_FAILED = "a rank failed to join MPI (MPI.Init)";

  private JobOutcome runIn(JobSpec spec, Consumer<JsonNode> onProgress, Path workDir)
      throws IOException {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    // The token goes to the ranks in a file only this user can read, never on a command line
    // (any local user can read those in /proc): in the job's folder for one host, in the shared
    // home for daemon-started ranks on other hosts. Deleted when the job ends.
    Path tokenFile = tokenFile(spec, workDir, token);
    try {
      return runWithToken(spec, onProgress, workDir, token, tokenFile);
    } finally {
      Files.deleteIfExists(tokenFile);
    }
  }

  /** Writes {@code token} to a new file that only this user can read, and returns the file. */
  private Path tokenFile(JobSpec spec, Path workDir, String token) throws IOException {
    Path folder = spec.device().usesDaemons() ? MpjHome.defaultPath().getParent()
        .resolve("run-tokens") : workDir;
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
    }
    // A random name, unrelated to the token; readable and writable by this user alone.
    Path file = Files.createTempFile(folder, "run-", ".token", PosixFilePermissions
        .asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return file;
  }

  private JobOutcome runWithToken(JobSpec spec, Consumer<JsonNode> onProgress, Path workDir,
      String token, Path tokenFile) throws IOException {
    ControlMessage.Start start =
        new ControlMessage.Start(spec.program(), spec.parameters(), spec.fault(),
            spec.trace() == null ? 0 : EventTrace.KERNEL_EVENTS_PER_RANK,
            spec.resultsFolder() == null ? null : spec.resultsFolder().toString(),
            spec.factoryClass());
    try (ControlServer control =
        new ControlServer(spec.controlBind(), token, spec.ranks(), start,
            new ControlMessage.Liveness(spec.heartbeatInterval().toMillis(),
                spec.silenceTimeout().toMillis()))) {
      List<ClassSharing> sharing = new ArrayList<>();
      List<String> command = starterCommand(spec, control.port(), tokenFile, workDir, sharing);
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
      builder.environment().put("MPJ_HOME", spec.mpjHome().path().toString());
      long startNanos = System.nanoTime();
      Process starter = builder.start();
      Thread warmUp = new Thread(whileStarting, "mpjbench-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
      OutputTail output = OutputTail.drain(starter.getInputStream(), OUTPUT_LINES_KEPT, echo, "[mpj] ");
      Watch watch = new Watch(spec, control, starter, onProgress, startNanos, output);
      Watch.Verdict verdict;
      try (EventTrace trace = watch.trace) {
        verdict = watch.untilEnd();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        verdict = new Watch.Verdict(Status.INTERRUPTED, new Failure(null, null,
            "interrupted", null));
      } catch (RuntimeException e) {
        // Whatever went wrong in the watch, the runtime and the ranks must still be stopped.
        verdict = new Watch.Verdict(Status.FAILED, new Failure(null, null,
            "the launcher failed while watching the run: " + e, null));
      }
      if (verdict.status() != Status.COMPLETE) {
        control.abortAll(verdict.failure().message());
      }
      boolean exitedByItself = stopRuntime(starter, verdict.status() == Status.COMPLETE
          ? RUNTIME_EXIT_WAIT : Duration.ofSeconds(5));
      for (ClassSharing archive : sharing) {
        archive.keep(exitedByItself && verdict.status() == Status.COMPLETE);
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
      List<String> tail = output.lines();
      Failure failure = verdict.failure();
      if (failure != null && failure.detail() == null && failure.rank() == null) {
        failure = new Failure(null, null, failure.message(), String.join("\n", tail));
      }
      return new JobOutcome(
          verdict.status(),
          watch.result,
          List.copyOf(watch.progress),
          failure,
          wall,
          java.util.Collections.unmodifiableMap(new TreeMap<>(watch.hosts)),
          tail,
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(watch.artifacts)));
    }
  }

  private static List<String> starterCommand(JobSpec spec, int controlPort, Path tokenFile,
      Path workDir, List<ClassSharing> sharing) throws IOException {
    if (!spec.device().usesDaemons()) {
      return multicoreCommand(spec, controlPort, tokenFile, workDir, sharing);
    }
    // Daemon-started ranks run in JVMs MPJ's daemons start on their hosts: MPJ's starter, as
    // mpjrun runs it, hands them the job.
    List<String> command = new ArrayList<>();
    command.add(javaCommand());
    command.add("-jar");
    command.add(spec.mpjHome().starterJar().toString());
    command.add("-np");
    command.add(Integer.toString(spec.ranks()));
    command.add("-dev");
    command.add(spec.device().mpjName());
    Path machines = workDir.resolve("machines");
    spec.machines().writeForMpj(machines);
    command.add("-machinesfile");
    command.add(machines.toString());
    command.add("-dport");
    command.add(Integer.toString(spec.daemonPort()));
    if (spec.protocolSwitchBytes() != null) {
      command.add("-psl");
      command.add(Integer.toString(spec.protocolSwitchBytes()));
    }
    // The ranks' working folder must exist on every host: the launcher's own (a shared home or
    // checkout on a cluster), never a temporary folder of this host's /tmp.
    command.add("-wdir");
    command.add(Path.of("").toAbsolutePath().toString());
    command.add("-cp");
    command.add(spec.rankClasspath().stream().map(Path::toString)
        .collect(Collectors.joining(":")));
    command.addAll(rankProgram(spec, controlPort, tokenFile));
    return command;
  }

  /**
   * The multicore job: the one JVM that holds every rank, started as MPJ's starter would start it
   * ({@code runtime.starter.MulticoreStarter}, MPJ's own, with MPJ's jars on its class path, the
   * working folder, the rank count, the device, the loader, the ranks' class path and the main
   * class) but without MPJ's starter JVM in between, whose only work for multicore is to build
   * this command (about 0.2 s of CPU a run: docs/startup.md).
   */
  private static List<String> multicoreCommand(JobSpec spec, int controlPort, Path tokenFile,
      Path workDir, List<ClassSharing> sharing) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaCommand());
    command.addAll(rankJvmOptions(spec, sharing));
    command.addAll(rankJvmClasspath(spec));
    command.add(MULTICORE_STARTER);
    command.add(workDir.toString());
    command.add(Integer.toString(spec.ranks()));
    command.add(MULTICORE_DEVICE);
    command.add("useLocalLoader");
    command.add(spec.rankClasspath().stream().filter(p -> !sharedByRanks(p))
        .map(Path::toString).collect(Collectors.joining(":")));
    command.addAll(rankProgram(spec, controlPort, tokenFile));
    return command;
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The multicore rank JVM's options: its class-data archive, when the ranks' class path is all
   * jars (in the order the rank JVM sees them, boot append path then the rest; the key holds the
   * rank JVM's class path options too, so it changes with the layout as well as with the files),
   * and its metaspace threshold.
   */
  private static List<String> rankJvmOptions(JobSpec spec, List<ClassSharing> sharing)
      throws IOException {
    List<Path> rankClasses = new ArrayList<>(mpjJars(spec));
    spec.rankClasspath().stream().filter(JobRunner::sharedByRanks).forEach(rankClasses::add);
    spec.rankClasspath().stream().filter(p -> !sharedByRanks(p)).forEach(rankClasses::add);
    boolean allJars = spec.rankClasspath().stream().allMatch(Files::isRegularFile);
    Optional<ClassSharing> rankSharing = allJars
        ? ClassSharing.forJvm("ranks", rankClasses, rankJvmClasspath(spec))
        : Optional.empty();
    rankSharing.ifPresent(sharing::add);
    List<String> options =
        new ArrayList<>(rankSharing.map(ClassSharing::jvmOptions).orElse(List.of()));
    options.add(metaspaceThresholdOption(spec.ranks()));
    return options;
  }

  /** The rank program and its arguments, the same under every device. */
  private static List<String> rankProgram(JobSpec spec, int controlPort, Path tokenFile) {
    return List.of(RankMain.class.getName(), "--control",
        hostForUrl(spec.controlHost()) + ":" + controlPort, "--token-file", tokenFile.toString());
  }

  /**
   * The multicore rank JVM's first metaspace threshold. Every rank loads its own copy of MPI's,
   * our and the kernel's classes (MPJ gives each rank a class loader), about 0.7 MB a rank: from
   * about 30 ranks the JVM's default first threshold (21 MB) was crossed while the kernel ran, and
   * the collections it set off held every rank at safepoints for 50-150 ms (measured with
   * {@code -Xlog:safepoint} at 32 ranks: the download's first tenth of a second). This is only
   * when a collection is first considered; metaspace is still committed as classes are loaded.
   */
  static String metaspaceThresholdOption(int ranks) {
    return "-XX:MetaspaceSize=" + (64 + 2 * ranks) + "m";
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * Whether the multicore ranks share one copy of this jar's classes: Jackson, and the control
   * protocol (the messages and their codec), which every rank uses only to speak to the launcher.
   * MPJ gives each rank its own class loader, and each loaded and set up Jackson again, then
   * built its codec's serializers for every message (at 64 ranks, 64 times: about 1 s of CPU).
   * On the boot append path they are loaded, compiled and set up once, and the codec's one mapper
   * serves every rank. The protocol depends on Jackson alone (an architecture rule): a class there
   * cannot see a rank's own. The ranks' own classes, the kernels' and MPI's stay one copy per rank.
   */
  static boolean sharedByRanks(Path jar) {
    String name = jar.getFileName().toString();
    return Files.isRegularFile(jar) && name.endsWith(".jar")
        && (name.startsWith("jackson-") || name.startsWith("mpjbench-control-protocol-"));
  }

  /**
   * The class path options of the rank JVM MPJ's multicore starter starts (its own jars, in its
   * order, and the shared ones on the boot append path), to try a new archive with.
   */
  private static List<String> rankJvmClasspath(JobSpec spec) {
    List<String> options = new ArrayList<>();
    List<Path> shared = spec.rankClasspath().stream().filter(JobRunner::sharedByRanks).toList();
    if (!shared.isEmpty()) {
      options.add("-Xbootclasspath/a:"
          + shared.stream().map(Path::toString).collect(Collectors.joining(":")));
    }
    options.add("-cp");
    options.add(Stream.of("smpdev", "xdev", "mpjbuf", "loader2", "starter", "mpiExp")
        .map(jar -> spec.mpjHome().lib().resolve(jar + ".jar").toString())
        .collect(Collectors.joining(":")));
    return options;
  }

  /** The MPJ home's jars, which the rank JVM runs from. */
  private static List<Path> mpjJars(JobSpec spec) {
    try (var jars = Files.list(spec.mpjHome().lib())) {
      return jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      return List.of(spec.mpjHome().lib());
    }
  }

  /**
   * Lets the runtime exit by itself for a while, then stops it and everything under it; true when
   * it exited by itself with status 0.
   */
  private static boolean stopRuntime(Process starter, Duration wait) {
    try {
      if (starter.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return starter.exitValue() == 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<ProcessHandle> descendants = starter.toHandle().descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    starter.destroyForcibly();
    try {
      starter.waitFor(5, TimeUnit.SECONDS);
      for (ProcessHandle child : descendants) {
        child.onExit().get(5, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      // Bounded wait; a process that survives SIGKILL this long is beyond our reach.
    }
    return false;
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }

  /** The state of one job being watched, and the loop that watches it. */
  private final class Watch {
    record Verdict(Status status, Failure failure) {}

    private final JobSpec spec;
    private final ControlServer control;
    private final Process starter;
    private final Consumer<JsonNode> onProgress;
    private final long startNanos;
    private final Map<Integer, RankHost> hosts = new TreeMap<>();
    private final Set<Integer> done = new TreeSet<>();
    private final List<JsonNode> progress = new ArrayList<>();
    private final Map<String, byte[]> artifacts = new java.util.LinkedHashMap<>();
    private final EventTrace trace;
    private JsonNode result;

    private final OutputTail output;
    private long initFailedAt;

    Watch(JobSpec spec, ControlServer control, Process starter, Consumer<JsonNode> onProgress,
        long startNanos, OutputTail output) {
      this.output = output;
      this.spec = spec;
      this.control = control;
      this.starter = starter;
      this.onProgress = onProgress;
      this.startNanos = startNanos;
      this.trace = EventTrace.open(spec.trace(), startNanos);
      control.divertKernelEvents(trace::record);
    }

    Verdict untilEnd() throws InterruptedException {
      long exitedAt = 0;
      while (true) {
        if (interruptRequested) {
          return failed(Status.INTERRUPTED, null, "interrupted by the user");
        }
        ControlServer.Event event = control.events().poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
        if (event != null) {
          Verdict verdict = handle(event);
          if (verdict != null) {
            return verdict;
          }
        }
        // Deadlines are checked on every pass: a chatty run (progress every few ms) must not
        // keep them from ever being looked at.
        long now = System.nanoTime();
        if (!starter.isAlive()) {
          if (exitedAt == 0) {
            exitedAt = now;
          } else if (now - exitedAt > EXIT_GRACE.toNanos()) {
            return failedUnlessInterrupted(null, "the MPJ runtime exited (status "
                + starter.exitValue() + ") before " + describe(missing(done)) + " finished");
          }
        }
        if (hosts.size() < spec.ranks() && now - startNanos > spec.startupTimeout().toNanos()) {
          String hint = spec.device().usesDaemons()
              ? " (is an MPJ daemon running on every host, on port " + spec.daemonPort()
                  + "? can the ranks reach " + spec.controlHost() + "?)"
              : "";
          String daemonSays = spec.daemonLogs().reason().orElse(null);
          return failed(Status.FAILED, null, describe(missing(hosts.keySet()))
              + " did not start within " + spec.startupTimeout().toSeconds() + " s"
              + (daemonSays != null ? ": " + daemonSays : hint));
        }
        if (hosts.isEmpty() && output.mpiInitFailed()) {
          // Give the rest of MPJ's stack traces a moment to arrive for the failure's detail.
          if (initFailedAt == 0) {
            initFailedAt = now;
          } else if (now - initFailedAt > Duration.ofSeconds(1).toNanos()) {
            return failed(Status.FAILED, null, MPI_INIT_FAILED + " before any rank started"
                + (spec.device().usesDaemons() ? "; MPJ's output is below (with niodev,"
                    + " usually a daemon starting a rank before MPJ's starter listened for it)"
                    : "; MPJ's output is below"));
          }
        }
        Map<Integer, Long> silent = control.silentRanks(now, spec.silenceTimeout().toNanos());
        silent.keySet().removeAll(done);
        if (!silent.isEmpty()) {
          int rank = silent.keySet().iterator().next();
          return failed(Status.FAILED, rank, "rank " + rank + " on host " + hostOf(rank)
              + " has been silent for " + (silent.get(rank) / 1_000_000_000L) + " s (no"
              + " heartbeat; --silence-timeout-s " + spec.silenceTimeout().toSeconds() + "): its"
              + " host is unreachable (link cut, host down) or its JVM is frozen");
        }
        if (now - startNanos > spec.runTimeout().toNanos()) {
          return failed(Status.TIMED_OUT, null, "the run did not finish within "
              + spec.runTimeout().toSeconds() + " s (--timeout-s); "
              + describe(missing(done)) + " still running");
        }
      }
    }

    private Verdict handle(ControlServer.Event event) {
      trace.record(event);
      if (echo != null && !(event instanceof ControlServer.Event.Said said
          && (said.message() instanceof ControlMessage.Progress
              || said.message() instanceof ControlMessage.KernelEvent))) {
        echo.printf(java.util.Locale.ROOT, "[mpjbench] %+.3f s %s%n",
            (System.nanoTime() - startNanos) / 1e9, describe(event));
      }
      if (event instanceof ControlServer.Event.Connected connected) {
        ControlMessage.Hello hello = connected.hello();
        hosts.put(hello.rank(), new RankHost(hello.host(), hello.pid()));
      } else if (event instanceof ControlServer.Event.Said said) {
        return handle(said.rank(), said.message());
      } else if (event instanceof ControlServer.Event.Rejected rejected) {
        // Not a rank of this run (or a second claim to one): refused, and the run goes on.
        System.err.println("mpjbench: refused a control connection: " + rejected.reason());
      } else if (event instanceof ControlServer.Event.Disconnected gone && !done.contains(gone.rank())) {
        return failedUnlessInterrupted(gone.rank(), "rank " + gone.rank() + " on "
            + hostOf(gone.rank()) + " lost its connection before finishing (its JVM died?): "
            + gone.reason());
      }
      return null;
    }

    private String describe(ControlServer.Event event) {
      if (event instanceof ControlServer.Event.Connected c) {
        return "rank " + c.hello().rank() + " connected from " + c.hello().host() + " (pid "
            + c.hello().pid() + ")";
      }
      if (event instanceof ControlServer.Event.Said said) {
        return "rank " + said.rank() + ": " + said.message().getClass().getSimpleName()
            .toLowerCase(java.util.Locale.ROOT);
      }
      if (event instanceof ControlServer.Event.Disconnected d) {
        return "rank " + d.rank() + " disconnected (" + d.reason() + ")";
      }
      return event.toString();
    }

    private Verdict handle(int rank, ControlMessage message) {
      if (message instanceof ControlMessage.Progress p) {
        progress.add(p.payload());
        onProgress.accept(p.payload());
      } else if (message instanceof ControlMessage.Result r) {
        result = r.payload();
      } else if (message instanceof ControlMessage.Artifact a) {
        if (a.name() == null || !ARTIFACT_NAME.matcher(a.name()).matches() || a.data() == null) {
          return failed(Status.FAILED, rank, "rank " + rank + " sent an artifact with a bad name: "
              + a.name());
        }
        artifacts.put(a.name(), a.data());
      } else if (message instanceof ControlMessage.Failure f) {
        return new Verdict(Status.FAILED, new Failure(rank, f.host(),
            "rank " + rank + " on " + f.host() + " failed: " + f.error(), f.stackTrace(),
            f.violation()));
      } else if (message instanceof ControlMessage.Done) {
        done.add(rank);
        if (done.size() == spec.ranks()) {
          return result != null
              ? new Verdict(Status.COMPLETE, null)
              : failed(Status.FAILED, 0, "rank 0 finished without reporting a result");
        }
      }
      return null;
    }

    /**
     * A run that lost a rank or its runtime: interrupted if an interrupt comes within {@link
     * #INTERRUPT_GRACE} (the same Ctrl-C may have killed the ranks first), else failed.
     */
    private Verdict failedUnlessInterrupted(Integer rank, String message) {
      long until = System.nanoTime() + INTERRUPT_GRACE.toNanos();
      while (!interruptRequested && System.nanoTime() < until) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      return interruptRequested ? failed(Status.INTERRUPTED, null, "interrupted by the user")
          : failed(Status.FAILED, rank, message);
    }

    private Verdict failed(Status status, Integer rank, String message) {
      return new Verdict(status, new Failure(rank, rank == null ? null : hostOf(rank), message,
          null));
    }

    private String hostOf(int rank) {
      RankHost host = hosts.get(rank);
      return host == null ? "an unknown host" : host.host();
    }

    private Set<Integer> missing(Set<Integer> present) {
      return IntStream.range(0, spec.ranks()).filter(r -> !present.contains(r)).boxed()
          .collect(Collectors.toCollection(TreeSet::new));
    }

    private String describe(Set<Integer> ranks) {
      if (ranks.isEmpty()) {
        return "no rank";
      }
      String list = ranks.stream().map(String::valueOf).collect(Collectors.joining(", "));
      return (ranks.size() == 1 ? "rank " : "ranks ") + list;
    }
  }
}
