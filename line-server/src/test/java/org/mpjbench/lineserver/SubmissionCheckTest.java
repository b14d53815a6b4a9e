package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests of {@link SubmissionCheck}: the verdict and which problem it names first. */
class SubmissionCheckTest {
  private static final LineFile FILE = LineFile.of(bytes("zero\none\ntwo\none\n\n"));

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String verdict(String... pairs) {
    SubmissionCheck check = new SubmissionCheck(FILE, pairs.length / 2);
    for (int i = 0; i < pairs.length; i += 2) {
      check.accept(bytes(pairs[i]), pairs[i + 1] == null ? null : bytes(pairs[i + 1]));
    }
    return check.failure();
  }

  @Test
  void everyLineOnceAndRightInAnyOrderIsAccepted() {
    assertNull(verdict("0", "zero", "1", "one", "2", "two", "3", "one", "4", ""));
    assertNull(verdict("4", "", "3", "one", "1", "one", "0", "zero", "2", "two"));
    assertNull(verdict("4\r", "", "3", "one", "01", "one", "0", "zero", "2", "two"),
        "line numbers may end in \\r and have leading zeros");
  }

  @Test
  void lowestMissingLineIsNamed() {
    assertEquals("line 2 is missing", verdict("0", "zero", "1", "one", "4", "", "3", "one"));
    assertEquals("line 0 is missing", verdict());
  }

  @Test
  void firstProblemInSubmissionOrderIsNamed() {
    assertEquals("line 3 is wrong",
        verdict("0", "zero", "3", "two", "1", "uno", "9", "x", "1", "one"));
    assertEquals("line 1 appears twice",
        verdict("1", "one", "1", "one", "3", "three", "2", "two", "4", ""));
    assertEquals("line number 5 is out of range 0..4",
        verdict("0", "zero", "5", "zero", "1", "uno", "2", "two", "4", ""));
    assertEquals("line number 'x' is not a number",
        verdict("x", "zero", "5", "zero", "1", "uno"));
    assertEquals("line number 99999999999999999999999 is out of range 0..4",
        verdict("99999999999999999999999", "zero"));
  }

  @Test
  void textsAreComparedByteForByte() {
    assertEquals("line 0 is wrong",
        verdict("0", "zero\r", "1", "one", "2", "two", "3", "one", "4", ""));
    assertEquals("line 4 is wrong",
        verdict("0", "zero", "1", "one", "2", "two", "3", "one", "4", " "));
    assertEquals("line 1 is wrong", verdict("1", null), "a text too long to read is wrong");
  }

  @Test
  void repeatedTextsOfDifferentLinesAreFine() {
    // Lines 1 and 3 are both "one": the protocol names lines by number.
    assertEquals("line 0 is missing", verdict("1", "one", "3", "one"));
  }

  @Test
  void countMustFitTheFileAndThePairsTheCount() {
    assertThrows(IllegalArgumentException.class, () -> new SubmissionCheck(FILE, 6));
    assertThrows(IllegalArgumentException.class, () -> new SubmissionCheck(FILE, -1));
    SubmissionCheck check = new SubmissionCheck(FILE, 1);
    assertThrows(IllegalStateException.class, check::failure);
    check.accept(bytes("0"), bytes("zero"));
    assertThrows(IllegalStateException.class, () -> check.accept(bytes("1"), bytes("one")));
  }
}
