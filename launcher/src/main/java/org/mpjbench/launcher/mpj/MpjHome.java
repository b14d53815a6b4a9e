package org.mpjbench.launcher.mpj;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The MPJ Express home folder that scripts/setup assembles (Debian's jars copied next to their
 * dependencies). Resolved from, in order: an explicit path, {@code $MPJ_HOME}, then the default
 * {@code ${XDG_CACHE_HOME:-~/.cache}/mpjbench/mpj-express-0.44} (or {@code $MPJBENCH_MPJ_HOME}).
 *
 * @param path the folder holding {@code lib/} and {@code conf/}
 */
public record MpjHome(Path path) {
  /** The MPJ Express release this project is built and tested against. */
  public static final String EXPECTED_VERSION = "0.44";

  /** Finds and validates the MPJ home; the exception says what to run when it is missing. */
  public static MpjHome resolve(Path explicit) {
    Path candidate;
    if (explicit != null) {
      candidate = explicit;
    } else if (System.getenv("MPJ_HOME") != null && !System.getenv("MPJ_HOME").isBlank()) {
      candidate = Path.of(System.getenv("MPJ_HOME"));
    } else {
      candidate = defaultPath();
    }
    MpjHome home = new MpjHome(candidate.toAbsolutePath().normalize());
    for (String jar : new String[] {"starter.jar", "daemon.jar", "mpj.jar", "log4j-1.2.jar"}) {
      if (!Files.isRegularFile(home.lib().resolve(jar))) {
        throw new IllegalStateException(
            "MPJ Express home "
                + home.path
                + " is missing lib/"
                + jar
                + "; run scripts/setup (it installs and assembles MPJ Express)");
      }
    }
    return home;
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
