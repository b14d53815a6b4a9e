package org.mpjbench.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster down} removes only what {@code up} wrote: its state folder can be named by
 * {@code MPJBENCH_CLUSTER_DIR}, and a user's file in it (or in {@code /etc/netns/<ns>}) survives.
 */
class VirtualClusterFilesTest {
  @TempDir Path tmp;

  @Test
  void theStateFolderLosesOnlyOurFilesAndStaysWhenItHoldsTheUsers() throws IOException {
    Path state = Files.createDirectories(tmp.resolve("state"));
    for (String ours : List.of("cluster.json", "cluster.json.tmp", "machines", "daemon-h1.log",
        "daemon-h12.log")) {
      Files.writeString(state.resolve(ours), "ours");
    }
    Path users = Files.writeString(state.resolve("thesis.tex"), "the user's own file");
    Path lookalike = Files.writeString(state.resolve("daemon-notes.log"), "the user's too");

    assertFalse(VirtualCluster.removeOwnFiles(state, VirtualCluster::isStateFile));

    assertEquals(List.of("daemon-notes.log", "thesis.tex"), names(state));
    assertEquals("the user's own file", Files.readString(users));
    assertEquals("the user's too", Files.readString(lookalike));
  }

  @Test
  void aFolderHoldingOnlyOurFilesIsRemoved() throws IOException {
    Path state = Files.createDirectories(tmp.resolve("state"));
    Files.writeString(state.resolve("cluster.json"), "{}");
    Files.writeString(state.resolve("machines"), "10.77.0.11\n");
    assertTrue(VirtualCluster.removeOwnFiles(state, VirtualCluster::isStateFile));
    assertFalse(Files.exists(state));
    assertTrue(VirtualCluster.removeOwnFiles(state, VirtualCluster::isStateFile), "absent: done");
  }

  @Test
  void aNetnsFolderKeepsAnythingButTheHostsFileWeWrote() throws IOException {
    Path etc = Files.createDirectories(tmp.resolve("netns").resolve("mpjb-h1"));
    Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n");
    Path resolv = Files.writeString(etc.resolve("resolv.conf"), "nameserver 10.0.0.1\n");
    assertFalse(VirtualCluster.removeOwnFiles(etc, "hosts"::equals));
    assertEquals(List.of("resolv.conf"), names(etc));
    assertEquals("nameserver 10.0.0.1\n", Files.readString(resolv));
  }

  @Test
  void aStateFolderThatIsAFileOrALinkIsLeftAlone() throws IOException {
    Path file = Files.writeString(tmp.resolve("state"), "a file of the user's");
    assertFalse(VirtualCluster.removeOwnFiles(file, VirtualCluster::isStateFile));
    assertEquals("a file of the user's", Files.readString(file));

    Path target = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(target.resolve("machines"), "a machines file of the user's");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
    assertFalse(VirtualCluster.removeOwnFiles(link, VirtualCluster::isStateFile));
    assertEquals("a machines file of the user's", Files.readString(target.resolve("machines")));
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
