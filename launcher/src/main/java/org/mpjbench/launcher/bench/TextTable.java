package org.mpjbench.launcher.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells, rendered as Markdown or as fixed-width console lines; the first column
 * (the row's name) is aligned left, the others (figures) right.
 *
 * @param header the column titles
 * @param rows the cells, each row as long as the header
 */
record TextTable(List<String> header, List<List<String>> rows) {

  /** Copies the cells and checks that every row fits the header. */
  TextTable {
    header = List.copyOf(header);
    List<List<String>> copies = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("a row of " + row.size() + " cells under "
            + header.size() + " columns: " + row);
      }
      copies.add(List.copyOf(row));
    }
    rows = List.copyOf(copies);
  }

  /** The Markdown table, one line per element. */
  List<String> markdown() {
    List<String> lines = new ArrayList<>();
    lines.add(markdownRow(header));
    StringBuilder rule = new StringBuilder("|");
    for (int column = 0; column < header.size(); column++) {
      rule.append(column == 0 ? "---|" : "---:|");
    }
    lines.add(rule.toString());
    for (List<String> row : rows) {
      lines.add(markdownRow(row));
    }
    return lines;
  }

  /** The table in columns padded with spaces, two spaces apart, no trailing blanks. */
  List<String> fixedWidth() {
    int[] widths = new int[header.size()];
    for (List<String> row : allRows()) {
      for (int column = 0; column < row.size(); column++) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : allRows()) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < row.size(); column++) {
        String cell = row.get(column);
        String padding = " ".repeat(widths[column] - cell.length());
        if (column == 0) {
          line.append(cell).append(padding);
        } else {
          line.append("  ").append(padding).append(cell);
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  private List<List<String>> allRows() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static String markdownRow(List<String> cells) {
    StringBuilder line = new StringBuilder("|");
    for (String cell : cells) {
      line.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    return line.toString();
  }
}
