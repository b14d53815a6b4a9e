package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;

/**
 * The contract every kernel keeps, checked for every kernel of the registry with 1 and 3 ranks
 * through the real runtime: it completes, writes the common record (schema, kernel, ranks,
 * parameters, environment, result), and a kernel with a correctness property reports it as held.
 */
class KernelContractIT {
  /** Quick settings for the two kernels whose defaults are long runs. */
  private static List<String> quick(String kernel) {
    return switch (kernel) {
      case "berkeley" -> List.of("--rounds", "5");
      case "download" -> List.of("--lines", "50", "--rate-per-second", "2000");
      default -> List.of();
    };
  }

  static Stream<Arguments> kernelsAndRanks() {
    return Kernels.all().stream().map(KernelDescriptor::name)
        .flatMap(kernel -> Stream.of(Arguments.of(kernel, 1), Arguments.of(kernel, 3)));
  }

  @org.junit.jupiter.api.Test
  void theRegistryHoldsTheKernelsOfItsServicesFileInItsOrder() throws Exception {
    // The one line that registers a kernel is all the launcher needs: run, sweep and bench
    // (and these tests) take the list from the registry.
    // The same file may be on the class path twice (the module's classes and its jar).
    java.util.Set<String> lines = new java.util.LinkedHashSet<>();
    var files = KernelDescriptor.class.getClassLoader().getResources(
        "META-INF/services/org.mpjbench.kernels.program.RankProgramFactory");
    while (files.hasMoreElements()) {
      try (var in = files.nextElement().openStream()) {
        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(lines::add);
      }
    }
    List<String> descriptors = new java.util.ArrayList<>();
    for (String line : lines) { // the kernels' lines, not the JMH harness's
      if (KernelDescriptor.class.isAssignableFrom(Class.forName(line))) {
        descriptors.add(line);
      }
    }
    assertEquals(descriptors, Kernels.all().stream().map(k -> k.getClass().getName()).toList());
    List<String> names = Kernels.all().stream().map(KernelDescriptor::name).toList();
    assertEquals(List.of("berkeley", "download"), names.subList(0, 2), "the headline kernels");
    assertEquals(names.size(), java.util.Set.copyOf(names).size(), "unique names");
    assertTrue(names.size() >= 12, names::toString);
  }

  @ParameterizedTest(name = "{0} on {1} ranks")
  @MethodSource("kernelsAndRanks")
  void everyKernelCompletesAndReportsItsProperty(String kernel, int ranks,
      @TempDir Path results) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("run", kernel, "-np",
        Integer.toString(ranks)));
    args.addAll(quick(kernel));
    LauncherRun run = LauncherRun.run(results, args.toArray(String[]::new));
    run.expectExit(0);
    JsonNode json = run.json();
    assertEquals("mpjbench.run/1", json.get("schema").asText());
    assertEquals("complete", json.get("status").asText());
    assertEquals(kernel, json.get("kernel").asText());
    assertEquals(ranks, json.get("ranks").asInt());
    assertTrue(json.get("parameters").isObject() && json.get("parameters").size() > 0);
    assertFalse(json.at("/environment/javaVersion").asText().isEmpty());
    JsonNode result = json.get("result");
    assertTrue(result != null && result.isObject(), "a result: " + json);
    JsonNode check = result.get("check");
    if (check != null) {
      assertTrue(check.get("holds").asBoolean(), kernel + ": " + check);
      assertFalse(check.get("property").asText().isEmpty());
      assertTrue(result.has("messages"), kernel + " counts its messages");
    }
  }
}
