package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The runs and checks the mutual-exclusion kernels' integration tests share (Ricart-Agrawala,
 * Suzuki-Kasami): one rank that enters alone, three that share, and the unsafe switch that must
 * fail the run.
 */
final class MutexRuns {
  private MutexRuns() {}

  /**
   * Runs {@code kernel} on one rank and checks it completed, sent no message and held its
   * property; returns its result for the kernel's own checks.
   */
  static JsonNode oneRankSendsNothing(Path results, String kernel) throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", kernel, "-np", "1");
    JsonNode result = run.completeResult();
    assertEquals(0, result.get("messages").asLong());
    run.expectOut(": holds");
    return result;
  }

  /**
   * Runs {@code kernel} on three ranks and checks it completed, served all 60 entries (20 a rank)
   * and made some rank wait; returns its result for the kernel's own message counts.
   */
  static JsonNode threeRanksServeEveryEntry(Path results, String kernel) throws Exception {
    JsonNode result = LauncherRun.run(results, "run", kernel, "-np", "3").completeResult();
    assertEquals(60, result.at("/figures/entries").asLong());
    assertTrue(result.at("/figures/maxWaitNanos").asLong() > 0);
    return result;
  }

  /**
   * Runs {@code kernel} on three ranks with {@code --unsafe} and checks the run failed on mutual
   * exclusion; returns the run for the kernel's own checks.
   */
  static LauncherRun unsafeSwitchFails(Path results, String kernel) throws Exception {
    LauncherRun run =
        LauncherRun.run(results, "run", kernel, "-np", "3", "--unsafe",
            // Long stays and short pauses: three unguarded ranks cannot avoid overlapping.
            "--hold-us", "5000", "--think-us", "50");
    run.expectFailed("property violated: mutual exclusion", "overlap");
    return run;
  }
}
