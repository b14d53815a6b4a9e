package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/setup}, run the way the launcher runs it, assembles an MPJ home only into a path
 * that does not exist or an empty folder, and never empties a folder it did not create.
 */
class SetupIT {
  @TempDir Path work;

  private static Path repo() {
    return Path.of(System.getProperty("mpjbench.repo", "..")).toAbsolutePath().normalize();
  }

  private record Outcome(int exitCode, String err) {}

  private Outcome run(Path mpjHome, String... command) throws IOException, InterruptedException {
    Path err = work.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo().toFile())
        .redirectOutput(work.resolve("out.txt").toFile()).redirectError(err.toFile());
    builder.environment().put("MPJBENCH_MPJ_HOME", mpjHome.toString());
    Process process = builder.start();
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "finished");
    return new Outcome(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aFolderOfTheUsersIsRefusedInOneLineAndKeepsEverything() throws Exception {
    Path users = Files.createDirectories(work.resolve("my-mpj"));
    Path file = Files.writeString(users.resolve("precious.txt"), "the user's own file");
    for (List<String> command : List.of(List.of("scripts/setup"),
        List.of("launcher/mpjbench", "-V"))) {
      Outcome outcome = run(users, command.toArray(String[]::new));
      assertEquals(2, outcome.exitCode(), command + ": " + outcome.err());
      assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
      assertTrue(outcome.err().contains(users + " (the MPJ home to assemble; $MPJBENCH_MPJ_HOME)"
          + " is a folder of someone else's"), outcome.err());
      assertEquals(List.of(file), Files.list(users).toList(), command + " touched nothing");
      assertEquals("the user's own file", Files.readString(file));
    }
  }

  @Test
  void aFileInThePlaceOfTheHomeIsRefusedAndKept() throws Exception {
    Path file = Files.writeString(work.resolve("home"), "not a folder");
    Outcome outcome = run(file, "scripts/setup");
    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("exists and is not a folder"), outcome.err());
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void anEmptyFolderOrANewPathBecomesAHomeReadableByAll() throws Exception {
    Path empty = Files.createDirectories(work.resolve("empty"));
    for (Path home : List.of(empty, work.resolve("new").resolve("home"))) {
      Outcome outcome = run(home, "scripts/setup");
      assertEquals(0, outcome.exitCode(), outcome.err());
      assertTrue(Files.isRegularFile(home.resolve(".complete")), home + " assembled");
      assertTrue(Files.isRegularFile(home.resolve("lib/mpj.jar")));
      // MPJ's own scripts, repaired: they find this home, not Debian's /usr/share/mpj.
      for (String script : List.of("mpjrun.sh", "mpjboot", "mpjhalt")) {
        Path file = home.resolve("bin").resolve(script);
        assertTrue(Files.isExecutable(file), file + " executable");
        String text = Files.readString(file);
        assertFalse(text.contains("/usr/share/mpj"), text);
        assertTrue(text.contains("export MPJ_HOME=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\""),
            text);
      }
      run(home, home.resolve("bin/mpjrun.sh").toString()); // its usage: MPJ's starter runs
      String usage = Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8);
      assertTrue(usage.contains("mpjrun.[bat/sh] [options] -jar jarfile [args...]"), usage);
      assertEquals("rwxr-xr-x",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
      // Once assembled, it is ours: set-up leaves it as it is, quietly.
      Outcome again = run(home, "scripts/setup");
      assertEquals(0, again.exitCode(), again.err());
      assertEquals("", again.err());
    }
  }
}
