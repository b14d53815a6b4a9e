package org.mpjbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.benchmarks.BenchParameters.Iterations;

/** {@link BenchParameters}: the benchmark names, {@code kernels}, and the split into two runs. */
class BenchParametersTest {
  private static BenchParameters of(List<String> benchmarks) {
    return new BenchParameters(benchmarks, "multicore", new Iterations(1, 2, 300),
        new Iterations(1, 2, 300), 100_000, 1_000, 100, 2_000, "127.0.0.1", false);
  }

  @Test
  void kernelsStandsForEveryKernelCaseInPlace() {
    BenchParameters parameters = of(List.of("ping-pong", "kernels", "allreduce"));
    List<String> expected = new ArrayList<>(List.of("ping-pong"));
    expected.addAll(KernelCase.NAMES);
    expected.add("allreduce");
    assertEquals(expected, parameters.benchmarks());
    assertEquals(List.of("ping-pong", "allreduce"), parameters.sessionBenchmarks());
    assertEquals(KernelCase.all(), parameters.kernelCases());
  }

  @Test
  void namedCasesAreKeptInTheirOrderOnceEach() {
    BenchParameters parameters = of(List.of("ring", "lamport", "ring", "download"));
    assertEquals(List.of("ring", "lamport", "download"), parameters.benchmarks());
    assertEquals(List.of(KernelCase.byName("ring").orElseThrow(),
        KernelCase.byName("lamport").orElseThrow()), parameters.kernelCases());
    assertEquals(List.of("download"), parameters.sessionBenchmarks());
    assertEquals(KernelCase.NAMES, of(List.of("kernels", "cristian")).benchmarks(),
        "cristian is among the kernels: once, in their order");
  }

  @Test
  void anUnknownOrEmptyListIsRefusedNamingTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> of(List.of("lamport", "berkeley")));
    assertTrue(e.getMessage().startsWith("--benchmarks: unknown benchmark 'berkeley'; known:"
        + " berkeley-round, download, ping-pong, allreduce, osu, kernels (every kernel case: cristian,"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> of(List.of("")));
    assertEquals("--benchmarks lists no benchmark",
        assertThrows(IllegalArgumentException.class, () -> of(List.of())).getMessage());
  }

  @Test
  void jmhNeedsAMeasuredIterationOfFiftyMilliseconds() {
    assertEquals(new Iterations(0, 1, 50), new Iterations(0, 1, 50));
    assertThrows(IllegalArgumentException.class, () -> new Iterations(1, 0, 300));
    assertThrows(IllegalArgumentException.class, () -> new Iterations(-1, 2, 300));
    assertThrows(IllegalArgumentException.class, () -> new Iterations(1, 2, 49));
  }
}
