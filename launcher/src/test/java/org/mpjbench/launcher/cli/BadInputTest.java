package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command-line input ends with exit code 2, one "mpjbench: ..." line on stderr naming the
 * problem, nothing on stdout, and no MPJ job: every run is also given an empty --mpj-home, so a
 * command that got past validation would end with exit code 1 (no MPJ runtime) instead of 2.
 */
class BadInputTest {
  @TempDir Path tmp;

  private Path results;
  private Path noMpjHome;

  @BeforeEach
  void createFixtures() throws IOException {
    results = tmp.resolve("results");
    noMpjHome = Files.createDirectories(tmp.resolve("no-mpj-home"));
    write("machines-ok.txt", "localhost\n");
    write("machines-space.txt", "# two hosts\nnode 1\nnode2\n");
    write("machines-garbage.txt", "# cluster\nlocalhost\n\nhost name;rm\n");
    write("machines-empty.txt", "");
    write("machines-comments.txt", "# nothing here\n\n   # indented comment\n\n");
    write("machines-remote.txt", "no-such-host.invalid\n");
    write("machines-unresolved.txt", "# cluster\nlocalhost\nno-such-host.invalid\n");
    write("a-regular-file", "not a folder\n");
    write("machines-ip.txt", "localhost\n300.1.1.1\n");
    write("machines-dash.txt", "-x\n");
    write("machines-long.txt", "# long\n" + "n".repeat(300) + "\n");
    write("machines-bell.txt", "local\u0007host\n");
    Files.write(tmp.resolve("machines-binary"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, '\n'});
    Files.createDirectories(tmp.resolve("machines-folder"));
  }

  /** {@code run berkeley <args>}: each fails validation; the fragments must be in the message. */
  static Stream<Arguments> badBerkeleyRuns() {
    return Stream.of(
        Arguments.of("-np 0", List.of("-np must be at least 1", "got 0")),
        Arguments.of("-np -3", List.of("-np must be at least 1", "got -3")),
        Arguments.of("--ranks 0", List.of("Unknown option", "--ranks")),
        Arguments.of("-np 257", List.of("-np must be at most 256", "257")),
        Arguments.of("--spread-ms -5", List.of("--spread-ms", "-5")),
        Arguments.of("--spread-ms NaN", List.of("--spread-ms")),
        Arguments.of("--drift-ppm -1", List.of("--drift-ppm")),
        Arguments.of("--drift-ppm 2000000", List.of("--drift-ppm", "at most")),
        Arguments.of("--rounds 0", List.of("--rounds", "at least 1", "got 0")),
        Arguments.of("--rounds 1000000 -np 2", List.of("--rounds 1000000 with 2 ranks keeps"
            + " 2,000,000 rank-rounds in the result; at most 50,000", "at most 25000 rounds")),
        Arguments.of("--samples 0", List.of("--samples", "at least 1", "got 0")),
        Arguments.of("--tolerance-us -1", List.of("--tolerance-us", "-1")),
        Arguments.of("--interval-ms -1", List.of("--interval-ms", "-1")),
        Arguments.of("--faulty-offset-ms Infinity", List.of("--faulty-offset-ms")),
        Arguments.of("--faulty 7 -np 4", List.of("--faulty", "rank 7", "0 to 3")),
        Arguments.of("--faulty 1,3 -np 3", List.of("--faulty", "rank 3", "0 to 2")),
        Arguments.of("--faulty -1", List.of("--faulty", "rank -1", "negative")),
        Arguments.of("--device foo", List.of("--device", "multicore or niodev", "'foo'")),
        Arguments.of(
            "--device niodev --machines /nonexistent/file",
            List.of("machines file", "/nonexistent/file", "does not exist")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-space.txt",
            List.of("machines-space.txt", "line 2", "'node 1'", "not a host name")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-garbage.txt",
            List.of("machines-garbage.txt", "line 4", "'host name;rm'", "not a host name")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-empty.txt",
            List.of("machines-empty.txt", "lists no host")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-comments.txt",
            List.of("machines-comments.txt", "lists no host")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-ip.txt",
            List.of("machines-ip.txt, line 2: '300.1.1.1'", "not an IPv4 address")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-dash.txt",
            List.of("machines-dash.txt, line 1: '-x'", "starts with '-'")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-long.txt",
            List.of("machines-long.txt, line 2: 'nnn", "longer than 253 characters")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-bell.txt",
            List.of("machines-bell.txt, line 1: 'local\\u0007host'", "control character")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-binary",
            List.of("machines-binary is binary (it holds NUL bytes)")),
        Arguments.of(
            "--device niodev --machines {tmp}/machines-folder",
            List.of("machines-folder is a folder, not a file")),
        Arguments.of("--machines {tmp}/machines-ok.txt", List.of("--machines", "--device niodev")),
        Arguments.of(
            "--device multicore --machines {tmp}/machines-ok.txt",
            List.of("--machines", "--device niodev")),
        Arguments.of("--daemon-port 0", List.of("--daemon-port", "1 to 65535", "got 0")),
        Arguments.of("--daemon-port 70000", List.of("--daemon-port", "1 to 65535", "70000")),
        Arguments.of("--timeout-s 0", List.of("--timeout-s", "1 to", "got 0")),
        Arguments.of("--timeout-s 10000000000", List.of("--timeout-s", "a week")),
        Arguments.of("--spread-ms 1e15", List.of("--spread-ms", "at most a year")),
        Arguments.of("--startup-timeout-s 0", List.of("--startup-timeout-s", "1 to")),
        Arguments.of("--verbose --quiet", List.of("--verbose", "--quiet")),
        Arguments.of("--bogus", List.of("--bogus")),
        Arguments.of("-np abc", List.of("'abc'", "-np")),
        Arguments.of("--rounds many", List.of("'many'", "--rounds")),
        Arguments.of("--faulty x", List.of("'x'", "--faulty")),
        Arguments.of("--daemon-port", List.of("--daemon-port")),
        Arguments.of("stray", List.of("'stray'")));
  }

  @ParameterizedTest(name = "run berkeley {0}")
  @MethodSource("badBerkeleyRuns")
  void badBerkeleyRunIsAUsageError(String options, List<String> fragments) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", "berkeley"));
    // Ours first: an option missing its value (the --daemon-port case) must stay last.
    args.addAll(List.of("--results", results.toString(), "--mpj-home", noMpjHome.toString()));
    args.addAll(split(options));
    assertUsageError(CliRun.of(args.toArray(String[]::new)), fragments);
    assertNoResultFile();
  }

  /** Other commands and command levels, each failing before anything starts. */
  static Stream<Arguments> badCommands() {
    return Stream.of(
        Arguments.of("", List.of("run", "cluster")),
        Arguments.of("--bogus", List.of("--bogus")),
        Arguments.of("frobnicate", List.of("'frobnicate'")),
        Arguments.of("run", List.of("name a kernel", "berkeley")),
        Arguments.of("run foo", List.of("unknown kernel 'foo'", "berkeley")),
        Arguments.of(
            "run foo -np 2 --results {tmp}/results", List.of("unknown kernel 'foo'", "berkeley")),
        Arguments.of("run --bogus", List.of("--bogus")),
        Arguments.of("cluster", List.of("start", "stop", "status")),
        Arguments.of("cluster restart", List.of("'restart'")),
        Arguments.of(
            "cluster start --mpj-home {tmp}/no-mpj-home --daemon-port 0",
            List.of("--daemon-port", "1 to 65535", "got 0")),
        Arguments.of(
            "cluster start --mpj-home {tmp}/no-mpj-home --daemon-port 70000",
            List.of("--daemon-port", "70000")),
        Arguments.of(
            "cluster start --mpj-home {tmp}/no-mpj-home --machines {tmp}/machines-garbage.txt",
            List.of("line 4", "'host name;rm'")),
        Arguments.of(
            "cluster start --mpj-home {tmp}/no-mpj-home --machines {tmp}/machines-remote.txt",
            List.of("machines-remote.txt", "is this host")),
        Arguments.of("run berkeley --device niodev --machines {tmp}/machines-unresolved.txt"
                + " --results {tmp}/r",
            List.of("machines file", "machines-unresolved.txt, line 3: host"
                + " 'no-such-host.invalid' cannot be resolved")),
        Arguments.of("cluster stop --daemon-port 0", List.of("--daemon-port", "got 0")),
        Arguments.of("cluster status --daemon-port 99999", List.of("--daemon-port", "99999")),
        Arguments.of(
            "cluster status --machines /nonexistent/file",
            List.of("machines file", "/nonexistent/file", "does not exist")),
        Arguments.of(
            "cluster status --machines {tmp}/machines-empty.txt", List.of("lists no host")),
        Arguments.of("sweep --device foo --results {tmp}/r --plots {tmp}/p",
            List.of("--device", "'foo'")),
        Arguments.of("sweep --kernels nope --results {tmp}/r --plots {tmp}/p",
            List.of("unknown kernel 'nope'")),
        Arguments.of("sweep --ranks 0 --results {tmp}/r --plots {tmp}/p", List.of("--ranks")),
        Arguments.of("sweep --lines 0 --results {tmp}/r --plots {tmp}/p", List.of("--lines")),
        Arguments.of("sweep --timeout-s 0 --results {tmp}/r --plots {tmp}/p",
            List.of("--timeout-s")),
        Arguments.of("bench --ranks 0 --results {tmp}/r --plots {tmp}/p", List.of("--ranks")),
        Arguments.of("bench --benchmarks lamport,nope --results {tmp}/r --plots {tmp}/p",
            List.of("--benchmarks", "'nope'", "kernels (every kernel case: cristian")),
        Arguments.of("run download --server nohost --results {tmp}/r --mpj-home {tmp}/no-mpj-home",
            List.of("--server", "HOST:PORT")),
        Arguments.of("run download --lines 0 --results {tmp}/r --mpj-home {tmp}/no-mpj-home",
            List.of("--lines")));
  }

  @ParameterizedTest(name = "mpjbench {0}")
  @MethodSource("badCommands")
  void badCommandIsAUsageError(String args, List<String> fragments) throws IOException {
    assertUsageError(CliRun.of(split(args).toArray(String[]::new)), fragments);
    assertNoResultFile();
  }

  @Test
  void resultsFolderUnderARegularFileIsAUsageError() throws IOException {
    Path unwritable = tmp.resolve("a-regular-file").resolve("results");
    CliRun run = CliRun.of("run", "berkeley", "-np", "2", "--results", unwritable.toString(),
        "--mpj-home", noMpjHome.toString());
    assertUsageError(run, List.of("results folder", unwritable.toString(), "not writable"));
    assertTrue(Files.isRegularFile(tmp.resolve("a-regular-file")), "the file must be untouched");
  }

  @Test
  void parseErrorPointsToTheHelpOfTheCommandAtFault() {
    CliRun run = CliRun.of("run", "berkeley", "--results", results.toString(), "--bogus");
    assertUsageError(run, List.of("'mpjbench run berkeley --help'"));
  }

  @Test
  void unknownKernelListsTheKnownKernels() {
    CliRun run = CliRun.of("run", "foo");
    assertUsageError(run, List.of("unknown kernel 'foo'; known kernels: " + RunCommand.kernelNames()));
    assertTrue(RunCommand.kernelNames().contains("berkeley"), RunCommand.kernelNames());
  }

  /**
   * The control for every case above: a valid run gets past validation, creates its results
   * folder and stops at the empty --mpj-home with exit code 1, before any rank or daemon starts.
   */
  @Test
  void validMulticoreRunGetsPastValidationAndStopsAtTheMissingMpjHome() throws IOException {
    CliRun run = CliRun.of("run", "berkeley", "-np", "2", "--results", results.toString(),
        "--mpj-home", noMpjHome.toString());
    assertMissingMpjHome(run);
    assertTrue(Files.isDirectory(results), "checkWritable creates the results folder");
    assertNoResultFile();
  }

  @Test
  void validNiodevRunGetsPastValidationAndStopsAtTheMissingMpjHome() throws IOException {
    CliRun run = CliRun.of("run", "berkeley", "-np", "2", "--device", "NIODEV",
        "--machines", tmp.resolve("machines-ok.txt").toString(),
        "--results", results.toString(), "--mpj-home", noMpjHome.toString());
    assertMissingMpjHome(run);
    assertNoResultFile();
  }

  private void assertMissingMpjHome(CliRun run) {
    assertAll(
        () -> assertEquals(UserError.FAILED, run.exitCode(), run::describe),
        () -> assertEquals("", run.out(), run::describe),
        () -> assertEquals(1, run.errLines().size(), run::describe),
        () -> assertTrue(run.err().startsWith("mpjbench: MPJ Express home "), run::describe),
        () -> assertTrue(run.err().contains("lib/starter.jar"), run::describe));
  }

  static void assertUsageError(CliRun run, List<String> fragments) {
    assertEquals(UserError.USAGE, run.exitCode(), run::describe);
    assertEquals("", run.out(), run::describe);
    assertEquals(1, run.errLines().size(), run::describe);
    String line = run.errLines().get(0);
    assertTrue(line.startsWith("mpjbench: "), run::describe);
    for (String fragment : fragments) {
      assertTrue(line.contains(fragment), () -> "missing '" + fragment + "':\n" + run.describe());
    }
  }

  private void assertNoResultFile() throws IOException {
    if (Files.isDirectory(results)) {
      try (Stream<Path> files = Files.list(results)) {
        assertEquals(List.of(), files.toList(), "no result file for a run that did not start");
      }
    }
  }

  private List<String> split(String args) {
    return Arrays.stream(args.replace("{tmp}", tmp.toString()).split(" "))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
  }
}
