package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;

/**
 * The run's secret (the token a rank proves itself with on the control channel) never shows in a
 * command line or an environment another local user can read, and a process that knows the
 * control port but not the secret, connecting first as rank 1, does not fool the run.
 */
class RunSecretIT {
  private static final Pattern TOKEN_FILE = Pattern.compile("--token-file (\\S+)");
  private static final Pattern CONTROL = Pattern.compile("--control [^ ]+:(\\d+)");

  @TempDir Path tmp;

  @Test
  void noCommandLineOrEnvironmentHoldsTheSecret() throws Exception {
    Path log = tmp.resolve("run.log");
    Process launcher = Processes.startLauncher(log, "run", "berkeley", "-np", "2", "--rounds",
        "100", "--interval-ms", "20", "--results", tmp.resolve("results").toString());
    try {
      String secret = null;
      int scans = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (launcher.isAlive() && System.nanoTime() < deadline) {
        List<String> everything = commandLinesAndEnvironments();
        if (secret == null) {
          secret = secretOf(commandLinesUnder(launcher));
        }
        if (secret != null) {
          scans++;
          for (String text : everything) {
            assertFalse(text.contains(secret), "the secret is readable in: " + text);
          }
          assertTrue(everything.stream().noneMatch(t -> t.contains("--token ")));
        }
        Thread.sleep(100);
      }
      assertNotNull(secret, "no rank command line named a token file: " + Files.readString(log));
      assertTrue(scans >= 3, "scanned every process " + scans + " times during the run");
      assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, launcher.exitValue(), Files.readString(log));
    } finally {
      Processes.kill(launcher);
    }
  }

  @Test
  void anImpostorWithoutTheSecretIsRefusedAndTheRunGoesOn() throws Exception {
    Path log = tmp.resolve("run.log");
    Process launcher = Processes.startLauncher(log, "run", "ring", "-np", "3", "--results",
        tmp.resolve("results").toString());
    try {
      int port = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (port < 0 && launcher.isAlive() && System.nanoTime() < deadline) {
        // This run's ranks only: another run on the machine has a control port of its own.
        for (String text : commandLinesUnder(launcher)) {
          Matcher control = CONTROL.matcher(text);
          if (control.find() && text.contains("RankMain")) {
            port = Integer.parseInt(control.group(1));
          }
        }
        Thread.sleep(5);
      }
      assertTrue(port > 0, "found the control port: " + Files.readString(log));
      // As fast as it can, before the real rank 1 if it is quick enough: a hello without the
      // secret, claiming rank 1.
      try (Socket impostor = new Socket()) {
        impostor.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = impostor.getOutputStream();
        out.write((ControlCodec.encode(new ControlMessage.Hello("0123456789abcdef", 1, 3,
            "impostor", 1)) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        impostor.getInputStream().read(); // the refusal, then the end
      }
      assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the run ended");
      String printed = Files.readString(log);
      assertEquals(0, launcher.exitValue(), printed);
      assertTrue(printed.contains("mpjbench: refused a control connection: wrong run token"),
          printed);
      assertTrue(printed.contains("ring: 3 ranks"), printed);
    } finally {
      Processes.kill(launcher);
    }
  }

  /** The run's secret, read from the token file a rank's command line names (root reads it). */
  private static String secretOf(List<String> texts) throws IOException {
    for (String text : texts) {
      Matcher file = TOKEN_FILE.matcher(text);
      if (file.find() && Files.isReadable(Path.of(file.group(1)))) {
        String secret = Files.readString(Path.of(file.group(1))).strip();
        if (!secret.isEmpty()) {
          return secret;
        }
      }
    }
    return null;
  }

  /** Every process's command line and environment, as another user reading /proc would try. */
  /**
   * The command lines of {@code launcher}'s descendants: this run's starter and ranks, never those
   * of another run on the same machine (whose port or token file would be another run's).
   */
  private static List<String> commandLinesUnder(Process launcher) {
    List<String> texts = new ArrayList<>();
    launcher.toHandle().descendants().forEach(process -> procText(
        Path.of("/proc", Long.toString(process.pid())), "cmdline", texts));
    return texts;
  }

  /** Adds {@code /proc/PID/name} of {@code process} to {@code texts}, NULs as spaces, if any. */
  private static void procText(Path process, String name, List<String> texts) {
    try {
      texts.add(new String(Files.readAllBytes(process.resolve(name)), StandardCharsets.UTF_8)
          .replace('\0', ' '));
    } catch (IOException | SecurityException e) {
      // The process ended, or this one may not be read: nothing to find there.
    }
  }

  private static List<String> commandLinesAndEnvironments() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+"))
          .toList()) {
        for (String name : List.of("cmdline", "environ")) {
          procText(process, name, texts);
        }
      }
    }
    return texts;
  }
}
