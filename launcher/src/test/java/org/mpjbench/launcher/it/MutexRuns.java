package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runs and checks the mutual-exclusion kernels' integration tests share (Ricart-Agrawala,
 * Suzuki-Kasami): one rank that enters alone, three that share, and the unsafe switch that must
 * fail the run. A subclass adds its kernel's message counts and may add checks of the failure.
 */
abstract class MutexRuns extends OneAndThreeRanks {
  /** The result's field (a JSON pointer) that counts the entries one rank alone made. */
  private final String aloneEntries;

  MutexRuns(String kernel, String aloneEntries) {
    super(kernel, List.of(), List.of());
    this.aloneEntries = aloneEntries;
  }

  /** Checks the kernel's own message counts of the three ranks' 60 entries. */
  abstract void checkMessages(JsonNode result);

  /** Checks that the one rank printed its property held and made its 20 entries. */
  @Override
  final void checkAlone(LauncherRun run, JsonNode result) {
    run.expectOut(": holds");
    assertEquals(20, result.at(aloneEntries).asLong());
  }

  /** Checks that the three ranks served all 60 entries (20 a rank) and made some rank wait. */
  @Override
  final void checkThreeRanks(LauncherRun run, JsonNode result) {
    assertEquals(60, result.at("/figures/entries").asLong());
    assertTrue(result.at("/figures/maxWaitNanos").asLong() > 0);
    checkMessages(result);
  }

  /** Checks that the run with {@code --unsafe} failed on mutual exclusion. */
  void checkUnsafe(LauncherRun run) throws Exception {
    run.expectFailed("property violated: mutual exclusion", "overlap");
  }

  @Test
  void theUnsafeSwitchBreaksMutualExclusionAndFailsTheRun() throws Exception {
    checkUnsafe(LauncherRun.run(results, "run", kernel, "-np", "3", "--unsafe",
        // Long stays and short pauses: three unguarded ranks cannot avoid overlapping.
        "--hold-us", "5000", "--think-us", "50"));
  }
}
