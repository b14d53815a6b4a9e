package org.mpjbench.kernels.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks of a {@link PropertyCheck}'s verdict and detail that the checkers' tests share. */
public final class CheckAssertions {
  private CheckAssertions() {}

  /** {@code check} holds and its detail contains each of {@code fragments}. */
  public static void assertHolds(PropertyCheck check, String... fragments) {
    assertTrue(check.holds(), check.toString());
    assertDetailContains(check, fragments);
  }

  /**
   * {@code check} is violated, its detail starts with {@code start} and contains each of {@code
   * fragments}.
   */
  public static void assertViolated(PropertyCheck check, String start, String... fragments) {
    assertFalse(check.holds(), check.toString());
    assertTrue(check.detail().startsWith(start), check.detail());
    assertDetailContains(check, fragments);
  }

  private static void assertDetailContains(PropertyCheck check, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(check.detail().contains(fragment), check.detail());
    }
  }
}
