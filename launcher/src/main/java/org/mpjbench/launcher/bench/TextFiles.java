package org.mpjbench.launcher.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files whole: through a sibling temporary name, so a reader never sees half. The report's
 * text files and the charts' PNGs go through here.
 */
public final class TextFiles {
  private TextFiles() {}

  /** What goes into a file, written to its stream. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole content to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code text} as UTF-8 to {@code target}, creating its folder if needed. */
  static void write(Path target, String text) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    // A strict encoder, as Files.writeString has: text that is not valid UTF-16 (a lone
    // surrogate) fails here, before any file is touched, instead of being written as '?'.
    ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
    replace(absolute, out -> out.write(bytes.array(), bytes.arrayOffset(), bytes.limit()));
  }

  /**
   * Writes {@code content} to a temporary name beside {@code target} (whose folder must exist),
   * then moves it over {@code target}: atomically where the file system can, else by a plain
   * replace. The temporary name carries this process's id, so two processes writing the same file
   * do not write into each other's half; it is gone afterwards, whether or not the write worked.
   */
  public static void replace(Path target, Content content) throws IOException {
    Path temporary = target.resolveSibling("." + target.getFileName() + "."
        + ProcessHandle.current().pid() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
