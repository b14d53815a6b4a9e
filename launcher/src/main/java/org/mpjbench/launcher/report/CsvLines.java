package org.mpjbench.launcher.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what {@link Reporter#CSV} writes (RFC 4180, one record per line: the tables' cells
 * hold no line break): cells split at commas, a quoted cell's doubled quotes undone. Used by
 * {@code compare} (the sweep's CSV) and {@code plot} (the bench's {@code sizes.csv}).
 */
public final class CsvLines {
  private CsvLines() {}

  /** The cells of every non-blank line of {@code file}. */
  public static List<List<String>> parse(Path file, List<String> lines) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        rows.add(cells(file, i + 1, lines.get(i)));
      }
    }
    return rows;
  }

  /**
   * The cells of {@code line}, line {@code lineNumber} of {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line when a quote is not closed
   */
  public static List<String> cells(Path file, int lineNumber, String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(file + ", line " + lineNumber + ": a quote is not closed");
    }
    cells.add(cell.toString());
    return cells;
  }
}
