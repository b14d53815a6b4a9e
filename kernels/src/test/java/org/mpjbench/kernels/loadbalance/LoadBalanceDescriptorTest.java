package org.mpjbench.kernels.loadbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link LoadBalanceDescriptor}: its summary's lines, its figures. */
class LoadBalanceDescriptorTest {
  private final LoadBalanceDescriptor kernel = new LoadBalanceDescriptor();

  private static LoadBalanceResult.Policy policy(String name, long makespanNanos) {
    return new LoadBalanceResult.Policy(name, makespanNanos, 0.5, 404, List.of(100, 100),
        PropertyCheck.held("every task done once", "200 tasks"));
  }

  private static LoadBalanceResult result(Latencies latency) {
    return new LoadBalanceResult(2, 64_162_288, 32_081_144,
        List.of(policy("round-robin", 90_155_005), policy("least-loaded", 77_944_700),
            policy("work-stealing", 31_900_295)),
        1212, 40_833_514, 89_000_000,
        PropertyCheck.held("every task done once", "600 tasks"), latency);
  }

  private final LoadBalanceResult result =
      result(new Latencies(40_833_514, 70_000_000, 86_000_000, 89_000_000));

  @Test
  void summaryLinesAreTheCommandsOnes() {
    assertEquals(List.of(
        "load-balance: 3 ranks, multicore, 2 worker(s) in 0.31 s",
        "  property     every task done once: holds (600 tasks)",
        "  work         64.2 ms in all; lower bound 32.1 ms (total work / workers)",
        "  round-robin   makespan 90.2 ms, efficiency 0.50, 404 messages, tasks per worker"
            + " [100, 100]",
        "  least-loaded  makespan 77.9 ms, efficiency 0.50, 404 messages, tasks per worker"
            + " [100, 100]",
        "  work-stealing makespan 31.9 ms, efficiency 0.50, 404 messages, tasks per worker"
            + " [100, 100]",
        "  messages     1,212; task turnaround from policy start median 40.8 ms; P50 40.8 ms,"
            + " P90 70.0 ms, P99 86.0 ms, max 89.0 ms"),
        kernel.summary(LoadBalanceParameters.DEFAULTS, result,
            new RunInfo(3, "multicore", 0.3141)));
    List<String> old = kernel.summary(LoadBalanceParameters.DEFAULTS, result(null),
        new RunInfo(3, "multicore", 0.3141));
    assertEquals("  messages     1,212; task turnaround from policy start median 40.8 ms, max"
        + " 89.0 ms", old.get(old.size() - 1), "a result file from before the distribution");
  }

  @Test
  void figuresCountTheTasksOfEveryPolicy() {
    assertFigures(kernel.figures(result, 3), 600, 1212L, 40_833_514L,
        600 * 1e9 / (90_155_005L + 77_944_700L + 31_900_295L), null,
        "makespan round-robin 90.2 ms, least-loaded 77.9 ms, work-stealing 31.9 ms; bound 32.1"
            + " ms");
    assertEquals(result.latency(), kernel.figures(result, 3).latency());
  }
}
