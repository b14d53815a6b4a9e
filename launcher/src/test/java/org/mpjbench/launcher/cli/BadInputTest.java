package org.mpjbench.launcher.cli;

import org.mpjbench.launcher.runs.UserError;
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
    write("machines-space.txt", "# two hosts\nnode one\nnode2\n");
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
        bad("-np 0", "-np must be at least 1", "got 0"),
        bad("-np -3", "-np must be at least 1", "got -3"),
        bad("--ranks 0", "Unknown option", "--ranks"),
        bad("-np 257", "-np must be at most 256", "257"),
        bad("--spread-ms -5", "--spread-ms", "-5"),
        bad("--spread-ms NaN", "--spread-ms"),
        bad("--drift-ppm -1", "--drift-ppm"),
        bad("--drift-ppm 2000000", "--drift-ppm", "at most"),
        bad("--rounds 0", "--rounds", "at least 1", "got 0"),
        bad("--rounds 1000000 -np 2",
            "--rounds 1000000 with 2 ranks keeps 2,000,000 rank-rounds in the result;"
                + " at most 50,000",
            "at most 25000 rounds"),
        bad("--samples 0", "--samples", "at least 1", "got 0"),
        bad("--tolerance-us -1", "--tolerance-us", "-1"),
        bad("--interval-ms -1", "--interval-ms", "-1"),
        bad("--faulty-offset-ms Infinity", "--faulty-offset-ms"),
        bad("--faulty 7 -np 4", "--faulty", "rank 7", "0 to 3"),
        bad("--faulty 1,3 -np 3", "--faulty", "rank 3", "0 to 2"),
        bad("--faulty -1", "--faulty", "rank -1", "negative"),
        bad("--device foo", "--device", "multicore, niodev or hybdev", "'foo'"),
        bad("--device niodev --machines /nonexistent/file",
            "machines file", "/nonexistent/file", "does not exist"),
        niodevMachines("machines-space.txt",
            "machines-space.txt", "line 2", "'node one'", "not a host name"),
        niodevMachines("machines-garbage.txt",
            "machines-garbage.txt", "line 4", "'host name;rm'", "not a host name"),
        niodevMachines("machines-empty.txt", "machines-empty.txt", "lists no host"),
        niodevMachines("machines-comments.txt", "machines-comments.txt", "lists no host"),
        niodevMachines("machines-ip.txt",
            "machines-ip.txt, line 2: '300.1.1.1'", "not an IPv4 address"),
        niodevMachines("machines-dash.txt", "machines-dash.txt, line 1: '-x'", "starts with '-'"),
        niodevMachines("machines-long.txt",
            "machines-long.txt, line 2: 'nnn", "longer than 253 characters"),
        niodevMachines("machines-bell.txt",
            "machines-bell.txt, line 1: 'local\\u0007host'", "control character"),
        niodevMachines("machines-binary", "machines-binary is binary (it holds NUL bytes)"),
        niodevMachines("machines-folder", "machines-folder is a folder, not a file"),
        bad("--machines {tmp}/machines-ok.txt", "--machines", "--device niodev"),
        bad("--device multicore --machines {tmp}/machines-ok.txt", "--machines", "--device niodev"),
        bad("--daemon-port 0", "--daemon-port", "1 to 65535", "got 0"),
        bad("--daemon-port 70000", "--daemon-port", "1 to 65535", "70000"),
        bad("--timeout-s 0", "--timeout-s", "1 to", "got 0"),
        bad("--timeout-s 10000000000", "--timeout-s", "a week"),
        bad("--spread-ms 1e15", "--spread-ms", "at most a year"),
        bad("--startup-timeout-s 0", "--startup-timeout-s", "1 to"),
        bad("--verbose --quiet", "--verbose", "--quiet"),
        bad("--bogus", "--bogus"),
        bad("-np abc", "'abc'", "-np"),
        bad("--rounds many", "'many'", "--rounds"),
        bad("--faulty x", "'x'", "--faulty"),
        bad("--daemon-port", "--daemon-port"),
        bad("stray", "'stray'"));
  }

  /** A case: the arguments and the fragments its error message must hold. */
  private static Arguments bad(String args, String... fragments) {
    return Arguments.of(args, List.of(fragments));
  }

  /** A case of {@code --device niodev --machines {tmp}/FILE}, FILE one of the fixtures. */
  private static Arguments niodevMachines(String file, String... fragments) {
    return bad("--device niodev --machines {tmp}/" + file, fragments);
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
        bad("", "run", "cluster"),
        bad("--bogus", "--bogus"),
        bad("frobnicate", "'frobnicate'"),
        bad("run", "name a kernel", "berkeley"),
        bad("run foo", "unknown kernel 'foo'", "berkeley"),
        bad("run foo -np 2 --results {tmp}/results", "unknown kernel 'foo'", "berkeley"),
        bad("run --bogus", "--bogus"),
        bad("cluster", "start", "stop", "status"),
        bad("cluster restart", "'restart'"),
        bad("cluster start --mpj-home {tmp}/no-mpj-home --daemon-port 0",
            "--daemon-port", "1 to 65535", "got 0"),
        bad("cluster start --mpj-home {tmp}/no-mpj-home --daemon-port 70000",
            "--daemon-port", "70000"),
        bad("cluster start --mpj-home {tmp}/no-mpj-home --machines {tmp}/machines-garbage.txt",
            "line 4", "'host name;rm'"),
        bad("cluster start --mpj-home {tmp}/no-mpj-home --machines {tmp}/machines-remote.txt",
            "machines-remote.txt", "is this host"),
        bad("run berkeley --device niodev --machines {tmp}/machines-unresolved.txt"
                + " --results {tmp}/r",
            "machines file",
            "machines-unresolved.txt, line 3: host 'no-such-host.invalid' cannot be resolved"),
        bad("cluster stop --daemon-port 0", "--daemon-port", "got 0"),
        bad("cluster status --daemon-port 99999", "--daemon-port", "99999"),
        bad("cluster status --machines /nonexistent/file",
            "machines file", "/nonexistent/file", "does not exist"),
        bad("cluster status --machines {tmp}/machines-empty.txt", "lists no host"),
        bad("sweep --device foo --results {tmp}/r --plots {tmp}/p", "--device", "'foo'"),
        bad("sweep --kernels nope --results {tmp}/r --plots {tmp}/p", "unknown kernel 'nope'"),
        bad("sweep --ranks 0 --results {tmp}/r --plots {tmp}/p", "--ranks"),
        bad("sweep --lines 0 --results {tmp}/r --plots {tmp}/p", "--lines"),
        bad("sweep --timeout-s 0 --results {tmp}/r --plots {tmp}/p", "--timeout-s"),
        bad("bench --ranks 0 --results {tmp}/r --plots {tmp}/p", "--ranks"),
        bad("bench --benchmarks lamport,nope --results {tmp}/r --plots {tmp}/p",
            "--benchmarks", "'nope'", "kernels (every kernel case: cristian"),
        bad("run download --server nohost --results {tmp}/r --mpj-home {tmp}/no-mpj-home",
            "--server", "HOST:PORT"),
        bad("run download --lines 0 --results {tmp}/r --mpj-home {tmp}/no-mpj-home", "--lines"));
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
