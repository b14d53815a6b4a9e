package org.mpjbench.kernels.fileipc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The files and the folder a run created, on rank 0, and their removal at the end: only what it
 * created, newest first, so that a folder it made is empty when its turn comes and a folder it was
 * given (with whatever else it holds) stays.
 */
final class Workspace implements AutoCloseable {
  /** The end of the records file's name (the answers file's ends in answers.bin). */
  static final String RECORDS = "records.bin";
  private static final String ANSWERS = "answers.bin";

  private final Deque<Path> created = new ArrayDeque<>();
  private boolean folderCreated;

  /**
   * The run's folder: a new one under {@code workingFolder} when {@code dir} is empty, else
   * {@code dir}, which must be an existing folder.
   *
   * @throws IllegalArgumentException when {@code dir} is not an existing folder
   */
  Path folder(String dir, Path workingFolder) throws IOException {
    if (dir.isEmpty()) {
      Path folder = Files.createTempDirectory(workingFolder, "file-ipc-");
      created.push(folder);
      folderCreated = true;
      return folder;
    }
    Path folder = Path.of(dir);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--dir must be an existing folder, got " + folder);
    }
    return folder;
  }

  /** Whether the run created its folder. */
  boolean createdFolder() {
    return folderCreated;
  }

  /**
   * Creates the run's records file in {@code folder} (and the answers file beside it with {@code
   * answers}), under a name no other file has: creating fails rather than overwrite.
   */
  Path createFiles(Path folder, boolean answers) throws IOException {
    String stem = "file-ipc-" + Long.toHexString(System.nanoTime()) + "-";
    if (answers) {
      // Before the records: a reader that sees the records file sees this one too.
      created.push(Files.createFile(answersFor(folder.resolve(stem + RECORDS))));
    }
    Path records = Files.createFile(folder.resolve(stem + RECORDS));
    created.push(records);
    return records;
  }

  /** The answers file beside {@code records}. */
  static Path answersFor(Path records) {
    String name = records.getFileName().toString();
    return records.resolveSibling(name.substring(0, name.length() - RECORDS.length()) + ANSWERS);
  }

  /** Removes what was created, newest first; says on standard error what it could not remove. */
  @Override
  public void close() {
    while (!created.isEmpty()) {
      Path path = created.pop();
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        System.err.println("file-ipc: could not remove " + path + ": " + e);
      }
    }
  }
}
