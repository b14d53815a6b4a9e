package org.mpjbench.launcher.results;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for a test, to fill a disk or make it read-only for real (permission bits
 * do not stop root). Needs root and permission to mount: otherwise the test is skipped, saying
 * why. Closing unmounts it.
 */
public final class Tmpfs implements AutoCloseable {
  private final Path path;

  private Tmpfs(Path path) {
    this.path = path;
  }

  /** Mounts a tmpfs of {@code size} ("256k", "5m") on {@code folder}, created if needed. */
  public static Tmpfs mount(Path folder, String size) throws IOException {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs needs Linux");
    Files.createDirectories(folder);
    String failure = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0777", "tmpfs",
        folder.toString());
    assumeTrue(failure == null, "cannot mount a tmpfs (needs root and mount permission): "
        + failure);
    return new Tmpfs(folder);
  }

  /** Where it is mounted. */
  public Path path() {
    return path;
  }

  /** Makes it read-only: no one, root included, can write to it any more. */
  public void readOnly() throws IOException {
    String failure = run("mount", "-o", "remount,ro", path.toString());
    if (failure != null) {
      throw new IOException("cannot remount " + path + " read-only: " + failure);
    }
  }

  /** Writes a file until the disk is full; returns the bytes written. */
  public long fill() throws IOException {
    byte[] block = new byte[4096];
    long written = 0;
    try (var out = Files.newOutputStream(path.resolve("filler"))) {
      while (true) {
        out.write(block);
        written += block.length;
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left")) {
        throw e;
      }
    }
    return written;
  }

  @Override
  public void close() throws IOException {
    String failure = run("umount", path.toString());
    if (failure != null) {
      // Something still has a file open there: detach it now, it goes when released.
      failure = run("umount", "-l", path.toString());
      if (failure != null) {
        throw new IOException("cannot unmount " + path + ": " + failure);
      }
    }
  }

  /** Runs a command; null when it succeeded, else its output. */
  private static String run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return String.join(" ", command) + " did not finish within 30 s";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return "interrupted";
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.exitValue() == 0 ? null
        : String.join(" ", command) + ": exit " + process.exitValue() + ", " + output.strip();
  }
}
