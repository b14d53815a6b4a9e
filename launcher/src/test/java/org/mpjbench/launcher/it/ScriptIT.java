package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code launcher/mpjbench} script itself, as a user runs it. */
class ScriptIT {
  @TempDir Path work;

  private static Path script() {
    return Path.of(System.getProperty("mpjbench.repo", "..")).resolve("launcher/mpjbench");
  }

  private record Outcome(int exitCode, String out, String err) {}

  private Outcome run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), args);
  }

  private Outcome run(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    Process process = start(environment, List.of(), args);
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "script finished");
    return new Outcome(process.exitValue(), Files.readString(out(), StandardCharsets.UTF_8),
        Files.readString(err(), StandardCharsets.UTF_8));
  }

  /** Starts the script with {@code args}, behind {@code prefix} (a command that runs it). */
  private Process start(Map<String, String> environment, List<String> prefix, String... args)
      throws IOException {
    return start(environment, prefix, null, args);
  }

  /** The same in the working folder {@code folder} (this JVM's when null). */
  private Process start(Map<String, String> environment, List<String> prefix, Path folder,
      String... args) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.add(script().toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out().toFile()).redirectError(err().toFile());
    if (folder != null) {
      builder.directory(folder.toFile());
    }
    builder.environment().putAll(environment);
    return builder.start();
  }

  private Path out() {
    return work.resolve("out.txt");
  }

  private Path err() {
    return work.resolve("err.txt");
  }

  @Test
  void runsBerkeleyAndWritesTheResult() throws Exception {
    Path results = work.resolve("results");
    Outcome outcome =
        run("run", "berkeley", "-np", "2", "--rounds", "5", "--results", results.toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().startsWith("berkeley: 2 ranks, multicore, 5 rounds"), outcome.out());
    assertTrue(LauncherRun.newestResult(results) != null);
  }

  @Test
  void anUnknownKernelIsOneLineAndExitCodeTwo() throws Exception {
    Outcome outcome = run("run", "nope");
    assertEquals(2, outcome.exitCode());
    assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    assertTrue(outcome.err().contains("unknown kernel 'nope'"), outcome.err());
  }

  /**
   * The launcher JVM's class-data archive: the first run in an empty cache makes it (and leaves no
   * partial file), the next maps it, picocli included. picocli is compiled for Java 5: only a
   * static archive holds its classes on JDK 17 (docs/startup.md). Commands that are not runs, and
   * runs that fail on bad input, make none: their few classes would stand in for a run's.
   */
  @Test
  void theFirstRunMakesTheLauncherArchiveAndTheNextMapsPicocliFromIt() throws Exception {
    Path cache = work.resolve("cache");
    Map<String, String> environment = cacheEnvironment(cache);
    Path folder = cache.resolve("mpjbench").resolve("cds");

    Outcome version = run(environment, "--version");
    assertEquals(0, version.exitCode(), version.err());
    Outcome mistyped = run(environment, "run", "berkeley", "--rounds", "none");
    assertEquals(2, mistyped.exitCode(), mistyped.err());
    assertEquals(List.of(), archiveFiles(folder, "launcher-"),
        "no archive from a command that is no run");

    Outcome first = run(environment, "run", "berkeley", "-np", "2", "--rounds", "1", "-q",
        "--results", work.resolve("results").toString());
    assertEquals(0, first.exitCode(), first.err());
    List<String> files = archiveFiles(folder, "launcher-");
    assertEquals(1, files.size(), "one archive and nothing else: " + files);
    assertTrue(files.get(0).matches("launcher-[0-9]+\\.jsa"), files.toString());

    Path classLog = work.resolve("classes.txt");
    Map<String, String> logging = new java.util.HashMap<>(environment);
    logging.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classLog);
    Outcome second = run(logging, "--version");
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().startsWith("mpjbench"), second.out());
    String classes = Files.readString(classLog, StandardCharsets.UTF_8);
    assertTrue(classes.contains("picocli.CommandLine source: shared objects file"),
        "picocli mapped from the archive: " + classes.lines()
            .filter(line -> line.contains("picocli.CommandLine ")).toList());
  }

  /**
   * The rank JVM's class-data archive does not depend on the folder a run is started from: until
   * 7 December its key held a marker resolved against the working folder, so every new folder
   * made an archive of its own (the dump costs the run that makes it about 0.3 s of CPU), and
   * more than four folders in turn evicted each other's.
   */
  @Test
  void runsFromTwoFoldersShareOneRankArchive() throws Exception {
    Path cache = work.resolve("cache");
    for (String name : List.of("here", "there")) {
      Path folder = Files.createDirectories(work.resolve(name));
      Process script = start(cacheEnvironment(cache), List.of(), folder, "run", "berkeley",
          "-np", "2", "--rounds", "1", "-q", "--results", work.resolve("results").toString());
      assertTrue(script.waitFor(300, TimeUnit.SECONDS), "script finished");
      assertEquals(0, script.exitValue(), Files.readString(err()));
    }
    List<String> rankArchives = archiveFiles(cache.resolve("mpjbench").resolve("cds"), "ranks-");
    assertEquals(1, rankArchives.size(), "one rank archive for both folders: " + rankArchives);
  }

  /**
   * Ctrl-C on the first run after a build (the one that lists the classes for the archive): the
   * script runs that JVM in the background, where a shell starts its commands with SIGINT ignored;
   * the JVM must still hear it, stop its ranks and end with 130, and no archive comes of the
   * interrupted run.
   */
  @Test
  void ctrlCStopsTheFirstRunAfterABuild() throws Exception {
    Path cache = work.resolve("cache");
    // The script as a terminal starts it: SIGINT handled by default, whatever this JVM has.
    Process script = start(cacheEnvironment(cache), List.of("env", "--default-signal=INT"),
        "run", "berkeley", "-np", "2", "--rounds", "25000", "-q",
        "--results", work.resolve("results").toString());
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (script.descendants().noneMatch(ScriptIT::isRankJvm)) {
        assertTrue(script.isAlive(), "the run ended before its ranks started: "
            + Files.readString(err()));
        assertTrue(System.nanoTime() < deadline, "no rank JVM within 120 s");
        Thread.sleep(50);
      }
      Thread.sleep(500);
      assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(script.pid())).start()
          .waitFor());
      assertTrue(script.waitFor(30, TimeUnit.SECONDS), "the run still going 30 s after Ctrl-C");
      String err = Files.readString(err());
      assertEquals(130, script.exitValue(), err);
      // Printed before the JVM ends, not lost to its shutdown: what happened and where it went.
      assertTrue(err.contains("mpjbench: berkeley interrupted"), err);
      assertTrue(err.contains("mpjbench: partial result ("), err);
      assertTrue(script.descendants().noneMatch(ProcessHandle::isAlive), "processes left");
      assertEquals(List.of(), archiveFiles(cache.resolve("mpjbench").resolve("cds"), "launcher-"),
          "no launcher archive, nor its partial files, from an interrupted run");
    } finally {
      script.descendants().forEach(ProcessHandle::destroyForcibly);
      script.destroyForcibly();
    }
  }

  /**
   * One JVM's archives and partial files in the cache {@code folder} ({@code jvm}: {@code
   * "launcher-"}, {@code "ranks-"}), by name.
   */
  private static List<String> archiveFiles(Path folder, String jvm) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(jvm))
          .sorted().toList();
    }
  }

  private static boolean isRankJvm(ProcessHandle process) {
    return process.info().commandLine().orElse("").contains("MulticoreStarter");
  }

  /** An empty class-data cache of {@code cache}, with the MPJ home set up already. */
  private static Map<String, String> cacheEnvironment(Path cache) {
    String defaultCache = System.getenv().getOrDefault("XDG_CACHE_HOME",
        Path.of(System.getProperty("user.home"), ".cache").toString());
    String mpjHome = System.getenv().getOrDefault("MPJBENCH_MPJ_HOME",
        Path.of(defaultCache, "mpjbench", "mpj-express-0.44").toString());
    return Map.of("XDG_CACHE_HOME", cache.toString(), "MPJBENCH_MPJ_HOME", mpjHome);
  }
}
