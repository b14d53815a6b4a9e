package org.mpjbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import org.openjdk.jmh.annotations.Param;

/** {@link KernelCase}: the timed kernel runs, from the registry, against the benchmark. */
class KernelCaseTest {
  private static KernelCase named(String name) {
    return KernelCase.byName(name).orElseThrow();
  }

  @Test
  void everyAlgorithmKernelButTheTwoWithBenchmarksOfTheirOwnIsTimed() {
    Set<String> timed = KernelCase.all().stream().map(c -> c.kernel().name())
        .collect(Collectors.toSet());
    Set<String> expected = Kernels.all().stream().map(KernelDescriptor::name)
        .collect(Collectors.toSet());
    expected.removeAll(Set.of("berkeley", "download"));
    assertEquals(expected, timed);
  }

  @Test
  void theCasesAreEveryKernelsBenchCasesInTheRegistrysOrder() {
    List<String> expected = Kernels.all().stream()
        .flatMap(kernel -> kernel.benchCases().stream().map(c -> c.name())).toList();
    assertEquals(expected, KernelCase.NAMES);
    assertEquals(KernelCase.NAMES.size(), Set.copyOf(KernelCase.NAMES).size(), "unique names");
    assertTrue(KernelCase.NAMES.containsAll(List.of("cristian", "ring", "ring-no-crash", "bully",
        "bully-no-crash")), KernelCase.NAMES::toString);
    for (KernelCase kernel : KernelCase.all()) {
      assertEquals(kernel, KernelCase.byName(kernel.benchmarkName()).orElseThrow());
    }
    assertTrue(KernelCase.byName("berkeley").isEmpty());
  }

  @Test
  void theBenchmarksParamIsOnlyAPlaceholderTheHarnessReplaces() throws NoSuchFieldException {
    // No list of kernels here: the harness passes KernelCase.NAMES (BenchProgram), so a new
    // kernel's case is timed without a line in the benchmark.
    Param param = KernelRunBenchmark.class.getField("kernel").getAnnotation(Param.class);
    assertEquals(List.of("set-by-the-harness"), List.of(param.value()));
    assertTrue(KernelCase.byName(param.value()[0]).isEmpty());
  }

  @Test
  void everyCaseRunsItsKernelsDefaultsWhichItsKernelAccepts() {
    for (KernelCase kernel : KernelCase.all()) {
      Object parameters = kernel.parameters(false);
      assertTrue(kernel.kernel().parametersType().isInstance(parameters), kernel.toString());
      kernel.program(false); // refuses parameters of another type
      if (!kernel.benchmarkName().endsWith("-no-crash")) {
        assertEquals(kernel.kernel().defaults(), parameters, kernel + " times the default run");
      }
    }
  }

  @Test
  void theNoCrashElectionsCrashNobodyAndStartAtTwoRanks() {
    for (KernelCase kernel : List.of(named("ring-no-crash"), named("bully-no-crash"))) {
      ElectionParameters parameters = (ElectionParameters) kernel.parameters(false);
      assertEquals(List.of(), parameters.crashRanks());
      assertEquals(List.of(), parameters.setupFor(4).crashedRanks());
      assertEquals(ElectionParameters.DEFAULTS.timeoutMs(), parameters.timeoutMs());
      assertEquals(2, kernel.minRanks());
    }
    assertEquals(1, named("ring").minRanks());
  }

  @Test
  void onlyTheMutualExclusionCasesTurnUnsafe() {
    for (KernelCase kernel : KernelCase.all()) {
      Object parameters = kernel.parameters(true);
      boolean mutex = kernel.benchmarkName().equals("suzuki-kasami")
          || kernel.benchmarkName().equals("ricart-agrawala");
      assertEquals(mutex, parameters instanceof MutexParameters m && m.unsafe(), kernel.toString());
      assertEquals(!mutex, parameters.equals(kernel.parameters(false)), kernel.toString());
    }
  }

  @Test
  void everyTimedKernelsResultCountsItsMessages() {
    for (KernelCase kernel : KernelCase.all()) {
      RecordComponent[] components = kernel.kernel().resultType().getRecordComponents();
      assertTrue(Arrays.stream(components)
          .anyMatch(c -> c.getName().equals("messages") && c.getType() == long.class),
          kernel.kernel().resultType().getName());
    }
  }

  record Counted(String name, long messages) {}

  record Uncounted(int messages) {}

  @Test
  void messagesReadsTheResultsMessagesAndRefusesAResultWithout() {
    assertEquals(42, KernelCase.messages(new Counted("x", 42)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KernelCase.messages(new Uncounted(3)));
    assertTrue(e.getMessage().endsWith("has no long messages"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KernelCase.messages("not a record"));
    assertFalse(KernelCase.NAMES.contains("kernels"));
  }
}
