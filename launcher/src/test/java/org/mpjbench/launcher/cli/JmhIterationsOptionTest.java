package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.benchmarks.BenchParameters;
import org.mpjbench.benchmarks.BenchParameters.Iterations;

/** {@code --iterations}: how many iterations JMH measures, everything else of the plan kept. */
class JmhIterationsOptionTest {
  private static BenchParameters parameters(boolean quick, Integer iterations) {
    return JmhCommand.parameters(List.of("ping-pong", "kernels"), "multicore", quick, iterations,
        JmhCommand.BERKELEY_TOLERANCE_US, JmhCommand.BERKELEY_SKEW_BOUND_US,
        JmhCommand.DOWNLOAD_LINES, JmhCommand.DOWNLOAD_RATE_PER_SECOND, JmhCommand.SERVER_HOST,
        false);
  }

  @Test
  void theDefaultsAreManyShortIterations() {
    BenchParameters plan = parameters(false, null);
    assertEquals(new Iterations(10, 25, 200), plan.sessionIterations());
    assertEquals(new Iterations(2, 15, 200), plan.kernelIterations());
  }

  @Test
  void iterationsSetsTheMeasuredCountOfEveryBenchmarkAndKeepsWarmUpAndLength() {
    BenchParameters plan = parameters(false, 60);
    assertEquals(new Iterations(10, 60, 200), plan.sessionIterations());
    assertEquals(new Iterations(2, 60, 200), plan.kernelIterations());
    BenchParameters quick = parameters(true, 4);
    assertEquals(4, quick.sessionIterations().measured());
    assertEquals(parameters(true, null).sessionIterations().millis(),
        quick.sessionIterations().millis(), "--quick keeps its short iterations");
  }

  @Test
  void aCountOutsideTwoToAThousandNamesTheOption() {
    for (int bad : new int[] {1, 0, -5, 1001}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> parameters(false, bad));
      assertTrue(e.getMessage().startsWith("--iterations must be between 2 and 1000, got " + bad),
          e.getMessage());
    }
  }
}
