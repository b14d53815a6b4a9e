package org.mpjbench.launcher.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of the reporter seam: one {@link Table} rendered by each {@link Reporter}, the row's names
 * aligned left and the figures right, Markdown's and CSV's special characters escaped.
 */
class ReporterTest {
  private static final Table KERNELS = new Table(List.of("kernel", "op", "-np", "ops/s"),
      List.of(List.of("ring", "election", "2", "1,200"), List.of("ricart-agrawala", "entry", "4",
          "9")), 2);

  @Test
  void theConsoleAlignsNamesLeftAndFiguresRightTwoSpacesApart() {
    assertEquals(List.of(
        "kernel           op        -np  ops/s",
        "ring             election    2  1,200",
        "ricart-agrawala  entry       4      9"), Reporter.CONSOLE.lines(KERNELS));
  }

  @Test
  void markdownMarksTheFigureColumnsRightAlignedAndEscapesBars() {
    Table table = new Table(List.of("rate", "K=2"), List.of(List.of("a|b", "3 ops/s")));
    assertEquals(List.of("| rate | K=2 |", "|---|---:|", "| a\\|b | 3 ops/s |"),
        Reporter.MARKDOWN.lines(table));
    assertEquals("|---|---|---:|---:|", Reporter.MARKDOWN.lines(KERNELS).get(1));
  }

  @Test
  void csvQuotesACellWithACommaOrAQuoteAndLeavesTheOthers() {
    assertEquals(List.of("kernel,op,-np,ops/s", "ring,election,2,\"1,200\"",
        "ricart-agrawala,entry,4,9"), Reporter.CSV.lines(KERNELS));
    assertEquals("\"say \"\"hi\"\"\",,x", Reporter.csvLine(List.of("say \"hi\"", "", "x")));
  }

  @Test
  void aRowThatDoesNotFitTheHeaderIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Table(List.of("a", "b"), List.of(List.of("1"))));
    assertThrows(IllegalArgumentException.class,
        () -> new Table(List.of("a", "b"), List.of(), 3));
  }
}
