package org.mpjbench.launcher.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two runs every per-kernel integration test makes through the real MPJ Express runtime
 * (multicore): the kernel alone on one rank, which must complete with its property held and
 * without a message, and on three ranks, which must complete with its property held. A subclass
 * names the kernel and each run's options, and checks its kernel's own figures of both runs.
 */
abstract class OneAndThreeRanks {
  @TempDir Path results;

  /** The kernel under test. */
  final String kernel;
  private final List<String> aloneOptions;
  private final List<String> threeRanksOptions;

  OneAndThreeRanks(String kernel, List<String> aloneOptions, List<String> threeRanksOptions) {
    this.kernel = kernel;
    this.aloneOptions = aloneOptions;
    this.threeRanksOptions = threeRanksOptions;
  }

  /** The kernel's own checks of its run on one rank (already complete, its property held). */
  abstract void checkAlone(LauncherRun run, JsonNode result) throws Exception;

  /** The kernel's own checks of its run on three ranks (already complete, its property held). */
  abstract void checkThreeRanks(LauncherRun run, JsonNode result) throws Exception;

  @Test
  void oneRankAlone() throws Exception {
    LauncherRun run = LauncherRun.alone(results, kernel, aloneOptions.toArray(String[]::new));
    checkAlone(run, run.completeResult());
  }

  @Test
  void threeRanks() throws Exception {
    List<String> args = new ArrayList<>(List.of("run", kernel, "-np", "3"));
    args.addAll(threeRanksOptions);
    LauncherRun run = LauncherRun.run(results, args.toArray(String[]::new));
    checkThreeRanks(run, run.completeResult());
  }
}
