package org.mpjbench.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/** Files a report must refuse to read, and the check that it names each in one line. */
final class BadFiles {
  private BadFiles() {}

  /**
   * Writes files into {@code dir}: each name in {@code namesAndContents} followed by its content.
   *
   * @return the files, in the order given
   */
  static List<Path> write(Path dir, String... namesAndContents) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      files.add(Files.writeString(dir.resolve(namesAndContents[i]), namesAndContents[i + 1]));
    }
    return files;
  }

  /**
   * Checks that {@code read} of each file throws an {@link IllegalArgumentException} whose message
   * is one line starting with the file and then {@code after}.
   */
  static void assertEachRejectedInOneLine(List<Path> files, Function<Path, Executable> read,
      String after) {
    for (Path file : files) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, read.apply(file), file.toString());
      assertTrue(e.getMessage().startsWith(file + after), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
  }
}
