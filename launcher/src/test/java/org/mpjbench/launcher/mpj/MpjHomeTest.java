package org.mpjbench.launcher.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which MPJ home a run uses: $MPJ_HOME when it works, otherwise ours, saying why in one line. */
class MpjHomeTest {
  @TempDir Path tmp;

  private Path home(String name, String version, String... jars) throws IOException {
    Path home = Files.createDirectories(tmp.resolve(name).resolve("lib"));
    for (String jar : jars) {
      Files.write(home.resolve(jar), new byte[] {'P', 'K'});
    }
    Files.createDirectories(home.resolveSibling("conf"));
    Files.writeString(home.resolveSibling("conf").resolve("mpjexpress.conf"),
        "mpjexpress.version=" + version + "\n");
    return home.getParent();
  }

  @Test
  void aWorkingMpjHomeIsUsedSilently() throws IOException {
    Path theirs = home("theirs", "0.44", "starter.jar", "daemon.jar", "mpj.jar", "log4j-1.2.jar");
    List<String> notes = new ArrayList<>();
    MpjHome home = MpjHome.resolve(null, theirs.toString(), notes::add);
    assertEquals(theirs, home.path());
    assertEquals(List.of(), notes);
    assertFalse(home.isAssembled(), "a run names it in its summary");
  }

  @Test
  void debiansLayoutIsNotUsedAndTheLineSaysWhy() throws IOException {
    Path debian = home("debian", "0.44", "starter.jar", "daemon.jar", "mpj.jar");
    List<String> notes = new ArrayList<>();
    MpjHome home = MpjHome.resolve(null, debian.toString(), notes::add);
    assertTrue(home.isAssembled(), home.path().toString());
    assertEquals(1, notes.size(), notes::toString);
    assertTrue(notes.get(0).startsWith("not using $MPJ_HOME=" + debian + ": lib/log4j-1.2.jar is"
        + " missing (Debian's /usr/share/mpj layout: its jars cannot load log4j); using "
        + home.path()), notes.get(0));
  }

  @Test
  void anotherVersionIsNotUsedAndTheLineSaysWhy() throws IOException {
    Path newer = home("newer", "0.45", "starter.jar", "daemon.jar", "mpj.jar", "log4j-1.2.jar");
    List<String> notes = new ArrayList<>();
    MpjHome.resolve(null, newer.toString(), notes::add);
    assertEquals(List.of("not using $MPJ_HOME=" + newer + ": it holds MPJ Express 0.45, and"
        + " mpjbench is built and tested against 0.44; using "
        + MpjHome.defaultPath().toAbsolutePath().normalize() + " (assembled by scripts/setup)"),
        notes);
  }

  @Test
  void anExplicitHomeMustWork() throws IOException {
    Path broken = home("broken", "0.44", "starter.jar");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> MpjHome.resolve(broken, null, note -> { }));
    assertEquals("MPJ Express home " + broken + ": lib/daemon.jar is missing; run scripts/setup"
        + " (it installs and assembles MPJ Express)", e.getMessage());
  }
}
