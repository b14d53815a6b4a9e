package org.mpjbench.launcher.mpj;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One niodev job at a time per starter port on a launching host. MPJ's starter listens on the port
 * its configuration names ({@code mpjexpress.mpjrun.port.1}, 40002; a run's {@code --starter-port}
 * gives it another through {@link MpjPorts}), so two jobs started at once on one port clash on
 * it: both can be lost, and the ranks' failures then blame the daemons.
 * A run holds this lock (an OS file lock, released by the kernel even when the JVM is killed) from
 * before its daemons are checked until its job has ended; a second run waits for it, saying which
 * run it waits for, or gives up after its start-up time-out naming that run.
 */
public final class StarterLock implements AutoCloseable {

  private static final long POLL_MILLIS = 200;
  /** How long a port held by something else than a run of ours may take to come free. */
  private static final long FOREIGN_HOLDER_PATIENCE_NANOS = 3_000_000_000L;

  /** What a waiting run says of a holder that has not written who it is. */
  private static final String UNNAMED = "a run that has not said who it is";

  /** How long a waiting run gives a holder that has just taken the lock to say who it is. */
  private static final long HOLDER_NAMING_NANOS = 1_000_000_000L;

  private final FileChannel channel;
  private final FileLock lock;

  private StarterLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code port}: in the temporary folder, which is this host's. */
  static Path lockFile(int port) {
    return Path.of(System.getProperty("java.io.tmpdir"), "mpjbench-mpj-starter-" + port + ".lock");
  }

  /**
   * Takes the lock of {@code port}, waiting at most {@code patience} for another run to release it
   * ({@code note} hears once whom it waits for), then checks that nothing else (an MPJ job not
   * started by mpjbench) listens on the port.
   *
   * @param who what this run is, for the message a later run prints while it waits
   * @throws IllegalStateException naming the run or the process that holds the port
   */
  public static StarterLock acquire(int port, String who, Duration patience,
      Consumer<String> note) throws IOException {
    Path file = lockFile(port);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      long deadline = System.nanoTime() + patience.toNanos();
      FileLock lock = tryLock(channel);
      String holder = lock == null ? holder(channel) : null;
      // The holder says who it is just after taking the lock: a run started at the same moment
      // can find it taken and still unnamed. Give it a moment to say so before telling the user.
      long naming = System.nanoTime() + HOLDER_NAMING_NANOS;
      while (lock == null && UNNAMED.equals(holder) && System.nanoTime() < naming) {
        sleep();
        lock = tryLock(channel);
        holder = holder(channel);
      }
      if (lock == null) {
        note.accept("waiting for another niodev run on this host to end (" + holder + "): MPJ's"
            + " starter listens on port " + port + ", one job per port at a time (--starter-port"
            + " gives another)");
        while (lock == null) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("another niodev run on this host (" + holder(channel)
                + ") still holds MPJ's starter port " + port + " after " + patience.toSeconds()
                + " s (--startup-timeout-s); run one after the other");
          }
          sleep();
          lock = tryLock(channel);
        }
      }
      StarterLock held = new StarterLock(channel, lock);
      try {
        held.describe("pid " + ProcessHandle.current().pid() + ", " + who + ", since "
            + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        awaitPortFree(port, deadline);
      } catch (IOException | RuntimeException e) {
        held.close();
        throw e;
      }
      return held;
    } catch (IOException | RuntimeException e) {
      if (channel.isOpen()) {
        channel.close();
      }
      throw e;
    }
  }

  /** The lock, or null while another process (or another run in this JVM) holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return null;
    }
  }

  /**
   * Waits a little for the port to be free (a finished job's starter may still be closing it);
   * fails naming it when something else holds it.
   */
  private static void awaitPortFree(int port, long deadlineNanos) {
    long giveUp = Math.min(deadlineNanos, System.nanoTime() + FOREIGN_HOLDER_PATIENCE_NANOS);
    while (true) {
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new InetSocketAddress(port));
        return;
      } catch (IOException e) {
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException("MPJ's starter port " + port + " is taken on this host"
              + " by a process that is not an mpjbench run (another MPJ job? 'ss -ltnp sport = :"
              + port + "' names it); choose a free one with --starter-port");
        }
        sleep();
      }
    }
  }

  private void describe(String text) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(512);
      int n = channel.read(buffer, 0);
      String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? UNNAMED : text;
    } catch (IOException e) {
      return "a run that cannot be named";
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for MPJ's starter port");
    }
  }

  /** Releases the lock; the file stays (deleting a lock file races with the next run). */
  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        channel.truncate(0); // a later run waiting for the next holder must not read this one
        lock.release();
      }
    } finally {
      channel.close();
    }
  }
}
