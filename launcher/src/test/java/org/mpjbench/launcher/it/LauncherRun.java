package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.launcher.cli.MpjBenchCommand;
import picocli.CommandLine;

/**
 * Runs {@code mpjbench} in this JVM (the MPJ runtime it starts is real: separate JVMs) and keeps
 * what it printed and the result file it wrote.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 * @param resultFile the single JSON file written under the results folder, or null
 */
record LauncherRun(int exitCode, String out, String err, Path resultFile) {

  /** Runs {@code mpjbench ARGS... --results RESULTS} and collects the outcome. */
  static LauncherRun run(Path results, String... args) throws IOException {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--results");
    all.add(results.toString());
    LauncherRun run = runPlain(all.toArray(String[]::new));
    return new LauncherRun(run.exitCode, run.out, run.err, newestResult(results));
  }

  /**
   * Runs one kernel alone ({@code mpjbench run KERNEL -np 1 OPTIONS... --results RESULTS}),
   * expects a complete result whose property holds and which counts no messages (one rank has
   * nobody to send to), and returns that result.
   */
  static JsonNode aloneResult(Path results, String kernel, String... options)
      throws IOException {
    return alone(results, kernel, options).completeResult();
  }

  /** Runs one kernel alone and checks it as {@link #aloneResult} does; returns the run. */
  static LauncherRun alone(Path results, String kernel, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", kernel, "-np", "1"));
    args.addAll(Arrays.asList(options));
    LauncherRun run = run(results, args.toArray(String[]::new));
    assertEquals(0, run.completeResult().get("messages").asLong(), "one rank sends no messages");
    return run;
  }

  /** Runs {@code mpjbench ARGS...} as given (no result file is looked for). */
  static LauncherRun runPlain(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = MpjBenchCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new LauncherRun(exitCode, out.toString(), err.toString(), null);
  }

  /** The newest {@code *.json} in {@code results}, or null when there is none. */
  static Path newestResult(Path results) throws IOException {
    if (!Files.isDirectory(results)) {
      return null;
    }
    try (Stream<Path> files = Files.list(results)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
          .orElse(null);
    }
  }

  /** The result file as a JSON tree. */
  JsonNode json() throws IOException {
    return ResultWriter.mapper().readTree(resultFile.toFile());
  }

  /** Fails with everything printed when the exit code is not {@code expected}. */
  LauncherRun expectExit(int expected) {
    assertEquals(expected, exitCode, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
    return this;
  }

  /** Expects exit code 0 and a result file with status complete, and returns that file's tree. */
  JsonNode completeJson() throws IOException {
    expectExit(0);
    JsonNode json = json();
    assertEquals("complete", json.get("status").asText());
    return json;
  }

  /**
   * Expects exit code 0 and a result file with status complete whose property check holds.
   *
   * @return the result file's {@code result} object
   */
  JsonNode completeResult() throws IOException {
    JsonNode result = completeJson().get("result");
    assertTrue(result.at("/check/holds").asBoolean(), result.toString());
    return result;
  }

  /** Expects exit code 1, each fragment on standard error, and a result file with status failed. */
  void expectFailed(String... errFragments) throws IOException {
    expectExit(1);
    for (String fragment : errFragments) {
      assertTrue(err.contains(fragment), err);
    }
    assertEquals("failed", json().get("status").asText());
  }

  /** Expects each fragment on standard output. */
  void expectOut(String... fragments) {
    for (String fragment : fragments) {
      assertTrue(out.contains(fragment), out);
    }
  }
}
