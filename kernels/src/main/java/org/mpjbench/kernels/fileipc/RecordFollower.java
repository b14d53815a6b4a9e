package org.mpjbench.kernels.fileipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows a file of fixed-size records as another rank appends to it, as {@code tail -f} does: it
 * looks at the file's size and reads a record once all of its bytes are there. A wait for the
 * file or for its next record polls with a pause that doubles from {@value #FIRST_PAUSE_MICROS} µs
 * up to {@value #MAX_PAUSE_MICROS} µs (no busy spin, and a record is seen within about a
 * millisecond), and ends at a deadline. The JDK's {@code WatchService} was not used: on Linux it
 * polls every few seconds where inotify does not apply, and NFS, the case that matters on a
 * cluster, is one of those.
 */
final class RecordFollower implements AutoCloseable {
  static final long FIRST_PAUSE_MICROS = 10;
  static final long MAX_PAUSE_MICROS = 1_000;

  private final Path file;
  private FileChannel channel;
  private long position;
  /** The file's size when last asked: records up to it are read without asking again. */
  private long knownSizeBytes;

  RecordFollower(Path file) {
    this.file = file;
  }

  /**
   * Waits until the file can be opened; false when {@code deadlineNanos} passed first (the file
   * never appeared: on a folder that is not shared, it never will).
   */
  boolean awaitFile(long deadlineNanos) throws IOException, InterruptedException {
    long pauseNanos = TimeUnit.MICROSECONDS.toNanos(FIRST_PAUSE_MICROS);
    while (true) {
      try {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        return true;
      } catch (NoSuchFileException e) {
        // Not there yet: wait below.
      }
      pauseNanos = pause(pauseNanos, deadlineNanos);
      if (pauseNanos < 0) {
        return false;
      }
    }
  }

  /**
   * Reads the next whole record into {@code record} (all of its capacity) once the file holds
   * it; false when {@code deadlineNanos} passed first (the file stopped growing).
   */
  boolean awaitRecord(ByteBuffer record, long deadlineNanos)
      throws IOException, InterruptedException {
    long pauseNanos = TimeUnit.MICROSECONDS.toNanos(FIRST_PAUSE_MICROS);
    while (knownSizeBytes < position + record.capacity()) {
      knownSizeBytes = channel.size();
      if (knownSizeBytes >= position + record.capacity()) {
        break;
      }
      pauseNanos = pause(pauseNanos, deadlineNanos);
      if (pauseNanos < 0) {
        return false;
      }
    }
    record.clear();
    while (record.hasRemaining()) {
      if (channel.read(record, position + record.position()) < 0) {
        throw new IOException(file + " shrank while being read");
      }
    }
    position += record.capacity();
    record.flip();
    return true;
  }

  /** Parks for {@code pauseNanos} at most; the next pause, or -1 when the deadline has passed. */
  private static long pause(long pauseNanos, long deadlineNanos) throws InterruptedException {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      return -1;
    }
    LockSupport.parkNanos(Math.min(pauseNanos, remaining));
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted while following a file");
    }
    return Math.min(pauseNanos * 2, TimeUnit.MICROSECONDS.toNanos(MAX_PAUSE_MICROS));
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
