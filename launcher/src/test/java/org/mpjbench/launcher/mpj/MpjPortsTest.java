package org.mpjbench.launcher.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Port homes: the MPJ configuration with other port-manager and starter ports, beside the jars
 * of the home they come from, made once, reused, and never written over a folder not ours. The
 * runs that use them are PortsIT's.
 */
class MpjPortsTest {
  private static final String CONF = String.join("\n",
      "#Server port number for the daemon.",
      "mpjexpress.mpjdaemon.port.1=40055",
      "mpjexpress.mpjdaemon.port.2=40052",
      "# mpjexpress.mpjrun.port.1=1 in a comment stays a comment",
      "mpjexpress.mpjrun.port.1 = 40002",
      "mpjexpress.version=0.44",
      "");

  @TempDir Path tmp;
  private MpjHome home;

  @BeforeEach
  void home() throws IOException {
    Path folder = tmp.resolve("mpj-home");
    Files.createDirectories(folder.resolve("lib"));
    Files.createDirectories(folder.resolve("conf"));
    Files.writeString(folder.resolve("lib").resolve("starter.jar"), "a jar");
    Files.writeString(folder.resolve("conf").resolve("mpjexpress.conf"), CONF);
    Files.writeString(folder.resolve("conf").resolve("local2.conf"), "other");
    home = new MpjHome(folder);
  }

  @Test
  void theConfigurationsPortsAreRead() {
    assertEquals(MpjPorts.DEFAULTS, MpjPorts.of(home));
    assertEquals(MpjPorts.DEFAULTS, MpjPorts.of(new MpjHome(tmp.resolve("missing"))));
  }

  @Test
  void aPortTheConfigurationNamesIsReadAndTheOtherIsMpjsDefault() throws IOException {
    Files.writeString(home.path().resolve("conf/mpjexpress.conf"),
        "mpjexpress.mpjrun.port.1=41002\n");
    assertEquals(41002, MpjPorts.of(home).starter());
    assertEquals(MpjPorts.DEFAULT_PORT_MANAGER, MpjPorts.of(home).portManager());
    assertEquals(MpjPorts.DEFAULT_STARTER,
        MpjPorts.of(new MpjHome(tmp.resolve("missing"))).starter());
  }

  @Test
  void theDefaultsNeedNoPortHome() throws IOException {
    assertSame(home, MpjPorts.DEFAULTS.applyTo(home, tmp.resolve("port-homes")));
    assertTrue(Files.notExists(tmp.resolve("port-homes")));
  }

  @Test
  void aPortHomeNamesTheNewPortsBesideTheSameJars() throws IOException {
    MpjPorts ports = new MpjPorts(41052, 41002);
    MpjHome view = ports.applyTo(home, tmp.resolve("port-homes"));
    assertEquals(ports, MpjPorts.of(view));
    assertEquals("a jar", Files.readString(view.starterJar()));
    assertTrue(Files.isSymbolicLink(view.lib()));
    assertEquals("other", Files.readString(view.path().resolve("conf/local2.conf")));
    String conf = Files.readString(view.path().resolve("conf/mpjexpress.conf"));
    assertTrue(conf.contains("mpjexpress.mpjdaemon.port.1=40055\n"), conf);
    assertTrue(conf.contains("# mpjexpress.mpjrun.port.1=1 in a comment stays a comment\n"), conf);
    assertEquals(view, ports.applyTo(home, tmp.resolve("port-homes")), "made once, reused");
    try (var homes = Files.list(tmp.resolve("port-homes"))) {
      assertEquals(1, homes.count(), "no staging folder left");
    }
  }

  @Test
  void portsMissingFromTheConfigurationAreAdded() throws IOException {
    String conf = new MpjPorts(1, 2).rewrite("mpjexpress.version=0.44");
    assertEquals("mpjexpress.version=0.44\nmpjexpress.mpjdaemon.port.2=1\n"
        + "mpjexpress.mpjrun.port.1=2\n", conf);
  }

  @Test
  void aFolderOfTheSameNameThatIsNotOursIsLeftAlone() throws IOException {
    MpjPorts ports = new MpjPorts(41052, 41002);
    MpjHome view = ports.applyTo(home, tmp.resolve("port-homes"));
    Files.delete(view.path().resolve(".mpjbench-port-home"));
    IOException refused = assertThrows(IOException.class,
        () -> ports.applyTo(home, tmp.resolve("port-homes")));
    assertTrue(refused.getMessage().contains("is not a port home of mpjbench"),
        refused.getMessage());
  }

  @Test
  void aPortOutOfRangeNamesItsOption() {
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> new MpjPorts(40052, 70000));
    assertEquals("--starter-port must be 1 to 65535, got 70000", bad.getMessage());
  }
}
