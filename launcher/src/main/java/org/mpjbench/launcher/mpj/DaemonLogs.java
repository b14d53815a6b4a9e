package org.mpjbench.launcher.mpj;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logs of the MPJ daemons a job's ranks are started by, where this host can read them (the
 * daemons mpjbench started: {@code cluster start} on a shared home, or the test hosts of {@code
 * cluster up}). A daemon that cannot start a rank (a working folder missing on its host, no
 * {@code java}) says why only in its log, while MPJ's starter waits; this finds that line, so that
 * a run's start-up failure names the host and the daemon's reason, not only a time-out.
 */
public final class DaemonLogs {
  /** The longest tail read of one log: a daemon's recent lines, never a whole large file. */
  private static final int TAIL_BYTES = 64 * 1024;
  /** The longest reason quoted. */
  private static final int REASON_CHARS = 300;

  private final Map<String, Path> logs;
  private final Map<String, Long> sizesAtStart = new LinkedHashMap<>();

  /** The logs, by the host whose daemon writes each; their sizes now mark what is new. */
  public DaemonLogs(Map<String, Path> logs) {
    this.logs = Map.copyOf(logs);
    logs.forEach((host, log) -> sizesAtStart.put(host, size(log)));
  }

  /** No logs to read. */
  public static DaemonLogs none() {
    return new DaemonLogs(Map.of());
  }

  /**
   * The first reason a daemon wrote since this object was made, as "the MPJ daemon on HOST says:
   * LINE", preferring a line on a program that could not run, else the first exception.
   */
  public Optional<String> reason() {
    String fallback = null;
    for (Map.Entry<String, Path> log : logs.entrySet()) {
      String added = readSince(log.getValue(), sizesAtStart.getOrDefault(log.getKey(), 0L));
      for (String line : added.lines().map(String::strip).toList()) {
        if (line.contains("Cannot run program")) {
          return Optional.of(say(log.getKey(), line));
        }
        if (fallback == null && line.contains("Exception")) {
          fallback = say(log.getKey(), line);
        }
      }
    }
    return Optional.ofNullable(fallback);
  }

  private static String say(String host, String line) {
    String reason = line.length() > REASON_CHARS ? line.substring(0, REASON_CHARS) + "..." : line;
    return "the MPJ daemon on " + host + " says: " + reason;
  }

  private static long size(Path log) {
    try {
      return Files.isRegularFile(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String readSince(Path log, long start) {
    long size = size(log);
    if (size <= start) {
      return "";
    }
    long from = Math.max(start, size - TAIL_BYTES);
    try (InputStream in = Files.newInputStream(log)) {
      in.skipNBytes(from);
      return new String(in.readNBytes((int) (size - from)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
