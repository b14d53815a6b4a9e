package org.mpjbench.launcher.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the JVM from ending on Ctrl-C or SIGTERM until a command has said how it ended. The run's
 * own hook stops the run and writes its partial record; without this hold the JVM could end
 * between that and the command's last lines (where the partial record went, the sweep's row, the
 * bench's verdict), and did two times in three. Opened when the command starts its runs, closed
 * once it has printed; while it is open a shutdown waits for {@link #close} at most its bound.
 */
final class InterruptHold implements AutoCloseable {
  /**
   * How long a shutdown waits for the command at most: the run's own hook waits at most 30 s for
   * its partial record, which comes before anything the command prints.
   */
  private static final Duration BOUND = Duration.ofSeconds(60);

  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private final Thread hook;

  private InterruptHold(String name) {
    this.hook = new Thread(() -> {
      interrupted.set(true);
      await(released, BOUND);
    }, name);
  }

  /**
   * Holds a shutdown for at most a minute from now until {@link #close}; {@code name} names the
   * hook's thread (as a thread dump shows it).
   */
  static InterruptHold open(String name) {
    InterruptHold hold = new InterruptHold(name);
    Runtime.getRuntime().addShutdownHook(hold.hook);
    return hold;
  }

  /** Whether a shutdown (Ctrl-C, SIGTERM) has begun: a command starts no further run then. */
  boolean interrupted() {
    return interrupted.get();
  }

  /** Lets a waiting shutdown go on, or removes the hold when none has begun. */
  @Override
  public void close() {
    released.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down already: the hook is running and has just been let go.
    }
  }

  /** Waits for {@code latch} at most {@code wait}; an interrupt ends the wait (a shutdown hook's). */
  private static void await(CountDownLatch latch, Duration wait) {
    try {
      latch.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
