package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpjbench.launcher.cluster.VirtualCluster;

/**
 * The file-ipc kernel across two test hosts in niodev (as root: {@code cluster up --hosts 2}):
 * records passed through a folder both hosts see (the checkout, shared as an NFS home is), in
 * stream and ping-pong mode, every reader checked; and a folder that only rank 0's host sees (its
 * own {@code /tmp}), which the readers never see: the run fails within its time-out, naming the
 * cause, and leaves nothing behind. Skipped (with the reason) when not root.
 */
class FileIpcClusterIT {
  /** Under the build folder, which every test host sees. */
  private static Path work;

  @BeforeAll
  static void up() throws IOException {
    work = ClusterFixture.assumeClusterCanComeUp("file-ipc-cluster-");
    LauncherRun.runPlain("cluster", "up", "--hosts", "2").expectExit(0);
  }

  @AfterAll
  static void down() throws IOException {
    if (work == null) {
      return;
    }
    LauncherRun.runPlain("cluster", "down").expectExit(0);
    ClusterFixture.deleteTree(work);
  }

  private static LauncherRun fileIpc(String name, String... options) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("run", "file-ipc", "-np", "4",
        "--device", "niodev", "--machines", VirtualCluster.machinesFile().toString()));
    args.addAll(List.of(options));
    return LauncherRun.run(work.resolve(name), args.toArray(String[]::new));
  }

  /** The files of {@code folder}, by name. */
  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyReaderOnEitherHostGetsEveryRecordThroughTheSharedFolder() throws Exception {
    Path shared = Files.createDirectories(work.resolve("shared"));
    Files.writeString(shared.resolve("notes.txt"), "the user's own file");
    for (String mode : List.of("stream", "ping-pong")) {
      LauncherRun run = fileIpc(mode, "--mode", mode, "--lines", "300", "--dir",
          shared.toString()).expectExit(0);
      JsonNode json = run.json();
      java.util.Set<String> hosts = new java.util.TreeSet<>();
      json.path("rankHosts").forEach(host -> hosts.add(host.path("host").asText()));
      assertEquals(java.util.Set.of("h1", "h2"), hosts, "ranks on both hosts: " + hosts);
      assertEquals("h1", json.at("/rankHosts/0/host").asText(), "rank 0 writes on h1");
      assertTrue(json.at("/result/check/holds").asBoolean(), json.at("/result/check").toString());
      for (JsonNode reader : json.at("/result/readers")) {
        assertEquals(300, reader.path("received").asLong(), mode + ": " + reader);
      }
      assertTrue(json.at("/result/baselineRoundTripNanos").asLong() > 0, "MPI ping-pong beside");
      assertEquals(List.of("notes.txt"), names(shared),
          mode + ": the run removed its own files, and only those");
    }
  }

  @Test
  void byDefaultTheFilesGoBesideTheResultsAndLeaveNothingBehind() throws Exception {
    Path results = work.resolve("default-folder");
    JsonNode json = fileIpc("default-folder", "--lines", "100").expectExit(0).json();
    Path folder = Path.of(json.at("/result/folder").asText());
    assertEquals(results.toAbsolutePath(), folder.getParent(), "a new folder in the results");
    assertTrue(json.at("/result/folderCreated").asBoolean());
    assertFalse(Files.exists(folder), "the run removed the folder it made");
    assertTrue(json.at("/result/check/holds").asBoolean(), json.at("/result/check").toString());
  }

  @Test
  void aFolderOnlyRankZerosHostSeesIsNamedWithinTheTimeOut() throws Exception {
    // The same path in this machine's /tmp (the launcher checks that --dir exists) and in h1's,
    // where rank 0 writes; h2's /tmp has no such folder, so its readers never see the file.
    String name = "mpjbench-file-ipc-" + ProcessHandle.current().pid();
    Path here = Files.createDirectories(Path.of("/tmp", name));
    VirtualCluster.Host h1 = VirtualCluster.host("h1").orElseThrow();
    Path onH1 = Files.createDirectories(h1.tmp().resolve(name));
    try {
      long start = System.nanoTime();
      LauncherRun run = fileIpc("unshared", "--lines", "50", "--timeout-ms", "3000",
          "--dir", here.toString()).expectExit(1);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(run.err().contains("never saw") && run.err().contains("not shared"), run.err());
      assertTrue(seconds < 60, "named within seconds of the time-out, not the run's: " + seconds);
      assertEquals(List.of(), names(onH1), "rank 0 removed the file it wrote on h1");
    } finally {
      Files.deleteIfExists(onH1);
      Files.deleteIfExists(here);
    }
  }
}
