package org.mpjbench.kernels.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before a run starts, that what it will write can be written: the folder exists or can
 * be created, a file can be made in it, and its file system has room. A run that could only fail
 * at its end, after minutes of work, fails at its start instead. Problems are {@link
 * IllegalArgumentException}s whose message names the folder or file and the reason.
 */
public final class Preflight {
  /**
   * The room a run needs at least: a result file is tens of KiB and a trace can reach a few MiB;
   * a run's artifacts (the download kernel's copy of the file) come on top.
   */
  public static final long MIN_FREE_BYTES = 4L << 20;

  private Preflight() {}

  /**
   * Creates {@code folder} if needed, proves it writable, and checks that its file system has
   * {@code neededBytes} free. {@code what} names it in messages ("results folder").
   */
  public static void folder(String what, Path folder, long neededBytes) {
    String name = what + " " + folder;
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(name + " is a file, not a folder");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new IllegalArgumentException(name + " is not writable (" + describe(e) + ")");
    }
    probe(name, folder);
    requireSpace(name, folder, neededBytes);
  }

  /**
   * Checks that {@code file}, which a run will create or append to, can be: its folder exists and
   * is writable, it is not a folder, and there are {@code neededBytes} free. Creates nothing.
   */
  public static void file(String what, Path file, long neededBytes) {
    String name = what + " " + file;
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(name + " is a folder, not a file");
    }
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(name + ": the folder " + folder + " does not exist");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new IllegalArgumentException(name + " is not writable");
    }
    probe(name, folder);
    requireSpace(name, folder, neededBytes);
  }

  /**
   * Checks that none of {@code names} exists in {@code folder}: a command that writes files of
   * fixed names (a sweep's {@code sweep.csv}, a bench's tables) never overwrites a file it did not
   * create, such as the table of an earlier sweep in the folder a user named again.
   */
  public static void noneExist(String what, Path folder, String... names) {
    for (String name : names) {
      Path file = folder.resolve(name);
      if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException(what + " " + folder + " already holds " + name
            + "; it is left untouched: name a new folder");
      }
    }
  }

  /** "N KiB", rounded down: the unit of the free-space messages. */
  static String kib(long bytes) {
    return (bytes / 1024) + " KiB";
  }

  // Permission bits do not stop root; creating a file is the only proof (read-only mounts,
  // immutable folders, /proc).
  private static void probe(String name, Path folder) {
    try {
      Path probe = Files.createTempFile(folder, ".write-check-", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IllegalArgumentException(name + " is not writable (" + describe(e) + ")");
    }
  }

  private static void requireSpace(String name, Path folder, long neededBytes) {
    long free;
    try {
      free = Files.getFileStore(folder).getUsableSpace();
    } catch (IOException e) {
      throw new IllegalArgumentException(name + ": its free space cannot be read ("
          + describe(e) + ")");
    }
    if (free < neededBytes) {
      throw new IllegalArgumentException(name + " has only " + kib(free) + " free; a run needs"
          + " at least " + kib(neededBytes));
    }
  }

  /** An I/O error in a few words: NIO's messages are often just the path. */
  public static String describe(IOException e) {
    String reason = e instanceof java.nio.file.FileSystemException fs ? fs.getReason()
        : e.getMessage();
    if (reason != null) {
      return reason;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "a folder on its path does not exist";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way";
    }
    return e.getClass().getSimpleName();
  }
}
