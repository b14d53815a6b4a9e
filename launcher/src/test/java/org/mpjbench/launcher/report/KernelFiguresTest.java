package org.mpjbench.launcher.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.launcher.charts.ResultFixtures.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import org.mpjbench.launcher.charts.KernelFixtures;
import org.mpjbench.launcher.charts.ResultFixtures;

/** {@link KernelFigures}: each kernel's figures read from its result's shape, and loud gaps. */
class KernelFiguresTest {

  private static RunFigures figures(ObjectNode run) {
    return KernelFigures.of(record(run));
  }

  @Test
  void everyKernelHasFiguresAndTheAlgorithmKernelsCheckAProperty() {
    for (KernelDescriptor<?, ?> descriptor : Kernels.all()) {
      KernelFigures kernel = KernelFigures.named(descriptor.name());
      assertEquals(descriptor.name(), kernel.kernelName());
      assertEquals(kernel, KernelFigures.byName(descriptor.name()).orElseThrow());
      boolean headline = descriptor.name().equals("berkeley")
          || descriptor.name().equals("download");
      assertEquals(!headline, kernel.checksProperty(), descriptor::name);
      assertFalse(kernel.operation().isBlank());
    }
    assertEquals(Kernels.all().size(), KernelFigures.all().size());
    assertTrue(KernelFigures.byName("paxos").isEmpty());
    assertTrue(KernelFigures.byName(null).isEmpty());
  }

  @Test
  void ricartAgrawalaCountsEntries() {
    RunFigures run = figures(KernelFixtures.mutex("ricart-agrawala", 4, 80, 480, 4_047_885,
        496.6));
    assertEquals(KernelFigures.named("ricart-agrawala"), run.kernel());
    assertEquals("entry", run.kernel().operation());
    assertEquals(Boolean.TRUE, run.propertyHolds());
    assertEquals(480L, run.messages());
    assertEquals(80L, run.operations());
    assertEquals(6.0, run.messagesPerOperation(), 1e-12);
    assertEquals(4_047_885L, run.medianLatencyNanos());
    assertEquals(496.6, run.operationsPerSecond(), 1e-12);
    assertNull(run.baselineRoundTripNanos());
    assertEquals("property holds, 480 messages; 6.00 messages per entry (2(K−1) = 6), median"
        + " wait 4.05 ms, 497 entries/s", run.brief());
    assertEquals(6.0, run.kernel().expectation().perRanks().applyAsDouble(4), 1e-12);
    assertFalse(run.kernel().expectation().atMost());
    assertTrue(KernelFigures.named("suzuki-kasami").expectation().atMost());
    assertEquals(4.0, KernelFigures.named("suzuki-kasami").expectation().perRanks().applyAsDouble(4));
  }

  @Test
  void suzukiKasamiSaysItsBound() {
    RunFigures run = figures(KernelFixtures.mutex("suzuki-kasami", 4, 80, 304, 2_492_300,
        441.0));
    assertEquals(3.8, run.messagesPerOperation(), 1e-12);
    assertTrue(run.headline().startsWith("3.80 messages per entry (at most K = 4)"),
        run.headline());
  }

  @Test
  void cristianCountsOneSyncPerClient() {
    RunFigures run = figures(KernelFixtures.cristian(4, 9_112_148, 11_111_273, 8_000_000));
    assertEquals("sync", run.kernel().operation());
    assertEquals(3L, run.operations());
    assertEquals(48L, run.messages());
    assertEquals(16.0, run.messagesPerOperation(), 1e-12);
    assertEquals(9_112_148L, run.medianLatencyNanos(), "median of the clients' syncs");
    assertNull(run.operationsPerSecond());
    assertEquals(265_839L, run.baselineRoundTripNanos());
    assertEquals("round trip median 689 µs (ping-pong 266 µs), true error after the sync at most"
        + " 163 µs", run.headline());

    RunFigures even = figures(KernelFixtures.cristian(3, 1_000, 3_000));
    assertEquals(2_000L, even.medianLatencyNanos(), "the mean of the middle two");

    RunFigures alone = figures(KernelFixtures.cristian(1));
    assertEquals(0L, alone.operations());
    assertNull(alone.medianLatencyNanos());
    assertNull(alone.messagesPerOperation());
    assertNull(alone.baselineRoundTripNanos(), "0 means none measured");
    assertEquals("property holds, 0 messages; no client to sync with 1 rank", alone.brief());
  }

  @Test
  void lamportTimesItsMessages() {
    RunFigures run = figures(KernelFixtures.lamport(4, 200, 330_208, 100_000_000));
    assertEquals(200L, run.operations());
    assertEquals(1.0, run.messagesPerOperation(), 1e-12);
    assertEquals(330_208L, run.medianLatencyNanos());
    assertEquals(2_000.0, run.operationsPerSecond(), 1e-9);
    assertEquals("median message 330 µs, 410 events, largest Lamport stamp 307", run.headline());

    RunFigures alone = figures(KernelFixtures.lamport(1, 0, 0, 6_424_650));
    assertNull(alone.medianLatencyNanos(), "no message, no latency (the kernel writes 0)");
    assertNull(alone.operationsPerSecond());
    assertTrue(alone.headline().startsWith("no messages with 1 rank"), alone.headline());
  }

  @Test
  void electionsAreOneOperationTimedUntilEveryRankKnows() {
    RunFigures bully = figures(KernelFixtures.election("bully", 4, 3, 216_204_594));
    assertEquals("election", bully.kernel().operation());
    assertEquals(1L, bully.operations());
    assertEquals(3.0, bully.messagesPerOperation(), 1e-12);
    assertEquals(216_204_594L, bully.medianLatencyNanos());
    assertNull(bully.operationsPerSecond());
    assertEquals("coordinator 2 known to every live rank after 216 ms; messages within bounds 3"
        + " to 3", bully.headline());
    RunFigures ring = figures(KernelFixtures.election("ring", 4, 13, 227_782_767));
    assertEquals(13.0, ring.messagesPerOperation(), 1e-12);
    assertTrue(ring.headline().endsWith("; 13 predicted"), ring.headline());
  }

  @Test
  void multicastLoadBalanceNamingAndRemoteCall() {
    RunFigures multicast = figures(KernelFixtures.multicast(4, 200, 312_097, 200_000_000));
    assertEquals(200L, multicast.operations());
    assertEquals(3.0, multicast.messagesPerOperation(), 1e-12, "K-1 per Bcast");
    assertEquals(312_097L, multicast.medianLatencyNanos());
    assertEquals(1_000.0, multicast.operationsPerSecond(), 1e-9, "multicasts, not deliveries");
    assertEquals("800 deliveries, median latency 312 µs, 4,000 deliveries/s",
        multicast.headline());

    RunFigures balance = figures(KernelFixtures.loadBalance(3, 1212, 40_833_514, 90_155_005,
        77_944_700, 31_900_295));
    assertEquals("task", balance.kernel().operation());
    assertEquals(600L, balance.operations(), "200 tasks under each of three policies");
    assertEquals(2.02, balance.messagesPerOperation(), 1e-12);
    assertEquals(40_833_514L, balance.medianLatencyNanos());
    assertEquals(600 * 1e9 / (90_155_005L + 77_944_700L + 31_900_295L),
        balance.operationsPerSecond(), 1e-9);
    assertEquals("makespan round-robin 90.2 ms, least-loaded 77.9 ms, work-stealing 31.9 ms;"
        + " bound 32.1 ms", balance.headline());

    RunFigures naming = figures(KernelFixtures.naming(4, 600, 1320, 441_426, 1977.76));
    assertEquals(2.2, naming.messagesPerOperation(), 1e-12);
    assertEquals(1977.76, naming.operationsPerSecond(), 1e-9);
    assertEquals("540 resolved, 60 missed, median lookup 441 µs, 1,978 lookups/s",
        naming.headline());

    RunFigures call = figures(KernelFixtures.remoteCall(4, 600, 1206, 275_812, 3251.3, 233_181));
    assertEquals(2.01, call.messagesPerOperation(), 1e-12);
    assertEquals(275_812L, call.medianLatencyNanos());
    assertEquals(233_181L, call.baselineRoundTripNanos());
    assertEquals("600 calls, median 276 µs (ping-pong 233 µs), 3,251 calls/s", call.headline());
  }

  @Test
  void berkeleyAndDownloadKeepTheirHeadlinesAndColumns() {
    ObjectNode berkeley = ResultFixtures.berkeley(4, 27_000_000, 20_000, 784);
    ((ObjectNode) berkeley.at("/result/summary")).put("medianRoundNanos", 1_730_000)
        .put("roundsPerSecond", 336.0);
    RunFigures round = figures(berkeley);
    assertNull(round.propertyHolds());
    assertNull(round.messages());
    assertEquals(3L, round.operations());
    assertEquals(1_730_000L, round.medianLatencyNanos());
    assertEquals(336.0, round.operationsPerSecond());
    assertEquals("final skew 784 ns", round.brief());
    assertEquals("784", KernelFigures.named("berkeley").column("final_skew_ns").cell(KernelFigures.of(record(berkeley))));

    ObjectNode downloadRun = ResultFixtures.download(4, 8.0, 0.9);
    RunFigures download = figures(downloadRun);
    assertEquals("draw", download.kernel().operation());
    assertEquals(7200L, download.operations(), "D = E·K·R·T");
    assertEquals(900.0, download.operationsPerSecond(), 1e-9);
    assertNull(download.medianLatencyNanos());
    assertTrue(download.brief().matches("T = 8\\.00 s \\(bound 7\\.49 s\\), E = 0\\.900"),
        download.brief());
    assertEquals("8.0000",
        KernelFigures.named("download").column("master_complete_s").cell(KernelFigures.of(record(downloadRun))));
  }

  @Test
  void aViolatedPropertyIsAFalseVerdictAndOtherFailuresNone() {
    RunFigures violated = figures(KernelFixtures.violated("ricart-agrawala", 3));
    assertFalse(violated.complete());
    assertEquals(Boolean.FALSE, violated.propertyHolds());
    assertNull(violated.messages());
    assertNull(violated.operations());
    RunFigures died = figures(ResultFixtures.incomplete("ricart-agrawala", 3, "failed"));
    assertNull(died.propertyHolds(), "a rank that died says nothing about the property");
    RunFigures berkeley = figures(ResultFixtures.incomplete("berkeley", 3, "interrupted"));
    assertNull(berkeley.propertyHolds());
  }

  @Test
  void aCompleteRunWithoutAFigureItsKernelWritesIsAnErrorNamingIt() {
    ObjectNode run = KernelFixtures.mutex("suzuki-kasami", 4, 80, 304, 2_492_300, 441.0);
    ((ObjectNode) run.at("/result/figures")).remove("medianWaitNanos");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> figures(run));
    assertTrue(e.getMessage().matches("run suzuki-kasami-4r-multicore-\\d{8}T\\d{6}Z has no"
        + " result\\.figures\\.medianWaitNanos \\(its suzuki-kasami result is incomplete\\)"),
        e.getMessage());

    ObjectNode policies = KernelFixtures.loadBalance(3, 10, 1_000, 5_000);
    ((ObjectNode) policies.at("/result/policies/0")).remove("makespanNanos");
    e = assertThrows(IllegalArgumentException.class, () -> figures(policies));
    assertTrue(e.getMessage().matches("run load-balance-3r-multicore-\\d{8}T\\d{6}Z has no"
        + " result\\.policies\\[0\\]\\.makespanNanos"
        + " \\(its load-balance result is incomplete\\)"),
        e.getMessage());

    ObjectNode stranger = KernelFixtures.naming(2, 10, 22, 1_000, 5.0);
    stranger.put("kernel", "paxos");
    e = assertThrows(IllegalArgumentException.class, () -> figures(stranger));
    assertTrue(e.getMessage().endsWith("is of kernel 'paxos', which has no figures"),
        e.getMessage());
  }

  @Test
  void mediansSkipMissingValues() {
    assertNull(Medians.of(List.of()));
    assertEquals(2.0, Medians.of(Arrays.asList(3, null, 1, 2)));
    assertEquals(2.5, Medians.of(List.of(4L, 1L, 2L, 3L)));
    assertEquals(6.0, Medians.of(List.of("ab", "abcdef", "abcdefghij"), s -> s.length()));
  }
}
