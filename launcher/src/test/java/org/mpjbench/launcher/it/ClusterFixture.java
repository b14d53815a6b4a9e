package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mpjbench.launcher.cluster.VirtualCluster;

/** What the virtual-cluster ITs share: the preconditions of {@code cluster up}, and a folder. */
final class ClusterFixture {
  private ClusterFixture() {}

  /**
   * Skips the calling tests unless this is root ({@code cluster up} needs network namespaces) and
   * no virtual cluster is up on this machine (it is not touched); then makes a new folder named
   * {@code prefix...} under the build folder, which every test host sees, and returns it.
   */
  static Path assumeClusterCanComeUp(String prefix) throws IOException {
    assumeTrue(VirtualCluster.isRoot(), "cluster up needs root: network namespaces");
    assumeTrue(!VirtualCluster.anyUp(),
        "a virtual cluster is already up on this machine; not touching it");
    return Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix);
  }

  /** Deletes {@code folder} and everything in it; nothing when it is null. */
  static void deleteTree(Path folder) throws IOException {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
