package org.mpjbench.launcher.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.mpjbench.launcher.mpj.MachinesFile;

/**
 * Runs one command on every host of a list, as MPJ's {@code mpjboot} and {@code mpjhalt} do: over
 * {@code ssh} for the other hosts, directly for this one, all at once, each with a time-out. Every
 * host's outcome is kept, so that a caller can name the hosts that failed and why.
 */
public final class OverSsh {
  /** What a host printed is kept up to this size: a failing JVM's stack trace fits. */
  private static final int OUTPUT_LIMIT_BYTES = 16_384;
  /** ssh's own wait for a host that does not answer, well below the per-host time-out. */
  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  private OverSsh() {}

  /**
   * How the command ended on one host.
   *
   * @param host the host as the list names it
   * @param exitCode its exit code (-1: did not finish in time)
   * @param output what it printed (standard output and error)
   */
  public record Outcome(String host, int exitCode, String output) {
    /** Whether it exited 0. */
    public boolean ok() {
      return exitCode == 0;
    }

    /** Its last non-blank printed line, or a word on the exit code when it printed nothing. */
    public String lastLine() {
      List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
      return lines.isEmpty() ? (exitCode < 0 ? "no answer" : "exit " + exitCode)
          : lines.get(lines.size() - 1).strip();
    }
  }

  /**
   * Runs {@code command} on each of {@code hosts} and waits for all of them.
   *
   * @param sshConfig the file for {@code ssh -F}, or empty for the user's own ssh configuration
   * @param timeout how long one host may take
   * @return one outcome per host, in the order given
   */
  public static List<Outcome> onEach(List<String> hosts, Optional<Path> sshConfig,
      List<String> command, Duration timeout) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(hosts.size(), 16)));
    try {
      List<Future<Outcome>> pending = new ArrayList<>();
      for (String host : hosts) {
        pending.add(pool.submit(() -> on(host, sshConfig, command, timeout)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (int i = 0; i < hosts.size(); i++) {
        try {
          outcomes.add(pending.get(i).get());
        } catch (java.util.concurrent.ExecutionException e) {
          outcomes.add(new Outcome(hosts.get(i), -1, String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          outcomes.add(new Outcome(hosts.get(i), -1, "interrupted"));
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The words that run {@code command} on {@code host}: ssh's, or the command itself here. */
  static List<String> words(String host, Optional<Path> sshConfig, List<String> command) {
    if (MachinesFile.isLocal(host)) {
      return command;
    }
    List<String> words = new ArrayList<>(List.of("ssh"));
    sshConfig.ifPresent(file -> words.addAll(List.of("-F", file.toString())));
    // Never a prompt (a password, an unknown host key): a batch tool fails and says so instead.
    words.addAll(List.of("-o", "BatchMode=yes", "-o",
        "ConnectTimeout=" + CONNECT_TIMEOUT_SECONDS, host, "--"));
    // ssh hands the remote shell one string: every word is quoted for it.
    words.add(String.join(" ", command.stream().map(OverSsh::quote).toList()));
    return words;
  }

  /** {@code word} quoted for a POSIX shell. */
  static String quote(String word) {
    return word.matches("[A-Za-z0-9_./=:,@+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  private static Outcome on(String host, Optional<Path> sshConfig, List<String> command,
      Duration timeout) {
    Process process;
    try {
      process = new ProcessBuilder(words(host, sshConfig, command)).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      return new Outcome(host, -1, "cannot run ssh: " + e.getMessage());
    }
    CompletableFuture<String> output = CompletableFuture.supplyAsync(
        () -> HostCommands.drain(process.getInputStream(), OUTPUT_LIMIT_BYTES));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new Outcome(host, -1, "no answer within " + timeout.toSeconds() + " s");
      }
      return new Outcome(host, process.exitValue(), output.get(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Outcome(host, -1, "interrupted");
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return new Outcome(host, process.exitValue(), "");
    }
  }
}
