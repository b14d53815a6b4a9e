package org.mpjbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.openjdk.jmh.annotations.Param;

/** {@link KernelCase}: the catalogue of timed kernel runs against the kernels and the benchmark. */
class KernelCaseTest {
  @Test
  void everyAlgorithmKernelButTheTwoWithBenchmarksOfTheirOwnIsTimed() {
    Set<KernelType> timed = Arrays.stream(KernelCase.values()).map(KernelCase::type)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(KernelType.class)));
    Set<KernelType> expected = EnumSet.allOf(KernelType.class);
    expected.removeAll(Set.of(KernelType.BERKELEY, KernelType.DOWNLOAD));
    assertEquals(expected, timed);
  }

  @Test
  void theBenchmarksParamListsEveryCaseInOrder() throws NoSuchFieldException {
    Param param = KernelRunBenchmark.class.getField("kernel").getAnnotation(Param.class);
    assertEquals(KernelCase.NAMES, List.of(param.value()));
    assertEquals(12, KernelCase.NAMES.size());
    for (KernelCase kernel : KernelCase.values()) {
      assertEquals(kernel, KernelCase.byName(kernel.benchmarkName()).orElseThrow());
    }
    assertTrue(KernelCase.byName("berkeley").isEmpty());
  }

  @Test
  void everyCaseRunsItsKernelsDefaultsWhichItsKernelAccepts() {
    for (KernelCase kernel : KernelCase.values()) {
      Object parameters = kernel.parameters(false);
      assertTrue(kernel.type().parametersType().isInstance(parameters), kernel.toString());
      kernel.type().create(parameters); // refuses parameters of another type
    }
    assertEquals(ElectionParameters.DEFAULTS, KernelCase.RING.parameters(false));
    assertEquals(ElectionParameters.DEFAULTS, KernelCase.BULLY.parameters(false));
    assertEquals(MutexParameters.DEFAULTS, KernelCase.SUZUKI_KASAMI.parameters(false));
  }

  @Test
  void theNoCrashElectionsCrashNobodyAndStartAtTwoRanks() {
    for (KernelCase kernel : List.of(KernelCase.RING_NO_CRASH, KernelCase.BULLY_NO_CRASH)) {
      ElectionParameters parameters = (ElectionParameters) kernel.parameters(false);
      assertEquals(List.of(), parameters.crashRanks());
      assertEquals(List.of(), parameters.setupFor(4).crashedRanks());
      assertEquals(ElectionParameters.DEFAULTS.timeoutMs(), parameters.timeoutMs());
      assertEquals(2, kernel.minRanks());
    }
    assertEquals(List.of(3), ElectionParameters.DEFAULTS.setupFor(4).crashedRanks(),
        "the default run crashes the highest rank");
    assertEquals(1, KernelCase.RING.minRanks());
  }

  @Test
  void onlyTheMutualExclusionCasesTurnUnsafe() {
    for (KernelCase kernel : KernelCase.values()) {
      Object parameters = kernel.parameters(true);
      boolean mutex = kernel == KernelCase.SUZUKI_KASAMI || kernel == KernelCase.RICART_AGRAWALA;
      assertEquals(mutex, parameters instanceof MutexParameters m && m.unsafe(), kernel.name());
      assertEquals(!mutex, parameters.equals(kernel.parameters(false)), kernel.name());
    }
  }

  @Test
  void everyTimedKernelsResultCountsItsMessages() {
    for (KernelCase kernel : KernelCase.values()) {
      RecordComponent[] components = kernel.type().resultType().getRecordComponents();
      assertTrue(Arrays.stream(components)
          .anyMatch(c -> c.getName().equals("messages") && c.getType() == long.class),
          kernel.type().resultType().getName());
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
