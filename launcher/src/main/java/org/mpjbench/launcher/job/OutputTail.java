package org.mpjbench.launcher.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Drains a child process's output on a daemon thread (so it can never block on a full pipe) and
 * keeps the last lines for error messages; optionally echoes every line.
 */
final class OutputTail {
  private static final int MAX_LINE_CHARS = 2_000;
  private volatile boolean mpiInitFailed;

  private final Deque<String> lines = new ArrayDeque<>();
  private final int keep;
  private final Thread thread;

  private OutputTail(InputStream in, int keep, PrintStream echo, String prefix) {
    this.keep = keep;
    this.thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  String kept =
                      line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) : line;
                  add(kept);
                  if (echo != null) {
                    echo.println(prefix + kept);
                  }
                }
              } catch (IOException e) {
                // The process went away; what was read is kept.
              }
            },
            "mpjbench-output");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Starts draining {@code in}, keeping {@code keep} lines and echoing to {@code echo} if set. */
  static OutputTail drain(InputStream in, int keep, PrintStream echo, String prefix) {
    return new OutputTail(in, keep, echo, prefix);
  }

  /** Whether a stack trace through {@code mpi.MPI.Init} went by: a rank could not join MPI. */
  boolean mpiInitFailed() {
    return mpiInitFailed;
  }

  private synchronized void add(String line) {
    if (line.contains("at mpi.MPI.Init(")) {
      mpiInitFailed = true;
    }
    if (lines.size() == keep) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  /** The kept lines, oldest first, after waiting briefly for the stream to end. */
  List<String> lines() {
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      return List.copyOf(lines);
    }
  }
}
