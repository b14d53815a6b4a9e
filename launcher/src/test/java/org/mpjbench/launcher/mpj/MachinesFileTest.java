package org.mpjbench.launcher.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MachinesFile}: reading with comments, the schedulers' host lists (PBS, SGE, Slurm),
 * validation, locality and MPJ's clean copy.
 */
class MachinesFileTest {
  @TempDir Path tmp;

  @Test
  void readSkipsCommentsAndBlankLinesAndKeepsOrder() throws IOException {
    Path file = write("machines.txt",
        "# the cluster\n\nnode-02.example.org\n   10.0.0.7  \n\t# indented comment\nnode-01\n\n");
    MachinesFile machines = MachinesFile.read(file);
    assertEquals(List.of("node-02.example.org", "10.0.0.7", "node-01"), machines.hosts());
    assertEquals(file, machines.source());
  }

  @Test
  void readAcceptsWindowsLineEndings() throws IOException {
    Path file = write("crlf.txt", "# hosts\r\nlocalhost\r\n127.0.0.1\r\n");
    assertEquals(List.of("localhost", "127.0.0.1"), MachinesFile.read(file).hosts());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "node7", "a.b-c_d", "fe80::1", "10.1.2.3",
      "::ffff:10.0.0.1", "host.example.org", "255.255.255.255", "2001:db8::8a2e:370:7334"})
  void readAcceptsHostNamesAndAddresses(String host) throws IOException {
    Path file = write("one.txt", "# one host\n" + host + "\n");
    assertEquals(List.of(host), MachinesFile.read(file).hosts());
  }

  @ParameterizedTest
  @ValueSource(strings = {"host name", "host;rm", "host name;rm", "-dash", "user@host", "$(id)",
      "h\u00f6st", "host # comment", ".dot"})
  void readRejectsAnythingElseNamingTheLine(String line) throws IOException {
    Path file = write("bad.txt", "# comment\nlocalhost\n\n" + line + "\nlocalhost\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + line + "'"), e.getMessage());
  }

  /** Each malformed line fails with the file, the line number and what is wrong with it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "node1 node2        | it holds a space (one host name or address, nothing else)",
      "300.1.1.1          | it is not an IPv4 address",
      "10.0.0             | it is not an IPv4 address",
      "1.2.3.4.5          | it is not an IPv4 address",
      "-x                 | it starts with '-'",
      "fe80::zz           | it is not an IPv6 address",
      "1:2:3:4:5:6:7:8:9  | it is not an IPv6 address",
      "a..b               | it is not a host name",
      "host-.example      | it is not a host name",
  })
  void readSaysWhatIsWrongWithALine(String line, String reason) throws IOException {
    Path file = write("bad.txt", "# comment\nlocalhost\n" + line + "\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    String expected = "machines file " + file + ", line 3: '" + line + "' is not a host name or"
        + " address: " + reason;
    assertTrue(e.getMessage().startsWith(expected), () -> e.getMessage() + "\nexpected " + expected);
  }

  @Test
  void readRejectsANameLongerThanDnsAllowsAndALabelOfMoreThan63() throws IOException {
    String longName = "a".repeat(60) + ("." + "b".repeat(60)).repeat(4);
    Path file = write("long-name.txt", longName + "\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    assertTrue(e.getMessage().endsWith("it is longer than 253 characters"), e.getMessage());
    Path label = write("long-label.txt", "a".repeat(64) + ".example\n");
    e = assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(label));
    assertTrue(e.getMessage().contains("at most 63"), e.getMessage());
    assertEquals(List.of("a".repeat(63) + ".example"),
        MachinesFile.read(write("ok.txt", "a".repeat(63) + ".example\n")).hosts());
  }

  @Test
  void aControlCharacterIsShownEscapedSoTheMessageStaysOneLine() throws IOException {
    Path file = write("bell.txt", "localhost\nno\u0007de\u001b[31m\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    assertTrue(e.getMessage().contains("line 2: 'no\\u0007de\\u001b[31m'"), e.getMessage());
    assertTrue(e.getMessage().endsWith("it holds a control character"), e.getMessage());
    assertTrue(e.getMessage().codePoints().noneMatch(Character::isISOControl), e.getMessage());
  }

  static Stream<Arguments> notListsOfHosts() {
    return Stream.of(
        Arguments.of("binary", new byte[] {'l', 'o', 'c', 'a', 'l', 0, 1, 2, (byte) 0xff, '\n'},
            "is binary (it holds NUL bytes), not a list of hosts"),
        Arguments.of("latin-1", "h\u00f6st\n".getBytes(StandardCharsets.ISO_8859_1),
            "is not UTF-8 text, not a list of hosts"),
        Arguments.of("huge", "localhost\n".repeat(120_000).getBytes(StandardCharsets.UTF_8),
            "is larger than 1024 KiB: not a list of hosts"));
  }

  /** A file that is not a list of hosts at all is rejected whole, saying what it is. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("notListsOfHosts")
  void aFileThatIsNotTextIsNotReadAsHosts(String name, byte[] content, String what)
      throws IOException {
    Path file = Files.write(tmp.resolve(name), content);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    assertEquals("machines file " + file + " " + what, e.getMessage());
  }

  /** A regular file whose read fails even for root (reading one's own memory at offset 0). */
  @Test
  void anUnreadableFileSaysWhy() {
    Path file = Path.of("/proc/self/mem");
    Assumptions.assumeTrue(Files.isRegularFile(file), "needs Linux's /proc");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    assertTrue(e.getMessage().startsWith("machines file /proc/self/mem cannot be read ("),
        e.getMessage());
  }

  @Test
  void aFolderOrADeviceIsNotAMachinesFile() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(tmp));
    assertEquals("machines file " + tmp + " is a folder, not a file", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MachinesFile.read(Path.of("/dev/null")));
    assertEquals("machines file /dev/null is not a regular file", e.getMessage());
  }

  /** "::1", IPv6 loopback, is an address like "fe80::1"; the host pattern requires a letter or
   * digit first, so it is rejected as "not a host name or address". */
  @Test
  void readAcceptsTheIpv6Loopback() throws IOException {
    Path file = write("ipv6.txt", "::1\n");
    assertEquals(List.of("::1"), MachinesFile.read(file).hosts());
  }

  @Test
  void readAbbreviatesALongBadLine() throws IOException {
    String line = "x ".repeat(100);
    Path file = write("long.txt", line + "\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    assertTrue(e.getMessage().contains("..."), e.getMessage());
    assertFalse(e.getMessage().contains(line.strip()), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n", "# only\n# comments\n", "   \n  # indented\n"})
  void readRejectsAFileWithoutHosts(String content) throws IOException {
    Path file = write("empty.txt", content);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("lists no host"), e.getMessage());
  }

  @Test
  void readRejectsAMissingFile() {
    Path missing = tmp.resolve("missing.txt");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(missing));
    assertEquals("machines file " + missing + " does not exist", e.getMessage());
  }

  @Test
  void constructorRejectsNoHostAndCopiesTheList() {
    assertThrows(IllegalArgumentException.class, () -> new MachinesFile(null, List.of()));
    List<String> hosts = new ArrayList<>(List.of("a", "b"));
    MachinesFile machines = new MachinesFile(null, hosts);
    hosts.add("c");
    assertEquals(List.of("a", "b"), machines.hosts());
    assertThrows(UnsupportedOperationException.class, () -> machines.hosts().add("d"));
  }

  @Test
  void localhostIsJustThisMachine() {
    MachinesFile machines = MachinesFile.localhost();
    assertEquals(List.of("localhost"), machines.hosts());
    assertNull(machines.source());
    assertTrue(machines.allLocal());
  }

  @Test
  void allLocalForLocalhostAndLoopbackLines() throws IOException {
    Path file = write("local.txt", "# all here\nlocalhost\n127.0.0.1\nlocalhost\n127.0.0.1\n");
    assertTrue(MachinesFile.read(file).allLocal());
  }

  @Test
  void notAllLocalWhenOneHostIsElsewhere() throws IOException {
    Path file = write("mixed.txt", "localhost\nno-such-host.invalid\n127.0.0.1\n");
    assertFalse(MachinesFile.read(file).allLocal());
    assertFalse(new MachinesFile(null, List.of("127.0.0.1", "192.0.2.1")).allLocal());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "127.0.0.2", "0.0.0.0", "::1"})
  void isLocalForLoopbackAndWildcard(String host) {
    assertTrue(MachinesFile.isLocal(host), host);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-such-host.invalid", "192.0.2.1", "198.51.100.7"})
  void isLocalFalseForUnknownOrForeignHosts(String host) {
    assertFalse(MachinesFile.isLocal(host), host);
  }

  @Test
  void writeForMpjWritesOnlyTheHosts() throws IOException {
    Path source = write("machines.txt", "# header\n\n  node1  \n# middle\nnode2\nnode1\n\n");
    Path copy = tmp.resolve("mpj-machines");
    MachinesFile.read(source).writeForMpj(copy);
    assertEquals(List.of("node1", "node2", "node1"),
        Files.readAllLines(copy, StandardCharsets.UTF_8));
    assertEquals("node1\nnode2\nnode1\n".replace("\n", System.lineSeparator()),
        Files.readString(copy, StandardCharsets.UTF_8));
  }

  @Test
  void distinctHostsKeepsTheOrderOfFirstAppearance() {
    MachinesFile machines = new MachinesFile(null, List.of("b", "a", "b", "c", "a", "c"));
    assertEquals(List.of("b", "a", "c"), machines.distinctHosts());
    assertEquals(List.of("b", "a", "b", "c", "a", "c"), machines.hosts());
  }

  /** PBS/Torque's $PBS_NODEFILE repeats a host once per slot: each line is one slot. */
  @Test
  void readTakesAPbsNodefileAsOneSlotPerLine() throws IOException {
    Path file = write("pbs-nodefile", "n1\nn1\nn2\nn2\n");
    MachinesFile machines = MachinesFile.read(file);
    assertEquals(List.of("n1", "n1", "n2", "n2"), machines.hosts());
    assertEquals(List.of("n1", "n2"), machines.distinctHosts());
  }

  /** SGE's $PE_HOSTFILE: host, slots, queue, processors; the host once per slot. */
  @Test
  void readTakesAnSgeHostfileAsTheHostOncePerSlot() throws IOException {
    Path file = write("pe_hostfile", "node01.cluster 4 all.q@node01.cluster UNDEFINED\n"
        + "node02.cluster 1 all.q@node02.cluster UNDEFINED\n"
        + "node03.cluster 2 all.q@node03.cluster UNDEFINED\n");
    MachinesFile machines = MachinesFile.read(file);
    assertEquals(List.of("node01.cluster", "node01.cluster", "node01.cluster", "node01.cluster",
        "node02.cluster", "node03.cluster", "node03.cluster"), machines.hosts());
    assertEquals(List.of("node01.cluster", "node02.cluster", "node03.cluster"),
        machines.distinctHosts());
  }

  @Test
  void readExpandsSlurmHostListsInOrder() throws IOException {
    Path file = write("slurm.txt", "# from $SLURM_JOB_NODELIST\nnode[01-03,07]\n"
        + "a[1-2],b3,c[5,7-8]\nh[1-4]\n");
    assertEquals(List.of("node01", "node02", "node03", "node07", "a1", "a2", "b3", "c5", "c7",
        "c8", "h1", "h2", "h3", "h4"), MachinesFile.read(file).hosts());
  }

  @Test
  void readTakesTheFormatsMixedLineByLine() throws IOException {
    Path file = write("mixed.txt", "localhost\n  gpu[1-2]  \n# SGE\nbig 2 all.q UNDEFINED\n"
        + "localhost\n");
    assertEquals(List.of("localhost", "gpu1", "gpu2", "big", "big", "localhost"),
        MachinesFile.read(file).hosts());
  }

  /** MPJ reads one host per line: it gets the expanded list, one line per slot. */
  @Test
  void writeForMpjWritesTheExpandedHostsOnePerLine() throws IOException {
    Path source = write("batch.txt", "n[1-2]\nbig 3 all.q@big UNDEFINED\n");
    Path copy = tmp.resolve("mpj-machines");
    MachinesFile.read(source).writeForMpj(copy);
    assertEquals(List.of("n1", "n2", "big", "big", "big"),
        Files.readAllLines(copy, StandardCharsets.UTF_8));
  }

  /** Each error is one line naming the file, the line, what the line is not and why. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "h[3-1]              | a Slurm host list (like node[01-04,07],gpu1): the range '3-1' runs"
          + " backwards (smaller number first)",
      "h[1-                | a Slurm host list (like node[01-04,07],gpu1): a '[' is not closed"
          + " by ']'",
      "h[]                 | a Slurm host list (like node[01-04,07],gpu1): '[]' holds no number",
      "h[1-[2]]            | a Slurm host list (like node[01-04,07],gpu1): it nests brackets (a"
          + " '[' inside '[...]')",
      "h[1-x]              | a Slurm host list (like node[01-04,07],gpu1): '1-x' in brackets is"
          + " not a number or a range of two numbers like 1-4",
      "n01 0 all.q UNDEFINED | an SGE host line (host slots queue processors): its slots '0' is"
          + " not a whole number from 1 to 1024",
      "n01 2000 all.q      | an SGE host line (host slots queue processors): its slots '2000' is"
          + " not a whole number from 1 to 1024",
      "h[1-70000]          | within the 65536 hosts a machines file may list: with the lines"
          + " before it (1 host), the file would list more than 65536 hosts",
  })
  void readNamesTheFileAndLineOfABatchListItCannotTake(String line, String why)
      throws IOException {
    Path file = write("bad-batch.txt", "# comment\nlocalhost\n" + line + "\nlocalhost\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    assertEquals("machines file " + file + ", line 3: '" + line + "' is not " + why,
        e.getMessage());
  }

  @Test
  void readBoundsTheHostsOfTheWholeFile() throws IOException {
    assertEquals(65_536, MachinesFile.read(write("max.txt", "h[1-65536]\n")).hosts().size());
    Path file = write("too-many.txt", "# two lists\nh[1-40000]\n\ng[1-30000]\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(file));
    assertEquals("machines file " + file + ", line 4: 'g[1-30000]' is not within the 65536 hosts"
        + " a machines file may list: with the lines before it (40000 hosts), the file would list"
        + " more than 65536 hosts", e.getMessage());
    Path lastOneTooMany = write("one-more.txt", "h[1-65536]\nlocalhost\n");
    e = assertThrows(IllegalArgumentException.class, () -> MachinesFile.read(lastOneTooMany));
    assertTrue(e.getMessage().startsWith("machines file " + lastOneTooMany + ", line 2:"
        + " 'localhost' is not within the 65536 hosts"), e.getMessage());
  }

  /** The host that does not resolve is found on its line even inside a list or an SGE line. */
  @Test
  void checkResolvableNamesTheLineOfAnExpandedHost() throws IOException {
    Path file = write("unresolvable.txt",
        "localhost 2 all.q UNDEFINED\n# next\nlocalhost,nowhere[1-2].invalid\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MachinesFile.read(file).checkResolvable());
    assertTrue(e.getMessage().startsWith("machines file " + file + ", line 3: host"
        + " 'nowhere1.invalid' cannot be resolved"), e.getMessage());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
  }
}
