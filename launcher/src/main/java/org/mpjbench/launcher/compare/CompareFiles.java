package org.mpjbench.launcher.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpjbench.launcher.bench.TextFiles;
import org.mpjbench.launcher.charts.RatioChart;
import org.mpjbench.launcher.report.Reporter;

/**
 * What {@code mpjbench compare} writes into its folder: {@value #CSV} (the table for tools, every
 * number with six digits), {@value #MARKDOWN} (for people, with how to read it) and the chart of
 * the ratios ({@value RatioChart#FILE_NAME}).
 */
public final class CompareFiles {
  /** The table for tools. */
  public static final String CSV = "compare.csv";
  /** The table for people. */
  public static final String MARKDOWN = "compare.md";
  /** Every file written, for the check that none exists before. */
  public static final List<String> NAMES = List.of(CSV, MARKDOWN, RatioChart.FILE_NAME);

  private CompareFiles() {}

  /** The lines that say what A and B are and how to read the table. */
  public static List<String> header(Comparison comparison) {
    return List.of(
        "A: " + describe(comparison.a()),
        "B: " + describe(comparison.b()),
        comparison.method());
  }

  /**
   * Writes the three files into {@code folder}, which exists and holds none of them; returns them.
   */
  public static List<Path> write(Comparison comparison, Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    Path csv = folder.resolve(CSV);
    writeLines(csv, Reporter.CSV.lines(comparison.table(true)));
    files.add(csv);
    Path markdown = folder.resolve(MARKDOWN);
    List<String> lines = new ArrayList<>();
    lines.add("# Comparison: B against A");
    lines.add("");
    header(comparison).forEach(line -> lines.add("- " + line));
    lines.add("- verdicts: " + summary(comparison));
    lines.add("");
    lines.addAll(Reporter.MARKDOWN.lines(comparison.table(false)));
    lines.add("");
    lines.add("![ratios](" + RatioChart.FILE_NAME + ")");
    writeLines(markdown, lines);
    files.add(markdown);
    List<RatioChart.Bar> bars = comparison.rows().stream().map(CompareFiles::bar).toList();
    if (bars.stream().anyMatch(b -> b.ratio() > 0 && Double.isFinite(b.ratio()))) {
      files.add(RatioChart.write(bars, "B " + comparison.b().folder().getFileName() + " against"
          + " A " + comparison.a().folder().getFileName() + "; bars: 95 % bootstrap intervals (none"
          + " where a side has one sample)",
          folder));
    }
    return List.copyOf(files);
  }

  /** "2 faster, 1 slower, 20 no difference", the verdicts that occur. */
  public static String summary(Comparison comparison) {
    List<String> parts = new ArrayList<>();
    for (Verdict verdict : Verdict.values()) {
      long count = comparison.count(verdict);
      if (count > 0) {
        parts.add(count + " " + verdict);
      }
    }
    return String.join(", ", parts);
  }

  private static RatioChart.Bar bar(Comparison.Row row) {
    Subject s = row.subject();
    RatioChart.Tone tone = switch (row.verdict()) {
      case FASTER -> RatioChart.Tone.FASTER;
      case SLOWER -> RatioChart.Tone.SLOWER;
      case NO_DIFFERENCE, NO_RATIO -> RatioChart.Tone.SAME;
    };
    return new RatioChart.Bar(s.name() + " K=" + s.ranks() + " " + s.figure() + " ("
        + s.direction().better() + " is faster)", row.ratio().ratio(), row.ratio().low(),
        row.ratio().high(), tone);
  }

  private static String describe(ResultFolder folder) {
    return folder.folder() + " (" + folder.kind()
        + (folder.devices().isEmpty() ? "" : ", " + String.join(", ", folder.devices()))
        + ", " + folder.rows() + " figures)";
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    TextFiles.replace(file, out -> out.write(bytes));
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " was not written");
    }
  }
}
