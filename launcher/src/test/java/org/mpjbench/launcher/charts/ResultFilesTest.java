package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mpjbench.launcher.charts.ResultFixtures.berkeley;
import static org.mpjbench.launcher.charts.ResultFixtures.download;
import static org.mpjbench.launcher.charts.ResultFixtures.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.RunRecord;

/** {@link ResultFiles}: files and folders in, runs out; anything else is an error naming it. */
class ResultFilesTest {
  @TempDir Path tmp;

  @Test
  void readsFilesAndFoldersRecursivelyInOrderOnce() throws IOException {
    Path single = write(tmp.resolve("elsewhere"), "one.json", download(1, 30, 0.9));
    Path folder = tmp.resolve("results");
    Path b = write(folder, "b.json", berkeley(2, 1_000));
    Path a = write(folder.resolve("sub").resolve("deeper"), "a.json", download(2, 15, 0.9));
    Files.writeString(folder.resolve("README.md"), "# not json, not read\n");
    Files.writeString(folder.resolve(".b.json.123.tmp"), "half a fi");

    List<ResultFiles.Loaded> loaded = ResultFiles.loadFiles(List.of(single, folder, b));
    assertEquals(List.of(single, b, a), loaded.stream().map(ResultFiles.Loaded::file).toList(),
        "arguments in order, a folder's files sorted by path, b only once");
    List<RunRecord> runs = ResultFiles.load(List.of(folder));
    assertEquals(List.of("berkeley", "download"), runs.stream().map(RunRecord::kernel).toList());
    assertEquals(RunRecord.SCHEMA, runs.get(0).schema());
  }

  @Test
  void theReferenceRunsOfTheProjectAreReadable() throws IOException {
    Path reference = Path.of(System.getProperty("user.dir")).resolveSibling("results")
        .resolve("reference");
    assumeTrue(Files.isDirectory(reference), "run from launcher/, beside results/reference");
    List<RunRecord> runs = ResultFiles.load(List.of(reference));
    assertTrue(runs.size() >= 4, runs.toString());
    assertTrue(runs.stream().anyMatch(r -> "berkeley".equals(r.kernel())));
    assertTrue(runs.stream().anyMatch(r -> "download".equals(r.kernel())));
    assertTrue(runs.stream().allMatch(r -> "complete".equals(r.status())));
  }

  @Test
  void aFileThatIsNotJsonIsNamed() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.json"), "hello, world");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultFiles.load(List.of(tmp)));
    assertEquals(bad + " is not an mpjbench result file (not JSON: line 1, column 7)",
        e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void jsonWithoutOurSchemaIsNamed() throws IOException {
    Path none = Files.writeString(tmp.resolve("package.json"), "{\"name\": \"x\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultFiles.load(List.of(none)));
    assertEquals(none + " is not an mpjbench result file (no \"schema\" field)", e.getMessage());

    Path other = Files.writeString(tmp.resolve("other.json"), "{\"schema\": \"mpjbench.run/2\"}");
    e = assertThrows(IllegalArgumentException.class, () -> ResultFiles.load(List.of(other)));
    assertEquals(other + " is not an mpjbench result file (schema \"mpjbench.run/2\", expected"
        + " \"mpjbench.run/1\": written by another version of mpjbench)", e.getMessage());

    Path array = Files.writeString(tmp.resolve("array.json"), "[1, 2]");
    e = assertThrows(IllegalArgumentException.class, () -> ResultFiles.load(List.of(array)));
    assertEquals(array + " is not an mpjbench result file (not a JSON object)", e.getMessage());

    Path empty = Files.writeString(tmp.resolve("empty.json"), "");
    e = assertThrows(IllegalArgumentException.class, () -> ResultFiles.load(List.of(empty)));
    assertEquals(empty + " is not an mpjbench result file (empty)", e.getMessage());
  }

  @Test
  void aFileNamedOnItsOwnIsReadWhateverItsName() throws IOException {
    Path file = write(tmp, "run.txt", download(1, 30, 0.9));
    assertEquals(1, ResultFiles.load(List.of(file)).size());
  }

  @Test
  void aMissingPathIsNamed() {
    Path missing = tmp.resolve("no-such-results");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultFiles.load(List.of(missing)));
    assertEquals(missing + " does not exist", e.getMessage());
  }

  @Test
  void fieldsAddedByNewerWritersAreTolerated() throws IOException {
    ObjectNode run = download(1, 30, 0.9);
    run.put("somethingNew", 42);
    assertEquals(1, ResultFiles.load(List.of(write(tmp, "new.json", run))).size());
  }

  @Test
  void aWronglyTypedFieldIsNamed() throws IOException {
    ObjectNode run = download(1, 30, 0.9);
    run.put("ranks", "four");
    Path file = write(tmp, "typed.json", run);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultFiles.load(List.of(file)));
    assertTrue(e.getMessage().startsWith(file + " is not an mpjbench result file (schema"
        + " mpjbench.run/1 but unreadable: "), e.getMessage());
  }

  @Test
  void jsonArtifactsARunListsBesideItsRecordAreNotStrangers() throws IOException {
    ObjectNode run = download(1, 30, 0.9);
    run.putObject("artifacts").put("ranks", "download-1r.ranks.json");
    write(tmp, "download-1r.json", run);
    Files.writeString(tmp.resolve("download-1r.ranks.json"), "[{\"rank\": 0}]");
    assertEquals(1, ResultFiles.load(List.of(tmp)).size());

    Files.writeString(tmp.resolve("stranger.json"), "[]");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultFiles.load(List.of(tmp)));
    assertTrue(e.getMessage().startsWith(tmp.resolve("stranger.json") + " is not"),
        e.getMessage());
  }
}
