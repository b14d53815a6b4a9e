package org.mpjbench.kernels.fileipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file side without MPI: {@link RecordFollower} follows a growing file and gives up at its
 * deadline, {@link Workspace} removes only what it created, {@link FileIpcFailures} names the
 * first cause.
 */
class FileIpcFilesTest {
  private static long inMillis(long ms) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
  }

  @Test
  void theFollowerReadsWholeRecordsAsTheFileGrowsAndWaitsOutAHalfWrittenOne(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("r.bin");
    try (RecordFollower follower = new RecordFollower(file)) {
      assertFalse(follower.awaitFile(inMillis(20)), "no file yet");
      try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        assertTrue(follower.awaitFile(inMillis(1_000)));
        ByteBuffer record = ByteBuffer.allocate(32);
        ByteBuffer read = ByteBuffer.allocate(32);
        for (int i = 0; i < 3; i++) {
          RecordCodec.encode(i, 1_000 + i, record);
          out.write(record);
          assertTrue(follower.awaitRecord(read, inMillis(1_000)));
          assertEquals(new RecordCodec.Decoded(i, 1_000 + i, true), RecordCodec.decode(read));
        }
        RecordCodec.encode(3, 0, record);
        out.write(record.limit(20));
        long before = System.nanoTime();
        assertFalse(follower.awaitRecord(read, inMillis(30)), "20 of 32 bytes: not a record");
        assertTrue(System.nanoTime() - before >= TimeUnit.MILLISECONDS.toNanos(30));
        out.write(record.limit(32));
        assertTrue(follower.awaitRecord(read, inMillis(1_000)));
        assertEquals(3, RecordCodec.decode(read).sequence());
      }
    }
  }

  @Test
  void aCreatedFolderGoesWithItsFiles(@TempDir Path working) throws Exception {
    Path folder;
    Path records;
    try (Workspace workspace = new Workspace()) {
      folder = workspace.folder("", working);
      records = workspace.createFiles(folder, true);
      assertTrue(workspace.createdFolder());
      assertEquals(folder, records.getParent());
      assertTrue(Files.exists(Workspace.answersFor(records)));
      assertTrue(Workspace.answersFor(records).getFileName().toString().endsWith("answers.bin"));
    }
    assertFalse(Files.exists(folder));
    try (var left = Files.list(working)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void aGivenFolderKeepsEverythingButTheRunsFiles(@TempDir Path dir) throws Exception {
    Path mine = Files.writeString(dir.resolve("notes.txt"), "keep me");
    Path records;
    try (Workspace workspace = new Workspace()) {
      assertEquals(dir, workspace.folder(dir.toString(), Path.of("/nowhere")));
      records = workspace.createFiles(dir, false);
      assertFalse(workspace.createdFolder());
      assertFalse(Files.exists(Workspace.answersFor(records)), "stream mode: no answers file");
    }
    assertFalse(Files.exists(records));
    assertEquals("keep me", Files.readString(mine));
    assertEquals(List.of(mine), Files.list(dir).toList());
  }

  @Test
  void aMissingGivenFolderIsRefusedInOneLine(@TempDir Path dir) {
    try (Workspace workspace = new Workspace()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> workspace.folder(dir.resolve("gone").toString(), dir));
      assertEquals("--dir must be an existing folder, got " + dir.resolve("gone"),
          e.getMessage());
    }
  }

  @Test
  void theFirstCauseIsNamedNotItsEcho() {
    Path records = Path.of("/shared/file-ipc-1-records.bin");
    FileIpcParameters p = new FileIpcParameters(100, 64, FileIpcParameters.PING_PONG, false,
        "", 2_000);
    FileIpcFailures.Outcome ok = new FileIpcFailures.Outcome(0, FileIpcFailures.OK, 0);
    assertNull(FileIpcFailures.describe(List.of(ok, ok), null, records, p));
    FileIpcFailures.Outcome stopped =
        new FileIpcFailures.Outcome(2, FileIpcFailures.STOPPED, 17);
    FileIpcFailures.Outcome noFile = new FileIpcFailures.Outcome(1, FileIpcFailures.NO_FILE, 0);
    assertEquals("file-ipc: rank 1 never saw " + records + " within 2000 ms: the folder is"
        + " probably not shared between the ranks' hosts (give --dir a folder every host sees)",
        FileIpcFailures.describe(List.of(ok, noFile, stopped), null, records, p));
    assertEquals("disk full", FileIpcFailures.describe(List.of(ok, stopped), "disk full",
        records, p), "a full disk, not the readers' wait");
    assertEquals("file-ipc: rank 2 read 17 of 100 records, then " + records + " stopped growing"
        + " for 2000 ms", FileIpcFailures.describe(List.of(ok, stopped), null, records, p));
    assertEquals("file-ipc: rank 0 waited 2000 ms for the answer to record 4 in"
        + " /shared/file-ipc-1-answers.bin, which stopped growing",
        FileIpcFailures.describe(List.of(new FileIpcFailures.Outcome(0,
            FileIpcFailures.NO_ANSWER, 4), stopped), null, records, p));
  }
}
