package org.mpjbench.kernels.standalone;

import java.time.Duration;
import java.util.Properties;

/**
 * Bounds a standalone rank: MPJ's starter reports nothing and a rank whose peer died waits forever
 * in its next collective, so every rank ends itself. Rank 0 acts first: at {@code --timeout-s},
 * or as soon as another rank of the same JVM (multicore) reports a failure, it runs {@code
 * onStop} (write the partial result, say why) and halts the JVM. The other ranks halt {@link
 * #FOLLOWER_GRACE} later, leaving rank 0 the time to write.
 */
final class Watchdog {
  /** How much later than rank 0 the other ranks end themselves. */
  static final Duration FOLLOWER_GRACE = Duration.ofSeconds(15);
  /** How often rank 0 looks for a failure reported by a rank of its JVM. */
  private static final long POLL_MILLIS = 100;
  /**
   * Where a rank of a multicore job reports its failure to rank 0. Ranks are threads of one JVM,
   * each in its own class loader (so no class of ours is shared), but system properties are.
   */
  private static final String FAILURE_KEY = "mpjbench.standalone.failure.";

  /** What rank 0 does before halting: the reason is one line. */
  interface Stop {
    void run(String status, Integer rank, String reason);
  }

  private volatile boolean finished;

  /** Starts watching: a daemon thread that halts the JVM with {@code exitCode} when it fires. */
  Watchdog(int rank, Duration timeout, Stop onStop, int exitCode) {
    Thread thread = new Thread(() -> watch(rank, timeout, onStop, exitCode),
        "mpjbench-watchdog-" + rank);
    thread.setDaemon(true);
    thread.start();
  }

  /** The run is over: nothing more to watch. */
  void finished() {
    finished = true;
  }

  /** Tells rank 0 of the same JVM (multicore) that {@code rank} failed. */
  static void reportFailure(int rank, String message) {
    System.getProperties().put(FAILURE_KEY + rank, message);
  }

  private void watch(int rank, Duration timeout, Stop onStop, int exitCode) {
    long deadline = System.nanoTime() + (rank == 0 ? timeout : timeout.plus(FOLLOWER_GRACE))
        .toNanos();
    try {
      while (System.nanoTime() < deadline) {
        Thread.sleep(POLL_MILLIS);
        if (finished) {
          return;
        }
        if (rank == 0) {
          Failure failure = reportedFailure();
          if (failure != null) {
            stop(onStop, "failed", failure.rank(), "rank " + failure.rank() + " failed: "
                + failure.message(), exitCode);
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!finished) {
      stop(onStop, "timed-out", null, "the run went over --timeout-s " + timeout.toSeconds()
          + (rank == 0 ? "" : " (rank " + rank + " ended itself)"), exitCode);
    }
  }

  private void stop(Stop onStop, String status, Integer rank, String reason, int exitCode) {
    try {
      onStop.run(status, rank, reason);
    } finally {
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(exitCode);
    }
  }

  private record Failure(int rank, String message) {}

  private static Failure reportedFailure() {
    Properties properties = System.getProperties();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(FAILURE_KEY)) {
        return new Failure(Integer.parseInt(name.substring(FAILURE_KEY.length())),
            properties.getProperty(name));
      }
    }
    return null;
  }
}
