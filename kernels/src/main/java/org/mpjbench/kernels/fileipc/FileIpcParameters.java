package org.mpjbench.kernels.fileipc;

import java.util.concurrent.TimeUnit;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.spi.OptionChecks;

/**
 * Everything a file-ipc run is told, checked when the record is made (messages name the option).
 *
 * @param lines records rank 0 writes
 * @param recordBytes size of one record on file, header and checksum included ({@link
 *     RecordCodec}); the MPI ping-pong beside it sends messages of this size too
 * @param mode {@value #STREAM} (rank 0 writes, the others follow) or {@value #PING_PONG} (rank 1
 *     answers each record through a second file before rank 0 writes the next)
 * @param sync whether each record is forced to the disk ({@code FileChannel.force}) as well as
 *     written to the operating system
 * @param dir an existing folder, as an absolute path, in which the run creates its two files;
 *     empty for a new folder under the results folder (rank 0's working folder when the run
 *     has none), removed at the end
 * @param timeoutMs longest wait for the file to appear or for its next record
 */
public record FileIpcParameters(int lines, int recordBytes, String mode, boolean sync, String dir,
    long timeoutMs) {
  /** The mode where rank 0 writes and every other rank follows the file. */
  public static final String STREAM = "stream";
  /** The mode where rank 1 answers every record through a second file. */
  public static final String PING_PONG = "ping-pong";
  /** The most records a run writes (every reader's latencies are gathered to rank 0). */
  public static final int MAX_LINES = 100_000;
  /** The largest record. */
  public static final int MAX_RECORD_BYTES = 1 << 20;

  /** The defaults the launcher shows in {@code --help}. */
  public static final FileIpcParameters DEFAULTS =
      new FileIpcParameters(1_000, 64, STREAM, false, "", 10_000L);

  /** Checks every value; the message names the option at fault. */
  public FileIpcParameters {
    OptionChecks.requireBetween("--lines", lines, 1, MAX_LINES);
    OptionChecks.requireBetween("--bytes", recordBytes, RecordCodec.MIN_RECORD_BYTES,
        MAX_RECORD_BYTES);
    if (!STREAM.equals(mode) && !PING_PONG.equals(mode)) {
      throw new IllegalArgumentException(
          "--mode must be " + STREAM + " or " + PING_PONG + ", got " + mode);
    }
    if (dir == null) {
      throw new IllegalArgumentException("--dir must be a folder or empty, got none");
    }
    if (!dir.isEmpty() && !java.nio.file.Path.of(dir).isAbsolute()) {
      throw new IllegalArgumentException("--dir must be an absolute path here, got " + dir);
    }
    TimedReceive.checkTimeoutMs(timeoutMs);
  }

  /** Whether rank 1 answers each record (ping-pong) rather than only reading (stream). */
  public boolean pingPong() {
    return PING_PONG.equals(mode);
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
