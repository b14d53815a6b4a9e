package org.mpjbench.launcher.cli;

import org.mpjbench.launcher.runs.UserError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpjbench.launcher.charts.ResultFixtures;
import org.mpjbench.launcher.compare.CompareFixtures;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of every command, found by walking picocli's model, given bad values: those its
 * type implies (a non-number for a number, one beyond the type's range, NaN for a real, a
 * malformed element for a list of numbers) and those of its {@link #RULES rule} (out of its
 * range, an unknown word, a missing file, a folder where a file is needed...). Each must end with
 * exit code 2 and one {@code mpjbench: } line on stderr naming the option, no stack trace, nothing
 * on stdout, and nothing started: no file written, no child process, within seconds.
 *
 * <p>An option without a rule fails {@link #everyOptionHasARule}: a new option needs its bad
 * values, or an exemption saying why it has none.
 *
 * <p>Nothing may start even when a bad value slips through: every command gets a {@link
 * #CONTEXT} of valid options that stop it right after validation (an MPJ home without MPJ, a
 * results folder under a regular file, a port already taken), so that such a value fails this
 * test with the wrong message instead of running anything.
 */
class EveryOptionTest {
  /** How long a rejected value may take: validation only, no run, no network wait. */
  private static final Duration QUICK = Duration.ofSeconds(15);

  private static final String MISSING = "{tmp}/missing";
  private static final String FOLDER = "{tmp}/a-folder";
  private static final String FILE = "{tmp}/a-file";
  private static final String UNDER_FILE = "{tmp}/a-file/below";
  private static final String BAD_MACHINES = "{tmp}/machines-bad.txt";
  private static final String EMPTY_FILE = "{tmp}/empty.txt";

  /**
   * Bad values beyond the type's, or why an option has none. Keys are an option's longest name
   * (every command that has it), or a command and the name ("sweep --ranks") for one command.
   */
  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    // The options of every 'run <kernel>' (RunOptions).
    rule("-np", "0", "-1", "257");
    rule("--device", "foo", "");
    rule("--machines", MISSING, FOLDER, BAD_MACHINES, EMPTY_FILE);
    rule("--daemon-port", "0", "-1", "65536");
    rule("--port-manager-port", "0", "-1", "65536");
    rule("--starter-port", "0", "-1", "65536", "40052");
    rule("--protocol-switch-bytes", "0", "-1", "1073741825");
    rule("--control-host", "192.0.2.1", "host name", "-x", "300.1.1.1");
    rule("--results", FILE, UNDER_FILE, "/proc/mpjbench-results");
    rule("--timeout-s", "0", "-5", "604801");
    rule("--startup-timeout-s", "0", "-1", "604801");
    rule("--silence-timeout-s", "0", "1", "3601");
    rule("--mpj-home", MISSING, FILE);
    rule("--inject-fault", "9:fail", "1:explode", "x", "");
    rule("--trace", FOLDER, "{tmp}/missing/trace.jsonl", UNDER_FILE);
    exempt("--verbose", "a flag; --verbose with --quiet is BadInputTest's");
    exempt("--quiet", "a flag; --verbose with --quiet is BadInputTest's");
    anyNumber("--seed", "every long is a seed");

    rule("run berkeley --rounds", "0", "-1", "1000000");
    rule("--samples", "0", "-1", "2147483647");
    rule("--groups", "0", "-1", "2147483647");
    rule("--spread-ms", "-5", "1e15", "Infinity");
    rule("--drift-ppm", "-1", "2000000");
    rule("--faulty", "7", "-1");
    rule("--faulty-offset-ms", "Infinity");
    rule("--tolerance-us", "-1");
    rule("--interval-ms", "-1", "9223372036854775807");

    rule("--timeout-ms", "0", "-1", "3600001", "9223372036854775807");
    rule("--names", "0", "-1", "2147483647");
    rule("--lookups", "-1", "2147483647");
    rule("--miss-ratio", "-0.1", "1.5");
    rule("--calls", "0", "-1", "2147483647");
    rule("--negative-ratio", "-0.1", "1.5");
    rule("run multicast --messages", "0", "-1", "2147483647");
    rule("--mode", "foo", "");
    rule("--total-order", "foo", "");
    rule("--transport", "foo", "");
    rule("--group", "10.0.0.1", "239.256.0.1", "host name", "");
    rule("--udp-port", "-1", "65536");
    rule("--interface", "eth0 lo", "");
    exempt("--reliable", "a flag; --reliable with --transport mpi is MulticastUdpTest's");
    rule("--repair-rounds", "-1", "101");
    rule("--payload-longs", "-1", "2147483647");
    rule("--tasks", "0", "-1", "2147483647");
    rule("--mean-task-us", "-1", "9223372036854775807");
    rule("--policy", "foo", "");
    rule("run lamport --messages", "-1", "100000000");
    rule("--local-events", "-1", "2147483647");
    exempt("--vector", "a flag");
    rule("--entries", "0", "-1", "2147483647");
    rule("--hold-us", "-1", "9223372036854775807");
    rule("--think-us", "-1", "9223372036854775807");
    rule("--stall-timeout-ms", "0", "-1", "9223372036854775807");
    exempt("--unsafe", "a flag (broken on purpose, to see the check fail)");
    exempt("--mutex-unsafe", "a flag (broken on purpose, to see the bench fail)");
    rule("--crash", "x", "9", "-1", "1,,2");
    rule("--initiator", "9", "-1");

    rule("run download --server", "nohost", "localhost:0", "localhost:99999", "localhost:x",
        ":80", "host name:80");
    rule("run download --lines", "0", "-1", "10000001");
    rule("run download --file", MISSING, FOLDER, EMPTY_FILE);
    rule("--rate-per-second", "0", "-1", "Infinity");
    rule("--burst", "0", "-1");
    rule("--decline-probability", "-0.1", "1", "1.5");
    rule("--max-connections-per-address", "-1");
    rule("--drop-connection-every", "-1");
    rule("--exchange-interval-ms", "0", "-1", "9223372036854775807");
    rule("--connect-timeout-ms", "0", "-1", "9223372036854775807");
    rule("--read-timeout-ms", "0", "-1", "9223372036854775807");
    rule("--submitter-id", "a b", "id@team", "");
    rule("--team", "a b", "id@team", "");

    rule("run file-ipc --lines", "0", "-1", "100001");
    rule("--bytes", "23", "-1", "1048577");
    exempt("--sync", "a flag");
    rule("--dir", MISSING, FILE);

    rule("run jmh --benchmarks", "nope", "ping-pong,,download", "");
    exempt("--quick", "a flag");
    exempt("--strict", "a flag (plot: fail on any file that is not a result)");
    rule("run jmh --berkeley-tolerance-us", "-1", "Infinity");
    rule("--berkeley-skew-bound-us", "0", "-1", "Infinity");
    rule("--download-lines", "0", "-1", "10000001");
    rule("--download-rate-per-second", "0", "-1", "Infinity");
    rule("--server-host", "host name", "-x", "");

    rule("sweep --kernels", "nope", "berkeley,,download", "");
    rule("sweep --ranks", "0", "257", "");
    rule("sweep --repeat", "0", "-1");
    rule("sweep --plots", FILE, UNDER_FILE);
    rule("sweep --lines", "0", "10000001");
    rule("sweep --rounds", "0", "-1", "1000000");
    rule("sweep --from", MISSING, FOLDER, EMPTY_FILE);

    rule("bench --ranks", "0", "257", "");
    rule("bench --benchmarks", "nope", "ping-pong,,download", "");
    rule("bench --berkeley-tolerance-us", "-1", "Infinity");
    rule("bench --plots", FILE, UNDER_FILE);
    rule("bench --sizes", "0", "abc", "67108865", "", "1,,8", "64:8", "-1");
    rule("bench --iterations", "1", "0", "-1", "1001", "x");
    rule("run jmh --iterations", "1", "1001");
    exempt("bench --native", "a flag (without 'osu' in --benchmarks, or without 2 ranks: one"
        + " line naming --native, exit 2; BenchNativeOptionTest)");

    rule("line-server --port", "-1", "65536");
    rule("line-server --bind", "192.0.2.1", "example.com", "999.1.1.1", "");
    rule("line-server --file", MISSING, FOLDER, EMPTY_FILE);
    rule("line-server --lines", "0", "-1", "10000001");
    rule("--max-connections", "0", "-1", "2147483647");
    rule("--idle-timeout-s", "0", "-1", "9223372036854775807");
    rule("--ready-file", FOLDER, "{tmp}/missing/ready");

    rule("plot --out", FILE, UNDER_FILE);
    rule("compare A", MISSING, FOLDER, EMPTY_FILE);
    rule("compare B", MISSING, FOLDER, EMPTY_FILE);
    rule("compare --out", FILE, UNDER_FILE);
    rule("--fail-if-slower", "-1", "10001", "Infinity");
    rule("--resamples", "0", "-1", "999", "1000001");
    rule("plot RESULTS", MISSING, FOLDER, EMPTY_FILE);
    rule("help COMMAND", "nope");

    rule("cluster up --hosts", "0", "-1", "17");
    exempt("--no-daemons", "a flag");
    exempt("--slurm", "a flag");
    rule("--ssh-config", MISSING, FOLDER);
    rule("cluster exec HOST", "nope", "");
    exempt("cluster exec COMMAND", "any command may run on a test host");
    rule("cluster link HOST", "nope", "");
    rule("cluster link up|down", "sideways", "");
  }

  /**
   * Valid options that stop each command right after validation, so that a bad value that is not
   * rejected fails the test (with the wrong message) instead of starting anything: an MPJ home
   * without MPJ (run, cluster), a results folder under a regular file (sweep, bench), a port
   * already taken (line-server), daemon port 1 where no daemon of ours is (cluster). The option
   * under test is left out of its command's context.
   */
  private static final Map<String, List<String>> CONTEXT = pairs(
      // These take no options: their positional values are checked before anything is done.
      "cluster exec", List.of(),
      "cluster link", List.of(),
      "cluster up", List.of("--mpj-home", "{tmp}/no-mpj-home", "--daemon-port", "1", "--hosts",
          "2"),
      "run", List.of("--results", "{tmp}/results", "--mpj-home", "{tmp}/no-mpj-home"),
      // Results under a file stop sweep and bench after validation. Testing --results leaves
      // that to --plots under a file; testing --plots leaves only the damage limit below.
      "sweep", List.of("--results", UNDER_FILE, "--plots", "{tmp}/plots", "--kernels", "berkeley",
          "--ranks", "1", "--repeat", "1", "--rounds", "1", "--timeout-s", "20"),
      "bench", List.of("--results", UNDER_FILE, "--plots", "{tmp}/plots", "--ranks", "1",
          "--quick", "--benchmarks", "ping-pong"),
      "line-server", List.of("--port", "{busy-port}"),
      "cluster", List.of("--mpj-home", "{tmp}/no-mpj-home", "--daemon-port", "1"),
      // boot and halt need their hosts: this one, which they would reach without ssh.
      "cluster boot", List.of("--mpj-home", "{tmp}/no-mpj-home", "--daemon-port", "1",
          "--machines", "{tmp}/machines-local.txt"),
      "cluster halt", List.of("--mpj-home", "{tmp}/no-mpj-home", "--daemon-port", "1",
          "--machines", "{tmp}/machines-local.txt"),
      "plot", List.of("--out", "{tmp}/plots", "{tmp}/plot-results"),
      // Two sweeps to compare, and an --out under a file: stops after validation.
      "compare", List.of("--out", UNDER_FILE, "{tmp}/cmp-a", "{tmp}/cmp-b"));

  /**
   * Context that one option needs besides its command's: keyed as in {@link #RULES}, or by the
   * first word of the command and the name ("run --machines": every kernel).
   */
  private static final Map<String, List<String>> EXTRA = Map.of(
      "run --machines", List.of("--device", "niodev"),
      "sweep --machines", List.of("--device", "niodev"),
      "bench --machines", List.of("--device", "niodev"),
      "sweep --results", List.of("--plots", UNDER_FILE),
      "bench --results", List.of("--plots", UNDER_FILE),
      "sweep --plots", List.of("--results", "{tmp}/results"),
      "bench --plots", List.of("--results", "{tmp}/results"),
      "cluster link up|down", List.of("h1"));

  /** A map of {@code key, value, key, value...}, in that order. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> pairs(Object... keysAndValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (List<String>) keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  @TempDir Path tmp;

  private ServerSocket busy;

  @BeforeEach
  void createFixtures() throws IOException {
    Files.writeString(tmp.resolve("a-file"), "a regular file\n", StandardCharsets.UTF_8);
    Files.createDirectories(tmp.resolve("a-folder"));
    Files.writeString(tmp.resolve("machines-bad.txt"), "localhost\nhost name\n",
        StandardCharsets.UTF_8);
    Files.write(tmp.resolve("empty.txt"), new byte[0]);
    Files.writeString(tmp.resolve("machines-local.txt"), "localhost\n", StandardCharsets.UTF_8);
    Files.createDirectories(tmp.resolve("no-mpj-home"));
    CompareFixtures.ringSweep(tmp.resolve("cmp-a"), 4, 3, 1_000);
    CompareFixtures.ringSweep(tmp.resolve("cmp-b"), 4, 3, 2_000);
    ResultFixtures.write(tmp.resolve("plot-results"), ResultFixtures.berkeley(4, 27_000_000,
        20_000, 800));
    busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void closeBusyPort() throws IOException {
    busy.close();
  }

  /** Every option and positional parameter that takes a value, of every command. */
  private static List<Arg> walk() {
    List<Arg> args = new ArrayList<>();
    walk(MpjBenchCommand.commandLine(), args, new TreeSet<>());
    return args;
  }

  private static void walk(CommandLine commandLine, List<Arg> args, Set<String> seen) {
    CommandSpec spec = commandLine.getCommandSpec();
    if (!seen.add(spec.qualifiedName())) {
      return;
    }
    List<String> path = List.of(spec.qualifiedName().split(" "));
    path = path.subList(1, path.size());
    for (OptionSpec option : spec.options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        args.add(new Arg(path, option.longestName(), option));
      }
    }
    for (ArgSpec positional : spec.positionalParameters()) {
      args.add(new Arg(path, positional.paramLabel(), positional));
    }
    for (CommandLine sub : spec.subcommands().values()) {
      walk(sub, args, seen);
    }
  }

  /** One option (or positional parameter) of one command. */
  private record Arg(List<String> command, String name, ArgSpec spec) {
    String key() {
      return String.join(" ", command) + " " + name;
    }

    boolean takesValue() {
      return spec.arity().max() > 0;
    }

    Rule rule() {
      Rule rule = RULES.get(key());
      return rule != null ? rule : RULES.get(name);
    }

    /** The values its type rules out, whatever the option. */
    List<String> typeBadValues() {
      Class<?> type = spec.type();
      Class<?> element = spec.auxiliaryTypes()[0];
      if (List.class.isAssignableFrom(type) && element == Integer.class) {
        return List.of("1,x", "1,,2");
      }
      if (type == int.class || type == Integer.class) {
        return List.of("twelve", "99999999999");
      }
      if (type == long.class || type == Long.class) {
        return List.of("twelve", "99999999999999999999");
      }
      if (type == double.class || type == Double.class) {
        return List.of("twelve", "NaN");
      }
      return List.of();
    }

    boolean numeric() {
      return !typeBadValues().isEmpty();
    }
  }

  /** Bad values beyond the type's; {@code why} explains an option that has none of its own. */
  private record Rule(List<String> values, String why, boolean anyNumber) {}

  private static void rule(String key, String... values) {
    put(key, new Rule(List.of(values), null, false));
  }

  private static void exempt(String key, String why) {
    put(key, new Rule(List.of(), why, false));
  }

  private static void anyNumber(String key, String why) {
    put(key, new Rule(List.of(), why, true));
  }

  private static void put(String key, Rule rule) {
    if (RULES.putIfAbsent(key, rule) != null) {
      throw new IllegalStateException("two rules for " + key);
    }
  }

  @Test
  void everyOptionHasARule() {
    List<String> problems = new ArrayList<>();
    for (Arg arg : walk()) {
      Rule rule = arg.rule();
      if (rule == null) {
        problems.add(arg.key() + ": no rule; say which values are bad, or why none is");
      } else if (rule.anyNumber() && !arg.numeric()) {
        problems.add(arg.key() + ": 'any number' but it is not a number");
      } else if (rule.why() != null && !rule.anyNumber() && arg.takesValue() && arg.numeric()) {
        problems.add(arg.key() + ": a number cannot be exempt (a non-number is bad)");
      } else if (rule.values().isEmpty() && rule.why() == null) {
        problems.add(arg.key() + ": a rule without values needs a reason");
      } else if (!arg.takesValue() && !rule.values().isEmpty()) {
        problems.add(arg.key() + ": a flag takes no value");
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(walk().size() > 200, "the walk found " + walk().size() + " options");
  }

  @Test
  void everyRuleNamesAnOption() {
    Set<String> known = new TreeSet<>();
    for (Arg arg : walk()) {
      known.add(arg.key());
      known.add(arg.name());
      known.add(arg.command().get(0) + " " + arg.name());
    }
    Set<String> stale = new TreeSet<>(RULES.keySet());
    stale.removeAll(known);
    Set<String> staleExtra = new TreeSet<>(EXTRA.keySet());
    staleExtra.removeAll(known);
    assertAll(
        () -> assertEquals(Set.of(), stale, "rules for options that no longer exist"),
        () -> assertEquals(Set.of(), staleExtra, "context for options that no longer exist"));
  }

  /**
   * Every bad value of an option the first time the walk meets it; where a shared rule meets it
   * again (the options every kernel shares), the first of its type's and of its rule's: the same
   * check, wired into another command. (Each case costs a command tree, about 50 ms.)
   */
  static Stream<Arguments> badValues() {
    List<Arguments> cases = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Arg arg : walk()) {
      Rule rule = arg.rule();
      if (rule == null || !arg.takesValue()) {
        continue; // everyOptionHasARule reports it
      }
      List<String> values = new ArrayList<>();
      boolean again = !RULES.containsKey(arg.key()) && !seen.add(arg.name());
      if (again) {
        arg.typeBadValues().stream().limit(1).forEach(values::add);
        rule.values().stream().limit(1).forEach(values::add);
      } else {
        values.addAll(arg.typeBadValues());
        values.addAll(rule.values());
      }
      List<String> extra = EXTRA.getOrDefault(arg.key(),
          EXTRA.getOrDefault(arg.command().get(0) + " " + arg.name(), List.of()));
      for (String value : values) {
        cases.add(Arguments.of(arg.key() + " '" + value + "'", arg.command(), arg.name(),
            arg.spec().isOption(), value, arg.spec().type() == Path.class, extra));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void aBadValueIsOneLineAndExitCode2BeforeAnythingStarts(String title, List<String> command,
      String name, boolean isOption, String value, boolean isPath, List<String> extra)
      throws IOException {
    List<String> args = new ArrayList<>(command);
    List<String> context = new ArrayList<>(CONTEXT.getOrDefault(String.join(" ", command),
        CONTEXT.getOrDefault(command.get(0), List.of())));
    context = without(context, name);
    for (int i = 0; i < extra.size(); i += 2) {
      context = without(context, extra.get(i));
    }
    args.addAll(context);
    args.addAll(extra);
    if (isOption) {
      args.add(name);
      args.add(value);
    } else if (command.get(0).equals("compare")) {
      // The value under test takes the place of the folder it stands for.
      args.set(args.indexOf("{tmp}/cmp-" + name.toLowerCase(java.util.Locale.ROOT)), value);
    } else {
      if (command.get(0).equals("plot")) {
        args.remove("{tmp}/plot-results"); // the value under test takes the results' place
      }
      args.add(value);
    }
    List<String> resolved = args.stream()
        .map(a -> a.replace("{tmp}", tmp.toString())
            .replace("{busy-port}", Integer.toString(busy.getLocalPort())))
        .toList();

    Set<Path> filesBefore = regularFiles();
    Set<Long> childrenBefore = children();
    long startNanos = System.nanoTime();
    CliRun run = CliRun.of(resolved.toArray(String[]::new));
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

    String what = "mpjbench " + String.join(" ", resolved) + "\n" + run.describe();
    // A path's message may name the path instead of the option ("machines file F, line 2: ...").
    String path = value.replace("{tmp}", tmp.toString());
    String named = !isOption || (isPath && run.err().contains(path)) ? path : name;
    assertAll(
        () -> assertEquals(UserError.USAGE, run.exitCode(), what),
        () -> assertEquals("", run.out(), what),
        () -> assertEquals(1, run.errLines().size(), what),
        () -> assertTrue(run.err().startsWith("mpjbench: "), what),
        () -> assertTrue(run.err().contains(named), () -> "does not name " + named + ": " + what),
        () -> assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), what),
        () -> assertEquals(filesBefore, regularFiles(), () -> "wrote a file: " + what),
        () -> assertEquals(childrenBefore, children(), () -> "started a process: " + what),
        () -> assertTrue(took.compareTo(QUICK) < 0, () -> "took " + took + ": " + what));
  }

  /** {@code args} without {@code option} and its value. */
  private static List<String> without(List<String> args, String option) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(option)) {
        if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
          i++; // its value too (no context option takes a value that starts with '-')
        }
      } else {
        kept.add(args.get(i));
      }
    }
    return kept;
  }

  private Set<Path> regularFiles() throws IOException {
    try (Stream<Path> files = Files.walk(tmp)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toSet());
    }
  }

  private static Set<Long> children() {
    return ProcessHandle.current().descendants().map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }
}
