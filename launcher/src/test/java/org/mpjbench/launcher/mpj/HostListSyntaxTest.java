package org.mpjbench.launcher.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HostListSyntax}: one machines-file line to its hosts, per scheduler syntax. */
class HostListSyntaxTest {
  private static final int ROOM = HostListSyntax.MAX_HOSTS;

  private static List<String> hosts(String line) {
    return HostListSyntax.hosts(line, ROOM);
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.asList(commaSeparated.split(","));
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "node-01.cluster", "10.0.0.7", "fe80::1"})
  void aPlainHostIsItself(String host) {
    assertEquals(List.of(host), hosts(host));
  }

  /** Lines as SGE writes $PE_HOSTFILE: the host once per slot; queue and processors ignored. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "node01.cluster 4 all.q@node01.cluster UNDEFINED | node01.cluster | 4",
      "node02 1 all.q@node02 UNDEFINED                 | node02         | 1",
      "node03\t2\tbig.q@node03\t0,0:0,1                | node03         | 2",
      "node04 3 all.q                                  | node04         | 3",
      "node05 1024                                     | node05         | 1024",
      "10.0.0.9   +2   q                               | 10.0.0.9       | 2",
  })
  void anSgeLineIsItsHostOncePerSlot(String line, String host, int slots) {
    assertEquals(Collections.nCopies(slots, host), hosts(line));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "h[1-4]                 | h1,h2,h3,h4",
      "node[01-03,07]         | node01,node02,node03,node07",
      "a[1-2],b3,c[5,7-8]     | a1,a2,b3,c5,c7,c8",
      "n1,n2                  | n1,n2",
      "node[08-11]            | node08,node09,node10,node11",
      "node[8-11]             | node8,node9,node10,node11",
      "node[007]              | node007",
      "rack[1-2]-n[1-2].local | rack1-n1.local,rack1-n2.local,rack2-n1.local,rack2-n2.local",
      "10.0.0.[1-3]           | 10.0.0.1,10.0.0.2,10.0.0.3",
      "x[3-3]                 | x3",
  })
  void aSlurmListExpandsInOrderKeepingTheZeroPadding(String line, String expected) {
    assertEquals(list(expected), hosts(line));
  }

  /** Each malformed Slurm list says what is wrong with it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "h[3-1]          | the range '3-1' runs backwards (smaller number first)",
      "h[1-            | a '[' is not closed by ']'",
      "h[]             | '[]' holds no number",
      "h[1-[2-3]]      | it nests brackets (a '[' inside '[...]')",
      "h[a-c]          | 'a-c' in brackets is not a number or a range of two numbers like 1-4",
      "h[1-b]          | '1-b' in brackets is not a number or a range of two numbers like 1-4",
      "h[1--2]         | '1--2' in brackets is not a number or a range of two numbers like 1-4",
      "h[1,,2]         | it has an empty range in '[1,,2]'",
      "h1]             | it has a ']' with no '[' before it",
      "a,,b            | it has an empty name between commas",
      "a[1-2],         | it has an empty name between commas",
      "h[1234567890]   | '1234567890' in brackets has a number of more than 9 digits",
      "-h[1-2]         | its host '-h1': it starts with '-'",
      "h[1-2]..x       | its host 'h1..x': it is not a host name (letters, digits, '-' and '_'"
          + " between dots, at most 63 between two dots)",
  })
  void aMalformedSlurmListSaysWhy(String line, String reason) {
    HostListSyntax.BadLine e =
        assertThrows(HostListSyntax.BadLine.class, () -> hosts(line));
    assertEquals(HostListSyntax.SLURM, e.notWhat());
    assertEquals(reason, e.reason());
    assertEquals(HostListSyntax.SLURM + ": " + reason, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1025", "-1", "99999999999999", "+0"})
  void anSgeLineWithBadSlotsSaysSo(String slots) {
    HostListSyntax.BadLine e = assertThrows(HostListSyntax.BadLine.class,
        () -> hosts("node01 " + slots + " all.q@node01 UNDEFINED"));
    assertEquals(HostListSyntax.SGE, e.notWhat());
    assertEquals("its slots '" + slots + "' is not a whole number from 1 to 1024", e.reason());
  }

  @Test
  void anSgeLineWithABadHostNamesIt() {
    HostListSyntax.BadLine e =
        assertThrows(HostListSyntax.BadLine.class, () -> hosts("no!de 2 all.q UNDEFINED"));
    assertEquals(HostListSyntax.SGE, e.notWhat());
    assertTrue(e.reason().startsWith("host 'no!de': it is not a host name"), e.reason());
  }

  /** Only 2 to 4 fields with a number second are SGE; other spaced lines are bad hosts. */
  @ParameterizedTest
  @ValueSource(strings = {"node1 node2", "node1 4 q p extra", "node1 four q", "node1 4x q",
      "h[1-2] h3", "a, b"})
  void otherLinesWithSpacesAreNotHosts(String line) {
    HostListSyntax.BadLine e = assertThrows(HostListSyntax.BadLine.class, () -> hosts(line));
    assertEquals(HostListSyntax.HOST, e.notWhat());
    assertEquals("it holds a space (one host name or address, nothing else)", e.reason());
  }

  @Test
  void theExpansionIsBoundedBeforeItIsMade() {
    assertEquals(HostListSyntax.MAX_HOSTS, hosts("h[1-65536]").size());
    for (String line : List.of("h[1-65537]", "h[1-999999999]",
        "h[1-999999999]x[1-999999999]y[1-999999999]", "a[1-40000],b[1-40000]",
        "a[1-300]b[1-300]")) {
      HostListSyntax.BadLine e = assertThrows(HostListSyntax.BadLine.class, () -> hosts(line));
      assertEquals(HostListSyntax.WITHIN_LIMIT, e.notWhat(), line);
      assertEquals("it gives more than 65536 hosts", e.reason(), line);
    }
  }

  @Test
  void theRoomLeftCountsTheHostsOfEarlierLines() {
    assertEquals(List.of("a1", "a2"), HostListSyntax.hosts("a[1-2]", 2));
    for (String line : List.of("a[1-3]", "a1,a2,a3", "a 3 all.q UNDEFINED")) {
      HostListSyntax.BadLine e =
          assertThrows(HostListSyntax.BadLine.class, () -> HostListSyntax.hosts(line, 2));
      assertEquals("with the lines before it (65534 hosts), the file would list more than"
          + " 65536 hosts", e.reason(), line);
    }
    HostListSyntax.BadLine e =
        assertThrows(HostListSyntax.BadLine.class, () -> HostListSyntax.hosts("one", 0));
    assertEquals(HostListSyntax.WITHIN_LIMIT, e.notWhat());
    e = assertThrows(HostListSyntax.BadLine.class,
        () -> HostListSyntax.hosts("h[1-65536]", HostListSyntax.MAX_HOSTS - 1));
    assertEquals("with the lines before it (1 host), the file would list more than 65536 hosts",
        e.reason());
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "+4, 4", "1024, 1024", "0, -1", "1025, -1", "-3, -1", "x, -1", "'', -1"})
  void slotsAreAWholeNumberFromOneTo1024(String text, int slots) {
    assertEquals(slots, HostListSyntax.slots(text));
  }

  /** A control character makes the line a bad host whatever else it holds, and says so. */
  @ParameterizedTest
  @ValueSource(strings = {"no\u0007de[1-2]", "a,\u001b[31m", "x\u0000 2 q"})
  void aControlCharacterIsABadHost(String line) {
    HostListSyntax.BadLine e = assertThrows(HostListSyntax.BadLine.class, () -> hosts(line));
    assertTrue(e.reason().endsWith("it holds a control character"), e.reason());
  }

  @Test
  void abbreviateEscapesControlCharactersAndCutsAt60() {
    assertEquals("a\\u0007b", HostListSyntax.abbreviate("a\u0007b"));
    assertEquals("x".repeat(57) + "...", HostListSyntax.abbreviate("x".repeat(61)));
    assertEquals("x".repeat(60), HostListSyntax.abbreviate("x".repeat(60)));
  }
}
