package org.mpjbench.kernels.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamingPureTest {
  @Test
  void codecRoundTripsNamesAndBoundsTheirLength() {
    long[] message = new long[2 + NameCodec.WORDS];
    for (String name :
        List.of("", "a", "printer-3-4", "eu/node-2/sqrt-5", "zürich/ü", "x".repeat(128))) {
      NameCodec.encode(name, message, 2);
      assertEquals(name, NameCodec.decode(message, 2));
    }
    assertThrows(IllegalArgumentException.class,
        () -> NameCodec.encode("x".repeat(129), message, 2));
    message[2] = 500;
    assertThrows(IllegalArgumentException.class, () -> NameCodec.decode(message, 2));
  }

  @Test
  void treeResolvesThroughDirectoriesAndExplainsMisses() {
    DirectoryTree tree = new DirectoryTree();
    assertEquals(NameServer.STATUS_OK, tree.bind("eu/node-2/sqrt", 42));
    assertEquals(NameServer.STATUS_OK, tree.bind("eu/node-2/time", 43));
    assertEquals(NameServer.STATUS_OK, tree.bind("us/node-1/sqrt", 44));
    assertEquals(NameServer.STATUS_DUPLICATE, tree.bind("eu/node-2/sqrt", 7));
    assertEquals(NameServer.STATUS_MALFORMED, tree.bind("eu//sqrt", 7));
    assertEquals(NameServer.STATUS_MALFORMED, tree.bind("eu/node-2/sqrt/deeper", 7));
    assertEquals(NameServer.STATUS_MALFORMED, tree.bind("eu/node-2", 7));
    assertEquals(3, tree.size());
    assertEquals(NameServer.Resolution.found(42), tree.resolve("eu/node-2/sqrt"));
    assertEquals(NameServer.Resolution.found(44), tree.resolve("us/node-1/sqrt"));
    assertEquals(NameServer.Resolution.miss(NameServer.MISS_NO_SUCH_NAME),
        tree.resolve("eu/node-2/mail"));
    assertEquals(NameServer.Resolution.miss(NameServer.MISS_NO_SUCH_DIRECTORY),
        tree.resolve("mars/node-2/sqrt"));
    assertEquals(NameServer.Resolution.miss(NameServer.MISS_NO_SUCH_DIRECTORY),
        tree.resolve("eu/node-9/sqrt"));
    assertEquals(NameServer.Resolution.miss(NameServer.MISS_MALFORMED), tree.resolve("eu//x"));
  }

  @Test
  void serverKeepsFlatAndHierarchicalNamesApart() {
    NameServer server = new NameServer();
    assertEquals(NameServer.STATUS_OK, server.register("printer-3", 5));
    assertEquals(NameServer.STATUS_DUPLICATE, server.register("printer-3", 6));
    assertEquals(NameServer.STATUS_OK, server.register("eu/node-2/sqrt", 7));
    assertEquals(NameServer.STATUS_MALFORMED, server.register("", 7));
    assertEquals(2, server.size());
    assertEquals(NameServer.Resolution.found(5), server.resolve("printer-3"));
    assertEquals(NameServer.Resolution.found(7), server.resolve("eu/node-2/sqrt"));
    assertEquals(NameServer.Resolution.miss(NameServer.MISS_NO_SUCH_NAME),
        server.resolve("disk-1"));
  }

  @Test
  void workloadIsSeededUniqueAndItsGroundTruthMatchesTheServer() {
    NamingWorkload workload = new NamingWorkload(7, 4, 20, 200, 0.1);
    assertEquals(List.of(1, 2, 3), workload.clients());
    assertEquals(List.of(0), new NamingWorkload(7, 1, 20, 200, 0.1).clients());
    NameServer server = new NameServer();
    Set<String> names = new HashSet<>();
    for (int rank : workload.clients()) {
      for (int i = 0; i < 20; i++) {
        String name = workload.name(rank, i);
        assertTrue(names.add(name), name);
        assertEquals(i % 2 == 1, name.contains("/"), name);
        assertEquals(NameServer.STATUS_OK, server.register(name, NamingWorkload.address(rank, i)));
      }
    }
    int misses = 0;
    for (int rank : workload.clients()) {
      List<NamingWorkload.Lookup> lookups = workload.lookups(rank);
      assertEquals(lookups, new NamingWorkload(7, 4, 20, 200, 0.1).lookups(rank));
      for (NamingWorkload.Lookup lookup : lookups) {
        assertEquals(lookup.expected(), server.resolve(lookup.name()), lookup.name());
        misses += lookup.expected().found() ? 0 : 1;
      }
    }
    assertTrue(misses > 20 && misses < 120, "about 10% of 600: " + misses);
  }

  private static NamingCheck.ClientTrace goodTrace() {
    NamingWorkload workload = new NamingWorkload(3, 3, 4, 50, 0.2);
    List<NamingWorkload.Lookup> lookups = workload.lookups(1);
    List<NameServer.Resolution> answers = new ArrayList<>();
    lookups.forEach(l -> answers.add(l.expected()));
    return new NamingCheck.ClientTrace(1, lookups, answers);
  }

  @Test
  void checkerAcceptsRightAnswers() {
    var check = NamingCheck.check(List.of(goodTrace()));
    assertTrue(check.holds(), check.detail());
    assertTrue(check.detail().contains("1 client(s)"), check.detail());
  }

  @Test
  void checkerRejectsAWrongAddress() {
    NamingCheck.ClientTrace trace = goodTrace();
    int j = 0;
    while (!trace.lookups().get(j).expected().found()) {
      j++;
    }
    List<NameServer.Resolution> answers = new ArrayList<>(trace.answers());
    answers.set(j, NameServer.Resolution.found(answers.get(j).value() + 1));
    var check = NamingCheck.check(
        List.of(new NamingCheck.ClientTrace(1, trace.lookups(), answers)));
    assertFalse(check.holds());
    assertTrue(check.detail().contains("lookup " + j), check.detail());
  }

  @Test
  void checkerRejectsAMissReportedAsFound() {
    NamingCheck.ClientTrace trace = goodTrace();
    int j = 0;
    while (trace.lookups().get(j).expected().found()) {
      j++;
    }
    List<NameServer.Resolution> answers = new ArrayList<>(trace.answers());
    answers.set(j, NameServer.Resolution.found(NamingWorkload.address(2, 1)));
    var check = NamingCheck.check(
        List.of(new NamingCheck.ClientTrace(1, trace.lookups(), answers)));
    assertFalse(check.holds());
    assertTrue(check.detail().contains("got found rank 2 index 1, expected miss"),
        check.detail());
  }

  @Test
  void checkerRejectsAMissingAnswer() {
    NamingCheck.ClientTrace trace = goodTrace();
    var check = NamingCheck.check(List.of(new NamingCheck.ClientTrace(1, trace.lookups(),
        trace.answers().subList(0, trace.answers().size() - 1))));
    assertFalse(check.holds());
    assertTrue(check.detail().contains("49 answers to 50 lookups"), check.detail());
  }

  @Test
  void parametersNameTheOption() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new NamingParameters(20, 200, 1.5, 1, 1000));
    assertTrue(e.getMessage().startsWith("--miss-ratio"));
  }
}
