package org.mpjbench.launcher.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster stop} forgets a stale pid file of ours and keeps any other file of that name. */
class MpjDaemonPidFileTest {
  @TempDir Path tmp;

  @Test
  void aStalePidFileOfOursIsDeleted() throws IOException {
    Path pid = Files.writeString(tmp.resolve("daemon-40055.pid"), "4242 1733490000000\n");
    MpjDaemon.forget(pid);
    assertFalse(Files.exists(pid));
    MpjDaemon.forget(pid); // absent: nothing to do
  }

  @Test
  void aFileOfTheSameNameHoldingAnythingElseStays() throws IOException {
    Path users = Files.writeString(tmp.resolve("daemon-40055.pid"), "my own notes\n");
    MpjDaemon.forget(users);
    assertEquals("my own notes\n", Files.readString(users));
  }
}
