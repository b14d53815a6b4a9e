package org.mpjbench.launcher.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Class-data sharing for the JVMs a multicore job starts (MPJ's starter and the rank JVM): the
 * JDK's and MPJ's classes and one rank's copy of ours come mapped from an archive instead of
 * being read, parsed and verified on every run (docs/startup.md). It changes how classes get into
 * the JVM, not how the code runs: no JIT or GC setting is touched.
 *
 * <p>One archive per JVM and per set of class files (the classpath's jars by name, size and time,
 * the JDK, the device): a new build or JDK gets a new archive. A run that finds none makes it
 * ({@code -XX:ArchiveClassesAtExit}) under a name of its own, and {@link #keep} renames it into
 * place only after the run ended well, so a crashed or killed JVM leaves no half-written archive
 * and two runs at once never write the same file. A missing, stale, unreadable or unwritable
 * archive only costs the start-up it would have saved: {@code -Xshare:auto} runs without it.
 */
final class ClassSharing {
  /**
   * On every use: CDS logging off (its warnings would land in MPJ's output), and the archive's
   * checksum checked, so a damaged file is refused instead of crashing the JVM.
   */
  private static final List<String> QUIET = List.of("-Xshare:auto", "-Xlog:cds=off",
      "-Xlog:cds+dynamic=off", "-XX:+VerifySharedSpaces");

  /** Archives kept per JVM: the newest builds' (of one or several checkouts). */
  static final int ARCHIVES_KEPT = 4;

  private final Path archive;
  private final Path partial;
  private final boolean using;
  private final Predicate<Path> loads;

  private ClassSharing(Path archive, Path partial, boolean using, Predicate<Path> loads) {
    this.archive = archive;
    this.partial = partial;
    this.using = using;
    this.loads = loads;
  }

  /**
   * Sharing for a JVM called {@code name} that reads the class files {@code classes} and is started
   * with {@code classpathOptions} (where each of them goes: boot append path, class path), or none
   * when the cache folder cannot be made or written.
   */
  static Optional<ClassSharing> forJvm(String name, List<Path> classes,
      List<String> classpathOptions) {
    return forJvm(folder(), name, classes, classpathOptions,
        archive -> loads(archive, classpathOptions));
  }

  /**
   * The same with the archives in {@code folder}; a new archive is kept only if {@code loads}
   * says a JVM maps it.
   */
  static Optional<ClassSharing> forJvm(Path folder, String name, List<Path> classes,
      List<String> classpathOptions, Predicate<Path> loads) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      return Optional.empty();
    }
    Path archive = folder.resolve(name + "-" + key(classes, classpathOptions) + ".jsa");
    if (Files.isRegularFile(archive) && Files.isReadable(archive)) {
      return Optional.of(new ClassSharing(archive, null, true, loads));
    }
    if (!Files.isWritable(folder)) {
      return Optional.empty();
    }
    Path partial = folder.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + "."
        + Long.toHexString(System.nanoTime()) + ".partial");
    return Optional.of(new ClassSharing(archive, partial, false, loads));
  }

  /** The JVM options that use the archive, or make it. */
  List<String> jvmOptions() {
    List<String> options = new ArrayList<>(QUIET);
    options.add(using ? "-XX:SharedArchiveFile=" + archive
        : "-XX:ArchiveClassesAtExit=" + partial);
    return options;
  }

  /**
   * After the JVM exited: a new archive is put in place when {@code ranWell} (the JVM exited by
   * itself after a complete run, so the archive was written whole), else thrown away.
   */
  void keep(boolean ranWell) {
    if (partial == null) {
      return;
    }
    try {
      // A JVM that could not finish writing (a full disk) may still exit normally: the archive
      // is tried by a JVM of its own first (a truncated archive would crash every later run).
      if (ranWell && Files.isRegularFile(partial) && Files.size(partial) > 0
          && loads.test(partial)) {
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        removeOlderArchives();
      }
    } catch (IOException e) {
      // Another run's archive, or none: the next run tries again.
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // A partial file left in the cache is ignored by every later run.
      }
    }
  }

  /**
   * The same JVM's archives beyond the newest {@link #ARCHIVES_KEPT} (a run still using one keeps
   * its mapping). Several are kept: checkouts that share this cache each have their own, and must
   * not remove each other's on every run. Partial files are left alone: another run may be
   * writing one.
   */
  private void removeOlderArchives() throws IOException {
    String name = archive.getFileName().toString();
    String prefix = name.substring(0, name.lastIndexOf('-') + 1);
    List<Path> archives;
    try (var files = Files.list(archive.getParent())) {
      archives = files.filter(file -> {
        String other = file.getFileName().toString();
        return other.startsWith(prefix) && other.endsWith(".jsa");
      }).toList();
    }
    List<Path> newestFirst = new ArrayList<>(archives);
    newestFirst.sort(java.util.Comparator.comparing(ClassSharing::modified).reversed());
    for (Path old : newestFirst.subList(Math.min(ARCHIVES_KEPT, newestFirst.size()),
        newestFirst.size())) {
      if (!old.equals(archive)) {
        Files.deleteIfExists(old);
      }
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Whether a JVM with {@code classpathOptions} (those of the JVM that made it) maps {@code
   * archive}: {@code -Xshare:on} makes a bad or mismatched archive an error.
   */
  private static boolean loads(Path archive, List<String> classpathOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(QUIET.subList(1, QUIET.size()));
    command.add("-Xshare:on");
    command.add("-XX:SharedArchiveFile=" + archive);
    command.addAll(classpathOptions);
    command.add("-version");
    try {
      Process java = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!java.waitFor(30, TimeUnit.SECONDS)) {
        java.destroyForcibly();
        return false;
      }
      return java.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Where the archives live: beside the MPJ home, in the user's cache. */
  static Path folder() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path cacheDir = cache != null && !cache.isBlank()
        ? Path.of(cache)
        : Path.of(System.getProperty("user.home"), ".cache");
    return cacheDir.resolve("mpjbench").resolve("cds");
  }

  /**
   * What the archive depends on: the class files (by path, size and time), where the JVM is told
   * to find them, and the JVM that reads it. Nothing else: the working folder in particular must
   * not change it (until 7 December a layout marker resolved against it did, and every new working
   * folder made, and paid for, an archive of its own).
   */
  static String key(List<Path> classes, List<String> classpathOptions) {
    CRC32 crc = new CRC32();
    StringBuilder text = new StringBuilder();
    text.append(System.getProperty("java.home")).append('|')
        .append(System.getProperty("java.vm.version")).append('|');
    classpathOptions.forEach(option -> text.append(option).append('|'));
    for (Path entry : classes) {
      text.append(entry.toAbsolutePath()).append(' ');
      try {
        BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
        text.append(attributes.size()).append(' ').append(attributes.lastModifiedTime().toMillis());
      } catch (IOException e) {
        text.append("missing");
      }
      text.append('|');
    }
    crc.update(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) crc.getValue())
        + Integer.toHexString(text.toString().hashCode());
  }
}
