package org.mpjbench.kernels.spi;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a kernel's summary needs to know of its run besides its parameters and result.
 *
 * @param ranks the number of ranks
 * @param device MPJ's device, e.g. {@code multicore}
 * @param wallTimeSeconds the run's wall time, start to result
 * @param artifacts the files the run stored beside its result, by artifact name
 * @param artifactChecks what each artifact was checked against (see {@link
 *     KernelFixture#artifactCheck}), by artifact name
 */
public record RunInfo(int ranks, String device, double wallTimeSeconds,
    Map<String, Path> artifacts, Map<String, String> artifactChecks) {
  /** Copies the maps. */
  public RunInfo {
    artifacts = Map.copyOf(artifacts);
    artifactChecks = Map.copyOf(artifactChecks);
  }

  /** A run that stored no artifact. */
  public RunInfo(int ranks, String device, double wallTimeSeconds) {
    this(ranks, device, wallTimeSeconds, Map.of(), Map.of());
  }
}
