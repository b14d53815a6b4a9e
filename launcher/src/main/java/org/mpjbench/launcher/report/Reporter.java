package org.mpjbench.launcher.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The one seam through which tables leave mpjbench, as the reporters of Caffeine's simulator are:
 * a sweep or a bench builds its figures into {@link Table}s, and a reporter renders a table in its
 * format, line by line. A new table is rendered by every format; a new format is one constant
 * here.
 */
public enum Reporter {
  /**
   * Columns padded with spaces for the console, two spaces apart, the row's names aligned left and
   * the figures right, no trailing blanks.
   */
  CONSOLE {
    @Override
    public List<String> lines(Table table) {
      int[] widths = new int[table.header().size()];
      for (List<String> row : table.allRows()) {
        for (int column = 0; column < row.size(); column++) {
          widths[column] = Math.max(widths[column], row.get(column).length());
        }
      }
      List<String> lines = new ArrayList<>();
      for (List<String> row : table.allRows()) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.size(); column++) {
          String cell = row.get(column);
          String padding = " ".repeat(widths[column] - cell.length());
          String gap = column == 0 ? "" : "  ";
          if (column < table.textColumns()) {
            line.append(gap).append(cell).append(padding);
          } else {
            line.append(gap).append(padding).append(cell);
          }
        }
        lines.add(line.toString().stripTrailing());
      }
      return lines;
    }
  },

  /** A Markdown table: the row's names aligned left, figures right, a {@code |} escaped. */
  MARKDOWN {
    @Override
    public List<String> lines(Table table) {
      List<String> lines = new ArrayList<>();
      lines.add(markdownRow(table.header()));
      StringBuilder rule = new StringBuilder("|");
      for (int column = 0; column < table.header().size(); column++) {
        rule.append(column < table.textColumns() ? "---|" : "---:|");
      }
      lines.add(rule.toString());
      for (List<String> row : table.rows()) {
        lines.add(markdownRow(row));
      }
      return lines;
    }
  },

  /**
   * CSV (RFC 4180): the header line, then one line per row; a cell holding a comma, a quote or a
   * line break is quoted, its quotes doubled.
   */
  CSV {
    @Override
    public List<String> lines(Table table) {
      return table.allRows().stream().map(Reporter::csvLine).toList();
    }
  };

  /** The table's lines in this format, without line breaks. */
  public abstract List<String> lines(Table table);

  /**
   * One CSV line of {@code cells}: for a file that grows a row at a time (the sweep's), whose rows
   * must read as {@link #CSV}'s do.
   */
  public static String csvLine(List<String> cells) {
    List<String> quoted = new ArrayList<>(cells.size());
    for (String cell : cells) {
      quoted.add(cell.contains(",") || cell.contains("\"") || cell.contains("\n")
          || cell.contains("\r") ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
    }
    return String.join(",", quoted);
  }

  private static String markdownRow(List<String> cells) {
    StringBuilder line = new StringBuilder("|");
    for (String cell : cells) {
      line.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    return line.toString();
  }
}
