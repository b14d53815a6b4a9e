package org.mpjbench.launcher.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.mpjbench.launcher.runs.UserError;
import org.mpjbench.launcher.settings.ProjectFolders;

/**
 * The native reference of {@code bench --native} (issue 13): the ping-pong and Allreduce latency
 * by message size of {@value #SOURCE}, in C against Debian's Open MPI. {@link #prepare} installs
 * {@code mpicc} and {@code mpirun} when missing ({@link #INSTALL}, as root) and compiles the
 * source into the cache folder ({@code ~/.cache/mpjbench/native/}, a binary per version of the
 * source); {@link #run} runs it with {@code mpirun} on K ranks of this machine, under a time-out
 * after which its process group is killed, and reads its rows ({@link NativeOutput}).
 */
public final class NativeReference {
  /** The device of the native rows in {@code sizes.csv}. */
  public static final String DEVICE = "native-openmpi";
  /** The C source, relative to the checkout. */
  public static final String SOURCE = "native/osu_native.c";
  /** What installs the compiler and the launcher (idempotent). */
  public static final List<String> INSTALL = List.of("apt-get", "install", "-y",
      "--no-install-recommends", "libopenmpi-dev", "openmpi-bin");
  /** The compiler's flags. */
  static final List<String> CFLAGS = List.of("-O2");

  private static final long INSTALL_TIMEOUT_S = 900;
  private static final long COMPILE_TIMEOUT_S = 120;
  /** mpirun's start-up allowance, on top of the budget of each operation and size. */
  private static final long RUN_BASE_TIMEOUT_S = 120;

  private final Path binary;
  private final Path cache;

  private NativeReference(Path binary, Path cache) {
    this.binary = binary;
    this.cache = cache;
  }

  /** The compiled program. */
  public Path binary() {
    return binary;
  }

  /** The install command as one line, for messages. */
  public static String installText() {
    return String.join(" ", INSTALL);
  }

  /**
   * Installs Open MPI when {@code mpicc} or {@code mpirun} is missing, then compiles {@code source}
   * into {@code cache} unless the binary of this version of it is there.
   *
   * @throws UserError with one line naming the install command when it cannot install (not root,
   *     apt-get failed), or saying why the compilation failed
   */
  public static NativeReference prepare(Path source, Path cache) throws IOException {
    if (!Files.isRegularFile(source)) {
      throw new UserError(UserError.FAILED, "--native: the C source " + source + " is missing");
    }
    Files.createDirectories(cache);
    if (onPath("mpicc").isEmpty() || onPath("mpirun").isEmpty()) {
      install(cache);
    }
    byte[] text = Files.readAllBytes(source);
    Path binary = cache.resolve("osu_native-" + hash(text));
    if (!Files.isExecutable(binary)) {
      Path partial = cache.resolve(binary.getFileName() + ".part-" + ProcessHandle.current().pid());
      Path log = cache.resolve("mpicc.log");
      List<String> compile = new ArrayList<>(List.of("mpicc"));
      compile.addAll(CFLAGS);
      compile.addAll(List.of("-o", partial.toString(), source.toAbsolutePath().toString()));
      int exit = runQuietly(compile, log, COMPILE_TIMEOUT_S);
      if (exit != 0 || !Files.isRegularFile(partial)) {
        Files.deleteIfExists(partial);
        throw new UserError(UserError.FAILED, "--native: " + String.join(" ", compile)
            + (exit < 0 ? " timed out" : " failed (exit " + exit + ")") + ": "
            + firstLine(log));
      }
      Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    }
    return new NativeReference(binary, cache);
  }

  /**
   * The C source: {@value #SOURCE} of the checkout the launcher script names, else of the working
   * folder or the first of its parents that has it (tests run in {@code launcher/}).
   */
  public static Path source() {
    Optional<Path> home = ProjectFolders.home();
    if (home.isPresent()) {
      return home.get().resolve(SOURCE);
    }
    for (Path folder = Path.of("").toAbsolutePath(); folder != null;
        folder = folder.getParent()) {
      if (Files.isRegularFile(folder.resolve(SOURCE))) {
        return folder.resolve(SOURCE);
      }
    }
    return Path.of(SOURCE).toAbsolutePath();
  }

  /** {@code $XDG_CACHE_HOME/mpjbench/native}, by default {@code ~/.cache/mpjbench/native}. */
  public static Path cacheFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("mpjbench").resolve("native");
  }

  /**
   * The command that runs the program on {@code ranks} ranks of this machine, {@code budgetMillis}
   * per operation and size, over {@code sizes}.
   */
  public static List<String> command(Path binary, int ranks, long budgetMillis,
      List<Integer> sizes) {
    if (ranks < 1 || budgetMillis < 1 || sizes.isEmpty()) {
      throw new IllegalArgumentException("need ranks, a budget and sizes, got " + ranks + ", "
          + budgetMillis + ", " + sizes);
    }
    return List.of("mpirun", "--allow-run-as-root", "--oversubscribe", "-np",
        Integer.toString(ranks), binary.toString(), Long.toString(budgetMillis),
        sizes.stream().map(String::valueOf).collect(Collectors.joining(",")));
  }

  /**
   * How long a run may take: mpirun's start-up, and per operation and size three times the
   * budget and 5 s (at least 5 iterations are timed whatever the budget).
   */
  public static long timeoutSeconds(long budgetMillis, int sizes) {
    return RUN_BASE_TIMEOUT_S + 2L * sizes * (3 * budgetMillis / 1000 + 5);
  }

  /**
   * Runs the program on {@code ranks} ranks and returns its rows.
   *
   * @throws UserError when mpirun fails, times out (its process group killed) or prints
   *     something else than the rows
   */
  public List<SizeReport.Row> run(int ranks, long budgetMillis, List<Integer> sizes)
      throws IOException {
    List<String> command = command(binary, ranks, budgetMillis, sizes);
    Path log = cache.resolve("run-" + ranks + "r-" + ProcessHandle.current().pid() + ".out");
    try {
      int exit = runQuietly(command, log, timeoutSeconds(budgetMillis, sizes.size()));
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (exit != 0) {
        throw new UserError(UserError.FAILED, "--native: " + String.join(" ", command)
            + (exit < 0 ? " timed out, stopped" : " failed (exit " + exit + ")") + ": "
            + lastLine(output));
      }
      try {
        return NativeOutput.parse(output, ranks, sizes);
      } catch (IllegalArgumentException e) {
        throw new UserError(UserError.FAILED, "--native: " + e.getMessage());
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void install(Path cache) throws IOException {
    if (!root()) {
      throw new UserError(UserError.FAILED, "--native needs mpicc and mpirun of Open MPI: run '"
          + installText() + "' as root, then retry");
    }
    Path log = cache.resolve("apt-get.log");
    int exit;
    try {
      exit = runQuietly(INSTALL, log, INSTALL_TIMEOUT_S);
    } catch (UserError e) {
      throw new UserError(UserError.FAILED, "--native: '" + installText() + "' could not start ("
          + e.getMessage().replace("--native: ", "") + "); run it as root, then retry");
    }
    if (exit != 0 || onPath("mpicc").isEmpty() || onPath("mpirun").isEmpty()) {
      throw new UserError(UserError.FAILED, "--native: '" + installText() + "' "
          + (exit < 0 ? "timed out" : exit != 0 ? "failed (exit " + exit + ")"
              : "left no mpicc or mpirun") + " (log: " + log + "); run it as root, then retry");
    }
  }

  /** Whether this process runs as root (the owner of /proc/self). */
  static boolean root() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The executable {@code name} on the PATH. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String folder : path.split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
        return Optional.of(Path.of(folder, name));
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code command} in its own process group (setsid), stdin empty, stdout and stderr into
   * {@code log}; the exit code, or -1 when it ran past {@code timeoutSeconds} and its process
   * group and descendants were killed. Whatever happens, nothing of it is left running.
   */
  static int runQuietly(List<String> command, Path log, long timeoutSeconds) throws IOException {
    List<String> grouped = new ArrayList<>();
    boolean setsid = onPath("setsid").isPresent();
    if (setsid) {
      grouped.add("setsid");
    }
    grouped.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(grouped).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File(
            "/dev/null")));
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UserError(UserError.FAILED, "--native: cannot run " + command.get(0) + ": "
          + e.getMessage());
    }
    // Ctrl-C: a process group of its own gets no SIGINT from the terminal; stop it on the way out.
    Thread onExit = new Thread(() -> stop(process, setsid), "stop " + command.get(0));
    Runtime.getRuntime().addShutdownHook(onExit);
    boolean finished = false;
    try {
      finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      return finished ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } finally {
      if (!finished) {
        stop(process, setsid);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook stops it.
      }
    }
  }

  /** Kills {@code process}'s group (it leads one under setsid) and every descendant, by pid. */
  private static void stop(Process process, boolean group) {
    List<ProcessHandle> descendants = process.descendants().toList();
    if (group) {
      try {
        new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
            .waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        // The descendants are killed one by one below.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String hash(byte[] text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.join(" ", CFLAGS).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return HexFormat.of().formatHex(digest.digest(text)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The compiler's first error line, else its first line. */
  private static String firstLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank()).toList();
    return lines.stream().filter(line -> line.contains("error")).findFirst()
        .or(() -> lines.stream().findFirst()).orElse("no output").trim();
  }

  private static String lastLine(String output) {
    List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim();
  }
}
