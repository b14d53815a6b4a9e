package org.mpjbench.launcher.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.RunRecord;

/** {@link ResultWriter}: folder check, file names, collisions, atomic writes and round trips. */
class ResultWriterTest {
  private static final Instant START = Instant.parse("2024-01-02T03:04:05.678Z");

  @TempDir Path tmp;

  @Test
  void checkWritableCreatesTheFolderAndLeavesItEmpty() throws IOException {
    Path folder = tmp.resolve("a").resolve("b").resolve("results");
    new ResultWriter(folder).checkWritable();
    assertTrue(Files.isDirectory(folder));
    assertEquals(List.of(), list(folder), "the write probe must be deleted");
  }

  @Test
  void checkWritableAcceptsAnExistingFolder() throws IOException {
    new ResultWriter(tmp).checkWritable();
    assertEquals(List.of(), list(tmp));
  }

  @Test
  void checkWritableFailsUnderARegularFileNamingTheFolder() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Path folder = file.resolve("results");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ResultWriter(folder).checkWritable());
    assertTrue(e.getMessage().startsWith("results folder " + folder + " is not writable"),
        e.getMessage());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void checkWritableFailsOnAFullDiskSayingHowMuchIsFree() throws IOException {
    try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "256k")) {
      Path folder = disk.path().resolve("results");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new ResultWriter(folder).checkWritable());
      assertEquals("results folder " + folder + " has only 256 KiB free; a run needs at least"
          + " 4096 KiB", e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> new ResultWriter(disk.path()).checkWritable(0));
      assertTrue(e.getMessage().contains("has only 256 KiB free"), e.getMessage());
    }
  }

  @Test
  void checkWritableCountsTheArtifactsToCome() throws IOException {
    try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "5m")) {
      new ResultWriter(disk.path()).checkWritable(512 * 1024);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new ResultWriter(disk.path()).checkWritable(2 << 20));
      assertEquals("results folder " + disk.path() + " has only 5120 KiB free; a run needs at"
          + " least 6144 KiB", e.getMessage());
    }
  }

  @Test
  void checkWritableFailsOnAReadOnlyDiskEvenForRoot() throws IOException {
    try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "8m")) {
      Files.createDirectories(disk.path().resolve("results"));
      disk.readOnly();
      Path folder = disk.path().resolve("results");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new ResultWriter(folder).checkWritable());
      assertEquals("results folder " + folder + " is not writable (Read-only file system)",
          e.getMessage());
    }
  }

  /** The disk fills up during a run: the write fails, and no empty result file is left behind. */
  @Test
  void aWriteOnAFullDiskFailsAndLeavesNoEmptyResultFile() throws IOException {
    try (Tmpfs disk = Tmpfs.mount(tmp.resolve("disk"), "1m")) {
      Path folder = Files.createDirectories(disk.path().resolve("results"));
      assertTrue(disk.fill() > 0);
      IOException e = assertThrows(IOException.class,
          () -> new ResultWriter(folder).write(complete(START)));
      assertTrue(String.valueOf(e.getMessage()).contains("No space left on device"),
          String.valueOf(e));
      assertEquals(List.of(), list(folder), "no reserved, empty or temporary file left");
    }
  }

  @Test
  void writeNamesTheFileAfterKernelRanksDeviceAndStartTime() throws IOException {
    Path file = new ResultWriter(tmp).write(complete(START));
    assertEquals(tmp.resolve("berkeley-4r-multicore-20240102T030405Z.json"), file);
    assertTrue(Files.isRegularFile(file));
    assertEquals(List.of(file), list(tmp), "no temporary file may remain");
  }

  @Test
  void writeCreatesAMissingFolder() throws IOException {
    Path folder = tmp.resolve("new").resolve("results");
    Path file = new ResultWriter(folder).write(complete(START));
    assertEquals(folder, file.getParent());
    assertTrue(Files.isRegularFile(file));
  }

  @Test
  void recordsWithTheSameStartTimeGetNumberedSuffixes() throws IOException {
    ResultWriter writer = new ResultWriter(tmp);
    Path first = writer.write(complete(START));
    Path second = writer.write(failed(START));
    Path third = writer.write(complete(START.plusMillis(100)));
    assertEquals("berkeley-4r-multicore-20240102T030405Z.json", first.getFileName().toString());
    assertEquals("berkeley-4r-multicore-20240102T030405Z-2.json", second.getFileName().toString());
    assertEquals("berkeley-4r-multicore-20240102T030405Z-3.json", third.getFileName().toString());
    assertEquals(Set.of(first, second, third), Set.copyOf(list(tmp)),
        "no temporary file may remain");
    // The first file was not overwritten by the second.
    assertEquals("complete", ResultWriter.read(first).status());
    assertEquals("failed", ResultWriter.read(second).status());
  }

  @Test
  void differentRanksOrDeviceDoNotCollide() throws IOException {
    ResultWriter writer = new ResultWriter(tmp);
    Path a = writer.write(complete(START));
    Path b = writer.write(withShape(complete(START), 2, "niodev"));
    assertEquals("berkeley-2r-niodev-20240102T030405Z.json", b.getFileName().toString());
    assertEquals(Set.of(a, b), Set.copyOf(list(tmp)));
  }

  @Test
  void writeWithoutStartTimeUsesTheCurrentTime() throws IOException {
    Path file = new ResultWriter(tmp).write(complete(null));
    assertTrue(file.getFileName().toString()
            .matches("berkeley-4r-multicore-\\d{8}T\\d{6}Z\\.json"), file.toString());
  }

  @Test
  void completeRecordRoundTrips() throws IOException {
    RunRecord record = complete(START);
    Path file = new ResultWriter(tmp).write(record);
    RunRecord read = ResultWriter.read(file);
    assertEquals(record, read);
    assertEquals("complete", read.status());
    assertFalse(read.partial());
    assertEquals("berkeley", read.kernel());
    assertEquals(4, read.ranks());
    assertEquals(START, read.startTime());
    assertEquals(record.parameters(), read.parameters());
    assertEquals(record.result(), read.result());
    assertNull(read.partialRecords());
    assertNull(read.error());
  }

  @Test
  void partialRecordRoundTrips() throws IOException {
    RunRecord record = failed(START);
    RunRecord read = ResultWriter.read(new ResultWriter(tmp).write(record));
    assertEquals(record, read);
    assertEquals("failed", read.status());
    assertTrue(read.partial());
    assertNull(read.result());
    assertEquals(2, read.partialRecords().size());
    assertEquals(Integer.valueOf(2), read.error().rank());
  }

  @Test
  void fileHoldsTheSchemaFieldsAndAnIsoStartTime() throws IOException {
    Path file = new ResultWriter(tmp).write(complete(START));
    JsonNode json = ResultWriter.mapper().readTree(file.toFile());
    assertEquals(RunRecord.SCHEMA, json.get("schema").asText());
    assertEquals("complete", json.get("status").asText());
    assertTrue(json.get("partial").isBoolean());
    assertFalse(json.get("partial").asBoolean());
    assertEquals("berkeley", json.get("kernel").asText());
    assertEquals(4, json.get("ranks").asInt());
    assertEquals("multicore", json.get("device").asText());
    assertTrue(json.get("startTime").isTextual(), json.toString());
    assertEquals("2024-01-02T03:04:05.678Z", json.get("startTime").asText());
    assertEquals(20, json.get("parameters").get("rounds").asInt());
    assertEquals("[3]", json.get("parameters").get("faultyRanks").toString());
    assertEquals(1.5, json.get("wallTimeSeconds").asDouble());
    assertEquals("node1", json.get("rankHosts").get("1").get("host").asText());
    assertFalse(json.has("partialRecords"), "null fields are left out");
    assertFalse(json.has("error"), "null fields are left out");
    assertFalse(json.get("environment").has("machines"), "null fields are left out");
  }

  @Test
  void artifactsAreWrittenBesideTheRecordAndNamedInIt() throws IOException {
    byte[] data = "line 0\nligne \u00e9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path json = new ResultWriter(tmp).write(complete(START), Map.of("file.txt", data));
    String stem = json.getFileName().toString().replace(".json", "");
    Path artifact = tmp.resolve(stem + ".file.txt");
    assertArrayEquals(data, Files.readAllBytes(artifact));
    RunRecord back = ResultWriter.read(json);
    assertEquals(Map.of("file.txt", stem + ".file.txt"), back.artifacts());
  }

  @Test
  void anArtifactNameThatIsTakenIsPassedOverNotOverwritten() throws IOException {
    // The first stem's artifact name holds a file of the user's: the record takes the next stem.
    Path first = new ResultWriter(tmp).write(complete(START));
    String stem = first.getFileName().toString().replace(".json", "");
    Files.delete(first);
    Path users = Files.writeString(tmp.resolve(stem + ".file.txt"), "the user's own file");
    Path json = new ResultWriter(tmp).write(complete(START), Map.of("file.txt", new byte[] {1}));
    assertEquals(stem + "-2.json", json.getFileName().toString());
    assertEquals("the user's own file", Files.readString(users));
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(tmp.resolve(stem + "-2.file.txt")));
    assertFalse(Files.exists(tmp.resolve(stem + ".json")), "no empty reservation left behind");
  }

  private static RunRecord complete(Instant start) throws IOException {
    JsonNode parameters = ResultWriter.mapper().readTree(
        "{\"rounds\":20,\"samples\":5,\"spreadMs\":50.0,\"faultyRanks\":[3]}");
    JsonNode result = ResultWriter.mapper().readTree(
        "{\"rounds\":[{\"skewNanos\":1200}],\"baselineRoundTripNanos\":4500}");
    return new RunRecord(RunRecord.SCHEMA, "complete", false, "berkeley", 4, "multicore",
        parameters, start, 1.5, environment(),
        Map.of(0, new RunRecord.RankHost("node0", 100), 1, new RunRecord.RankHost("node1", 101)),
        result, null, null, null);
  }

  private static RunRecord failed(Instant start) throws IOException {
    JsonNode parameters = ResultWriter.mapper().readTree("{\"rounds\":20}");
    List<JsonNode> progress = List.of(
        ResultWriter.mapper().readTree("{\"round\":0}"),
        ResultWriter.mapper().readTree("{\"round\":1}"));
    return new RunRecord(RunRecord.SCHEMA, "failed", true, "berkeley", 4, "multicore",
        parameters, start, 0.25, environment(), Map.of(), null, progress,
        new RunRecord.Failure(2, "node2", "rank 2 died", "java.lang.Error: boom\n\tat X"), null);
  }

  private static RunRecord withShape(RunRecord r, int ranks, String device) {
    return new RunRecord(r.schema(), r.status(), r.partial(), r.kernel(), ranks, device,
        r.parameters(), r.startTime(), r.wallTimeSeconds(), r.environment(), r.rankHosts(),
        r.result(), r.partialRecords(), r.error(), r.artifacts());
  }

  private static RunRecord.Environment environment() {
    return new RunRecord.Environment("host", "Linux 6.1 amd64", 8, "17.0.12", "OpenJDK",
        "0.44", "/opt/mpj", null, null, null);
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }
}
