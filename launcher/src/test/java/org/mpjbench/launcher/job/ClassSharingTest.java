package org.mpjbench.launcher.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassSharingTest {
  @TempDir Path dir;

  @Test
  void aNewBuildOfAJarGetsANewKey() throws Exception {
    Path jar = Files.writeString(dir.resolve("a.jar"), "one");
    List<String> layout = List.of("-cp", jar.toString());
    String before = ClassSharing.key(List.of(jar), layout);
    assertEquals(before, ClassSharing.key(List.of(jar), layout));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar)
        .toMillis() + 5_000));
    assertNotEquals(before, ClassSharing.key(List.of(jar), layout));
    assertNotEquals(before, ClassSharing.key(List.of(jar, dir.resolve("b.jar")), layout));
  }

  /** The same files put elsewhere (the boot append path instead of the class path): another key. */
  @Test
  void anotherLayoutOfTheSameJarsGetsAnotherKey() throws Exception {
    Path jar = Files.writeString(dir.resolve("a.jar"), "one");
    assertNotEquals(ClassSharing.key(List.of(jar), List.of("-cp", jar.toString())),
        ClassSharing.key(List.of(jar), List.of("-Xbootclasspath/a:" + jar)));
  }

  @Test
  void theFirstRunMakesTheArchiveUnderItsOwnNameAndTheNextUsesIt() throws Exception {
    Path cache = dir.resolve("cds");
    Path jar = Files.writeString(dir.resolve("a.jar"), "one");
    Files.createDirectories(cache);
    Path old = cache.resolve("ranks-0ld.jsa");
    for (int i = 0; i < ClassSharing.ARCHIVES_KEPT; i++) {
      Path other = Files.writeString(cache.resolve("ranks-other" + i + ".jsa"), "another's");
      Files.setLastModifiedTime(other, FileTime.fromMillis(System.currentTimeMillis() - i * 1000));
    }
    Files.writeString(old, "an earlier build's");
    Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    ClassSharing first = ClassSharing.forJvm(cache, "ranks", List.of(jar), List.of(),
        archive -> true).orElseThrow();
    String option = lastOption(first);
    assertTrue(option.startsWith("-XX:ArchiveClassesAtExit=" + cache.resolve("ranks-")), option);
    assertTrue(option.endsWith(".partial"), option);
    Path partial = archiveOf(first);
    Files.writeString(partial, "archive");
    first.keep(true);
    assertFalse(Files.exists(partial));
    assertFalse(Files.exists(old), "the oldest archive is removed");
    assertTrue(Files.exists(cache.resolve("ranks-other0.jsa")), "newer ones are kept");
    assertFalse(Files.exists(cache.resolve("ranks-other" + (ClassSharing.ARCHIVES_KEPT - 1)
        + ".jsa")), "beyond the newest " + ClassSharing.ARCHIVES_KEPT);

    ClassSharing second = ClassSharing.forJvm(cache, "ranks", List.of(jar), List.of(),
        archive -> true).orElseThrow();
    String use = lastOption(second);
    assertTrue(use.startsWith("-XX:SharedArchiveFile=" + cache.resolve("ranks-")), use);
    assertEquals("archive", Files.readString(archiveOf(second)));
    assertTrue(second.jvmOptions().contains("-Xshare:auto"));
  }

  @Test
  void aRunThatEndedBadlyLeavesNoArchive() throws Exception {
    archiveWrittenAndKept("starter", archive -> true, "half an arch", false);
    assertEquals(List.of(), cacheFiles());
  }

  @Test
  void anArchiveNoJvmCanMapIsNotKept() throws Exception {
    ClassSharing run = archiveWrittenAndKept("ranks", archive -> false, "truncated", true);
    assertEquals(List.of(), cacheFiles());
    assertTrue(run.jvmOptions().contains("-XX:+VerifySharedSpaces"));
  }

  /**
   * Starts a run of {@code name} on a jar with an empty cache, writes {@code content} where the
   * run's JVM would write the archive, and keeps it as a run that ended well or badly.
   */
  private ClassSharing archiveWrittenAndKept(String name, Predicate<Path> loads, String content,
      boolean endedWell) throws IOException {
    Path jar = Files.writeString(dir.resolve("a.jar"), "one");
    ClassSharing run = ClassSharing.forJvm(dir.resolve("cds"), name, List.of(jar), List.of(),
        loads).orElseThrow();
    Files.writeString(archiveOf(run), content);
    run.keep(endedWell);
    return run;
  }

  /** The files in the cache folder. */
  private List<Path> cacheFiles() throws IOException {
    try (var files = Files.list(dir.resolve("cds"))) {
      return files.toList();
    }
  }

  /** The JVM option that names the archive: the last one. */
  private static String lastOption(ClassSharing run) {
    return run.jvmOptions().get(run.jvmOptions().size() - 1);
  }

  /** The archive file the run's JVM writes or maps. */
  private static Path archiveOf(ClassSharing run) {
    String option = lastOption(run);
    return Path.of(option.substring(option.indexOf('=') + 1));
  }

  @Test
  void noFolderNoSharing() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    assertTrue(ClassSharing.forJvm(notAFolder.resolve("cds"), "ranks", List.of(), List.of(),
        archive -> true).isEmpty());
  }
}
