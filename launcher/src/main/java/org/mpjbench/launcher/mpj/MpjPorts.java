package org.mpjbench.launcher.mpj;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The two ports MPJ Express reads from its configuration rather than its command line: the port
 * manager's, which every daemon opens beside its own port ({@code mpjexpress.mpjdaemon.port.2},
 * 40052), and the starter's, on which {@code mpjrun} collects the ranks' addresses
 * ({@code mpjexpress.mpjrun.port.1}, 40002). With them fixed, one host runs one daemon and one
 * launching host one niodev job at a time.
 *
 * <p>Other ports come from a <em>port home</em>: a folder whose {@code lib} is a link to the MPJ
 * home's jars and whose {@code conf/} is a copy of its configuration with these two ports
 * changed; MPJ finds its configuration through {@code MPJ_HOME}, so a daemon or a starter given
 * the port home uses the new ports and nothing else changes. Port homes live beside the assembled
 * home, under the user's home, which a cluster's hosts share (a daemon started on another host
 * must find the same folder); one per home and pair of ports, made once and reused, each holding
 * the marker {@value #MARKER} so that only ours are ever rewritten.
 *
 * @param portManager the daemons' port-manager port
 * @param starter the starter's port
 */
public record MpjPorts(int portManager, int starter) {
  /** MPJ Express's port-manager port, that of Debian's {@code mpjexpress.conf}. */
  public static final int DEFAULT_PORT_MANAGER = 40052;
  /** MPJ Express's starter port, that of Debian's {@code mpjexpress.conf}. */
  public static final int DEFAULT_STARTER = 40002;
  /** MPJ Express's defaults. */
  public static final MpjPorts DEFAULTS = new MpjPorts(DEFAULT_PORT_MANAGER, DEFAULT_STARTER);

  static final String PORT_MANAGER_KEY = "mpjexpress.mpjdaemon.port.2";
  static final String STARTER_KEY = "mpjexpress.mpjrun.port.1";
  private static final String MARKER = ".mpjbench-port-home";

  /** Checks both ports; the message names the option. */
  public MpjPorts {
    require("--port-manager-port", portManager);
    require("--starter-port", starter);
  }

  private static void require(String option, int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(option + " must be 1 to 65535, got " + port);
    }
  }

  /** The ports {@code home}'s configuration names (MPJ's defaults where it names none). */
  public static MpjPorts of(MpjHome home) {
    Properties conf = new Properties();
    try (InputStream in = Files.newInputStream(configuration(home.path()))) {
      conf.load(in);
    } catch (IOException e) {
      return DEFAULTS;
    }
    return new MpjPorts(intOr(conf, PORT_MANAGER_KEY, DEFAULTS.portManager),
        intOr(conf, STARTER_KEY, DEFAULTS.starter));
  }

  private static int intOr(Properties conf, String key, int fallback) {
    try {
      return Integer.parseInt(conf.getProperty(key, Integer.toString(fallback)).trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * An MPJ home that uses these ports: {@code home} itself when its configuration names them
   * already, else the port home of {@code home} and these ports (made when missing).
   */
  public MpjHome applyTo(MpjHome home) throws IOException {
    return applyTo(home, MpjHome.defaultPath().toAbsolutePath().getParent().resolve("port-homes"));
  }

  /** {@link #applyTo(MpjHome)} with the port homes in {@code portHomes}. */
  MpjHome applyTo(MpjHome home, Path portHomes) throws IOException {
    if (of(home).equals(this)) {
      return home;
    }
    Path real = home.path().toAbsolutePath().normalize();
    Path folder = portHomes.resolve(String.format("%08x-pm%d-starter%d", real.toString().hashCode(), portManager,
            starter));
    String conf = rewrite(Files.readString(configuration(real), StandardCharsets.UTF_8));
    if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isRegularFile(folder.resolve(MARKER))) {
        throw new IOException(folder + " exists and is not a port home of mpjbench; left"
            + " untouched: move it away");
      }
      if (!conf.equals(Files.readString(configuration(folder), StandardCharsets.UTF_8))) {
        writeAtomically(configuration(folder), conf); // the home's configuration changed since
      }
      return new MpjHome(folder);
    }
    Files.createDirectories(folder.getParent());
    Path staging = Files.createTempDirectory(folder.getParent(), ".port-home-");
    try {
      // Readable by all, as the MPJ home it stands for (the temporary folder was made 0700).
      Files.setPosixFilePermissions(staging,
          java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createSymbolicLink(staging.resolve("lib"), real.resolve("lib"));
      Files.createDirectories(staging.resolve("conf"));
      try (var files = Files.list(real.resolve("conf"))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.copy(file, staging.resolve("conf").resolve(file.getFileName()));
        }
      }
      Files.writeString(configuration(staging), conf, StandardCharsets.UTF_8);
      Files.writeString(staging.resolve(MARKER), "MPJ home " + real + " with port manager "
          + portManager + " and starter " + starter + "; made by mpjbench\n");
      try {
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
        // Another run made the same port home at the same moment: theirs serves as well.
        removeStaging(staging);
      }
    } catch (IOException | RuntimeException e) {
      removeStaging(staging);
      throw e;
    }
    return new MpjHome(folder);
  }

  /** {@code conf} with these ports in place of whatever it named (added when it named none). */
  String rewrite(String conf) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean portManagerSet = false;
    boolean starterSet = false;
    for (String line : conf.split("\n", -1)) {
      String key = keyOf(line);
      if (PORT_MANAGER_KEY.equals(key)) {
        line = PORT_MANAGER_KEY + "=" + portManager;
        portManagerSet = true;
      } else if (STARTER_KEY.equals(key)) {
        line = STARTER_KEY + "=" + starter;
        starterSet = true;
      }
      lines.add(line);
    }
    String text = String.join("\n", lines);
    if (!text.endsWith("\n")) {
      text += "\n";
    }
    if (!portManagerSet) {
      text += PORT_MANAGER_KEY + "=" + portManager + "\n";
    }
    if (!starterSet) {
      text += STARTER_KEY + "=" + starter + "\n";
    }
    return text;
  }

  /** The key a properties line sets, or null for a comment or a blank line. */
  private static String keyOf(String line) throws IOException {
    Properties one = new Properties();
    one.load(new StringReader(line));
    return one.isEmpty() ? null : (String) one.keys().nextElement();
  }

  private static Path configuration(Path home) {
    return home.resolve("conf").resolve("mpjexpress.conf");
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes a staging folder this class made: its link, its copies, its marker (never below). */
  private static void removeStaging(Path staging) throws IOException {
    Path conf = staging.resolve("conf");
    if (Files.isDirectory(conf, LinkOption.NOFOLLOW_LINKS)) {
      try (var files = Files.list(conf)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
    Files.deleteIfExists(conf);
    Files.deleteIfExists(staging.resolve("lib")); // the link only, never the jars it points to
    Files.deleteIfExists(staging.resolve(MARKER));
    Files.deleteIfExists(staging);
  }
}
