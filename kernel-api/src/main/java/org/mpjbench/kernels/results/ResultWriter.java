package org.mpjbench.kernels.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes run records under a results folder, one file per run, named
 * {@code KERNEL-Nr-DEVICE-yyyyMMdd'T'HHmmss'Z'.json}. Files are written to a temporary name and
 * moved into place, so a reader never sees half a file.
 */
public final class ResultWriter {
  /**
   * The mapper and the file-name stamp, made on first use rather than with the first writer: a run
   * makes its writer (to check the folder) before it starts the ranks, and builds these while they
   * start (about 50 ms of Jackson's and the JDK's set-up; docs/startup.md).
   */
  private static final class Lazy {
    static final DateTimeFormatter STAMP =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
  }

  private final Path directory;

  /** A writer into {@code directory}. */
  public ResultWriter(Path directory) {
    this.directory = directory;
  }

  /** The mapper result files are written and read with. */
  public static ObjectMapper mapper() {
    return Lazy.MAPPER;
  }

  /**
   * Creates the folder if needed, proves it writable and checks that it has room for a result
   * ({@link Preflight#MIN_FREE_BYTES}), so that a run fails before it starts rather than after;
   * the message names the folder and the reason.
   */
  public void checkWritable() {
    checkWritable(0);
  }

  /** The same, with room for {@code artifactBytes} of artifacts besides. */
  public void checkWritable(long artifactBytes) {
    Preflight.folder("results folder", directory, Preflight.MIN_FREE_BYTES + artifactBytes);
  }

  /** Writes {@code record}; returns the file. */
  public Path write(RunRecord record) throws IOException {
    return write(record, Map.of());
  }

  /**
   * Writes the artifacts as {@code <base>.<name>} and then {@code record} (with their file names)
   * as {@code <base>.json}; returns the JSON file.
   */
  public Path write(RunRecord record, Map<String, byte[]> artifacts) throws IOException {
    Files.createDirectories(directory);
    String base =
        record.kernel() + "-" + record.ranks() + "r-" + record.device() + "-"
            + Lazy.STAMP.format(record.startTime() == null ? Instant.now() : record.startTime());
    // Reserve the name by creating it: two runs started in the same second get two names.
    // A name whose artifact files already exist is passed over: they are not ours to overwrite.
    Path target = directory.resolve(base + ".json");
    for (int n = 2; !reserve(target, artifacts.keySet()); n++) {
      target = directory.resolve(base + "-" + n + ".json");
    }
    String stem = target.getFileName().toString().replaceFirst("\\.json$", "");
    Map<String, String> artifactFiles = new TreeMap<>();
    try {
      for (Map.Entry<String, byte[]> artifact : artifacts.entrySet()) {
        Path file = directory.resolve(stem + "." + artifact.getKey());
        writeAtomically(file, false, out -> out.write(artifact.getValue()));
        artifactFiles.put(artifact.getKey(), file.getFileName().toString());
      }
      RunRecord complete = artifactFiles.isEmpty() ? record : record.withArtifacts(artifactFiles);
      writeAtomically(target, true, out -> Lazy.MAPPER.writeValue(out, complete)); // our reservation
    } catch (IOException e) {
      // Disk full, say: no empty reserved name left for 'plot' to trip on. Artifacts written in
      // full stay: they are data (the download's copy), and the caller keeps the record.
      Files.deleteIfExists(target);
      throw e;
    }
    return target;
  }

  /**
   * Builds the mapper's serializers and deserializers for records like {@code sample} by writing
   * it as {@link #write} does (to no file) and reading it back, so that the run's real record does
   * not pay for it. For start-up only: the launcher calls it on a thread of its own while the
   * ranks run (docs/startup.md). Nothing is written anywhere.
   */
  public static void warmUp(RunRecord sample) {
    try {
      Lazy.MAPPER.writeValue(java.io.OutputStream.nullOutputStream(), sample);
      Lazy.MAPPER.readValue(toJsonLine(sample), RunRecord.class);
    } catch (IOException | RuntimeException e) {
      // Only time is at stake: the real record meets the same problem and reports it.
    }
  }

  /** {@code record} as one line of JSON (for stderr, when it could not be written). */
  public static String toJsonLine(RunRecord record) throws IOException {
    return Lazy.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(record);
  }

  private static boolean reserve(Path target, java.util.Set<String> artifactNames)
      throws IOException {
    try {
      Files.createFile(target);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return false;
    }
    String stem = target.getFileName().toString().replaceFirst("\\.json$", "");
    for (String name : artifactNames) {
      if (Files.exists(target.resolveSibling(stem + "." + name), LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(target); // the empty reservation we just made
        return false;
      }
    }
    return true;
  }

  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  /**
   * Writes through a sibling temporary file moved into place; {@code replace} only for a name we
   * reserved ourselves, so that a file of someone else's is never overwritten.
   */
  private static void writeAtomically(Path target, boolean replace, Writing writing)
      throws IOException {
    // A sibling temporary name created with the default (umask) permissions, then moved in.
    Path directory = target.getParent();
    Path temporary = directory.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid()
        + ".tmp");
    try {
      try (OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        writing.to(stream);
      }
      if (!replace) {
        // No atomic rename refuses an existing target; the name was checked free when reserved.
        Files.move(temporary, target);
      } else {
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Reads a run record back. */
  public static RunRecord read(Path file) throws IOException {
    return Lazy.MAPPER.readValue(file.toFile(), RunRecord.class);
  }
}
