package org.mpjbench.launcher.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells: what every table mpjbench writes is before a {@link Reporter} renders it
 * (the sweep's console tables and CSV rows, the bench's Markdown, CSV and console tables). The
 * first columns name the row (text, aligned left); the others hold figures, already formatted
 * (aligned right).
 *
 * @param header the column titles
 * @param rows the cells, each row as long as the header
 * @param textColumns how many leading columns name the row: at least 1
 */
public record Table(List<String> header, List<List<String>> rows, int textColumns) {

  /** A table whose first column alone names the row. */
  public Table(List<String> header, List<List<String>> rows) {
    this(header, rows, 1);
  }

  /** Copies the cells and checks that every row fits the header. */
  public Table {
    if (textColumns < 1 || textColumns > header.size()) {
      throw new IllegalArgumentException(textColumns + " text columns in a table of "
          + header.size());
    }
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

  /** The header, then the rows. */
  List<List<String>> allRows() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
