package org.mpjbench.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a command reaches a host: this host runs it as given; another gets it through ssh as one
 * string that its shell splits back into exactly the words given, whatever they hold. The real
 * ssh sessions are SshBootIT's.
 */
class OverSshTest {
  @Test
  void thisHostRunsTheCommandAsGiven() {
    List<String> command = List.of("java", "-cp", "a b.jar", "Main");
    assertEquals(command, OverSsh.words("localhost", Optional.empty(), command));
    assertEquals(command, OverSsh.words("127.0.0.1", Optional.empty(), command));
  }

  @Test
  void anotherHostGetsItThroughSshInBatchMode() {
    List<String> words = OverSsh.words("10.77.0.11", Optional.of(Path.of("/run/x/config")),
        List.of("env", "XDG_CACHE_HOME=/home/a b", "java", "-cp", "/x/it's.jar", "Main"));
    assertEquals(List.of("ssh", "-F", "/run/x/config", "-o", "BatchMode=yes", "-o",
        "ConnectTimeout=10", "10.77.0.11", "--",
        "env 'XDG_CACHE_HOME=/home/a b' java -cp '/x/it'\\''s.jar' Main"), words);
  }

  @Test
  void theRemoteShellSplitsTheStringBackIntoTheSameWords() throws Exception {
    List<String> tricky = List.of("plain", "two words", "it's", "$HOME", "a;b", "`x`", "*", "");
    String line = String.join(" ", tricky.stream().map(OverSsh::quote)
        .toList());
    Process shell = new ProcessBuilder("sh", "-c", "for w in " + line
        + "; do printf '[%s]' \"$w\"; done").start();
    String printed = new String(shell.getInputStream().readAllBytes());
    assertEquals(0, shell.waitFor());
    assertEquals("[plain][two words][it's][$HOME][a;b][`x`][*][]", printed);
  }

  @Test
  void anOutcomeSaysItsLastLineOrItsExit() {
    assertEquals("b", new OverSsh.Outcome("h", 1, "a\nb\n\n").lastLine());
    assertEquals("exit 3", new OverSsh.Outcome("h", 3, "").lastLine());
    assertEquals("no answer", new OverSsh.Outcome("h", -1, " \n").lastLine());
    assertTrue(new OverSsh.Outcome("h", 0, "").ok());
    assertFalse(new OverSsh.Outcome("h", -1, "").ok());
  }
}
