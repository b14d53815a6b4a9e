package org.mpjbench.launcher.mpj;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The MPJ Express home a run uses. Resolved from, in order: an explicit path ({@code --mpj-home}),
 * {@code $MPJ_HOME} when it holds a working MPJ Express {@value #EXPECTED_VERSION} (MPJ's own guide
 * tells users to set it to their install), then the home scripts/setup assembles (Debian's jars
 * copied next to their dependencies) in {@code ${XDG_CACHE_HOME:-~/.cache}/mpjbench/mpj-express-0.44}
 * or {@code $MPJBENCH_MPJ_HOME}. A {@code $MPJ_HOME} that is not used is said so, with the reason.
 *
 * @param path the folder holding {@code lib/} and {@code conf/}
 */
public record MpjHome(Path path) {
  /** The MPJ Express release this project is built and tested against. */
  public static final String EXPECTED_VERSION = "0.44";

  /** The jars a run needs, {@code log4j-1.2.jar} because MPJ's jars name it beside themselves. */
  private static final String[] NEEDED_JARS =
      {"starter.jar", "daemon.jar", "mpj.jar", "log4j-1.2.jar"};

  /** Finds and validates the MPJ home, telling stderr why a {@code $MPJ_HOME} was not used. */
  public static MpjHome resolve(Path explicit) {
    return resolve(explicit, System.getenv("MPJ_HOME"),
        note -> System.err.println("mpjbench: " + note));
  }

  /**
   * Finds and validates the MPJ home; the exception says what to run when it is missing.
   *
   * @param mpjHomeVariable the value of {@code $MPJ_HOME}, or null
   * @param notes hears, in one line, why {@code mpjHomeVariable} was not used
   */
  public static MpjHome resolve(Path explicit, String mpjHomeVariable, Consumer<String> notes) {
    Path candidate;
    if (explicit != null) {
      candidate = explicit;
    } else if (mpjHomeVariable != null && !mpjHomeVariable.isBlank()) {
      MpjHome theirs = new MpjHome(Path.of(mpjHomeVariable).toAbsolutePath().normalize());
      String problem = theirs.problem();
      if (problem == null && !EXPECTED_VERSION.equals(theirs.version())) {
        problem = "it holds MPJ Express " + theirs.version() + ", and mpjbench is built and tested"
            + " against " + EXPECTED_VERSION;
      }
      if (problem == null) {
        return theirs;
      }
      candidate = defaultPath();
      notes.accept("not using $MPJ_HOME=" + mpjHomeVariable + ": " + problem + "; using "
          + candidate.toAbsolutePath().normalize() + " (assembled by scripts/setup)");
    } else {
      candidate = defaultPath();
    }
    MpjHome home = new MpjHome(candidate.toAbsolutePath().normalize());
    String problem = home.problem();
    if (problem != null) {
      throw new IllegalStateException("MPJ Express home " + home.path + ": " + problem
          + "; run scripts/setup (it installs and assembles MPJ Express)");
    }
    return home;
  }

  /** Why this folder is not a working MPJ Express home, or null when it is one. */
  private String problem() {
    for (String jar : NEEDED_JARS) {
      if (!Files.isRegularFile(lib().resolve(jar))) {
        return "lib/" + jar + " is missing"
            + (jar.startsWith("log4j") && Files.isRegularFile(lib().resolve("mpj.jar"))
                ? " (Debian's /usr/share/mpj layout: its jars cannot load log4j)" : "");
      }
    }
    return null;
  }

  /** Whether this is the home scripts/setup assembles (a run names any other in its summary). */
  public boolean isAssembled() {
    return path.equals(defaultPath().toAbsolutePath().normalize());
  }

  /** Where scripts/setup puts the MPJ home when not told otherwise. */
  public static Path defaultPath() {
    String override = System.getenv("MPJBENCH_MPJ_HOME");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String cache = System.getenv("XDG_CACHE_HOME");
    Path cacheDir =
        cache != null && !cache.isBlank()
            ? Path.of(cache)
            : Path.of(System.getProperty("user.home"), ".cache");
    return cacheDir.resolve("mpjbench").resolve("mpj-express-" + EXPECTED_VERSION);
  }

  /** The jars folder. */
  public Path lib() {
    return path.resolve("lib");
  }

  /** {@code lib/starter.jar}, what {@code mpjrun} runs. */
  public Path starterJar() {
    return lib().resolve("starter.jar");
  }

  /** {@code lib/daemon.jar}, the niodev daemon. */
  public Path daemonJar() {
    return lib().resolve("daemon.jar");
  }

  /** The version in {@code conf/mpjexpress.conf}, or "unknown". */
  public String version() {
    Properties conf = new Properties();
    try (InputStream in = Files.newInputStream(path.resolve("conf").resolve("mpjexpress.conf"))) {
      conf.load(in);
      return conf.getProperty("mpjexpress.version", "unknown").trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
