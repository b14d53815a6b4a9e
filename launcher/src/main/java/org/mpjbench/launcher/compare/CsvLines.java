package org.mpjbench.launcher.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what {@link org.mpjbench.launcher.report.Reporter#CSV} writes (RFC 4180, one record
 * per line: the sweep's cells hold no line break): cells split at commas, a quoted cell's doubled
 * quotes undone.
 */
final class CsvLines {
  private CsvLines() {}

  /** The cells of every non-blank line of {@code file}. */
  static List<List<String>> parse(Path file, List<String> lines) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        rows.add(cells(file, i + 1, lines.get(i)));
      }
    }
    return rows;
  }

  static List<String> cells(Path file, int lineNumber, String line) {
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
