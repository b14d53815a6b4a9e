package org.mpjbench.launcher.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassSharingTest {
  @TempDir Path dir;

  @Test
  void aNewBuildOfAJarGetsANewKey() throws Exception {
    Path jar = Files.writeString(dir.resolve("a.jar"), "one");
    String before = ClassSharing.key(List.of(jar));
    assertEquals(before, ClassSharing.key(List.of(jar)));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar)
        .toMillis() + 5_000));
    assertNotEquals(before, ClassSharing.key(List.of(jar)));
    assertNotEquals(before, ClassSharing.key(List.of(jar, dir.resolve("b.jar"))));
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
    ClassSharing first = ClassSharing.forJvm(cache, "ranks", List.of(jar), archive -> true)
        .orElseThrow();
    String option = first.jvmOptions().get(first.jvmOptions().size() - 1);
    assertTrue(option.startsWith("-XX:ArchiveClassesAtExit=" + cache.resolve("ranks-")), option);
    assertTrue(option.endsWith(".partial"), option);
    Path partial = Path.of(option.substring(option.indexOf('=') + 1));
    Files.writeString(partial, "archive");
    first.keep(true);
    assertFalse(Files.exists(partial));
    assertFalse(Files.exists(old), "the oldest archive is removed");
    assertTrue(Files.exists(cache.resolve("ranks-other0.jsa")), "newer ones are kept");
    assertFalse(Files.exists(cache.resolve("ranks-other" + (ClassSharing.ARCHIVES_KEPT - 1)
        + ".jsa")), "beyond the newest " + ClassSharing.ARCHIVES_KEPT);

    ClassSharing second = ClassSharing.forJvm(cache, "ranks", List.of(jar), archive -> true)
        .orElseThrow();
    String use = second.jvmOptions().get(second.jvmOptions().size() - 1);
    assertTrue(use.startsWith("-XX:SharedArchiveFile=" + cache.resolve("ranks-")), use);
    assertEquals("archive", Files.readString(Path.of(use.substring(use.indexOf('=') + 1))));
    assertTrue(second.jvmOptions().contains("-Xshare:auto"));
  }

  @Test
  void aRunThatEndedBadlyLeavesNoArchive() throws Exception {
    Path cache = dir.resolve("cds");
    Path jar = Files.writeString(dir.resolve("a.jar"), "one");
    ClassSharing run = ClassSharing.forJvm(cache, "starter", List.of(jar), archive -> true)
        .orElseThrow();
    String option = run.jvmOptions().get(run.jvmOptions().size() - 1);
    Path partial = Path.of(option.substring(option.indexOf('=') + 1));
    Files.writeString(partial, "half an arch");
    run.keep(false);
    try (var files = Files.list(cache)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void anArchiveNoJvmCanMapIsNotKept() throws Exception {
    Path cache = dir.resolve("cds");
    Path jar = Files.writeString(dir.resolve("a.jar"), "one");
    ClassSharing run = ClassSharing.forJvm(cache, "ranks", List.of(jar), archive -> false)
        .orElseThrow();
    String option = run.jvmOptions().get(run.jvmOptions().size() - 1);
    Files.writeString(Path.of(option.substring(option.indexOf('=') + 1)), "truncated");
    run.keep(true);
    try (var files = Files.list(cache)) {
      assertEquals(List.of(), files.toList());
    }
    assertTrue(run.jvmOptions().contains("-XX:+VerifySharedSpaces"));
  }

  @Test
  void noFolderNoSharing() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    assertTrue(ClassSharing.forJvm(notAFolder.resolve("cds"), "ranks", List.of(), archive -> true)
        .isEmpty());
  }
}
