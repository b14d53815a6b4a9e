package org.mpjbench.launcher.charts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;

/**
 * Result files of the algorithm kernels made up for tests, in the shapes the kernels write: one
 * builder per kernel, with the figures the test wants to find again. A kernel read through its
 * descriptor reads its result typed and strictly (a missing field is an error), so its result is
 * completed ({@link #typed}): every field of its result record present, the ones the test does not
 * set at zero.
 */
public final class KernelFixtures {
  private KernelFixtures() {}

  /**
   * {@code run} with its result completed as its kernel's result record would write it: read
   * leniently (a field the fixture leaves out is zero, false or null), written back whole.
   */
  static ObjectNode typed(ObjectNode run) {
    KernelDescriptor<?, ?> kernel = Kernels.byName(run.get("kernel").asText()).orElseThrow();
    try {
      Object result = ControlCodec.mapper().treeToValue(run.get("result"), kernel.resultType());
      run.set("result", ControlCodec.mapper().valueToTree(result));
      return run;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code run}, a complete run, with its result's latency distribution set. */
  public static ObjectNode withLatency(ObjectNode run, long p50Nanos, long p90Nanos,
      long p99Nanos, long maxNanos) {
    ((ObjectNode) run.get("result")).putObject("latency").put("p50Nanos", p50Nanos)
        .put("p90Nanos", p90Nanos).put("p99Nanos", p99Nanos).put("maxNanos", maxNanos);
    return run;
  }

  /** Cristian: one client per entry of {@code syncNanos}; 8 requests and replies each. */
  public static ObjectNode cristian(int ranks, long... syncNanos) {
    ObjectNode run = complete("cristian", ranks, 16L * syncNanos.length);
    ObjectNode result = (ObjectNode) run.get("result");
    ArrayNode clients = result.putArray("clients");
    for (int i = 0; i < syncNanos.length; i++) {
      clients.addObject().put("rank", i + 1).put("minRoundTripNanos", 500_000)
          .put("medianRoundTripNanos", 700_000).put("trueErrorAfterNanos", 150_000)
          .put("syncNanos", syncNanos[i]);
    }
    result.put("maxTrueErrorBeforeNanos", 27_000_000).put("maxTrueErrorAfterNanos", 163_079)
        .put("medianRoundTripNanos", syncNanos.length == 0 ? 0 : 689_179)
        .put("baselineRoundTripNanos", syncNanos.length == 0 ? 0 : 265_839);
    return typed(run);
  }

  /** Lamport: {@code messages} messages in a pattern of {@code patternNanos}. */
  public static ObjectNode lamport(int ranks, long messages, long medianMessageNanos,
      long patternNanos) {
    ObjectNode run = complete("lamport", ranks, messages);
    ObjectNode result = (ObjectNode) run.get("result");
    result.put("events", 2 * messages + 10).put("localEvents", 10).put("vector", false)
        .put("maxLamportStamp", 307).put("medianMessageNanos", medianMessageNanos)
        .put("maxMessageNanos", 5 * medianMessageNanos).put("patternNanos", patternNanos);
    return typed(run);
  }

  /** Bully or ring: one election of {@code messages} messages, known to all after a latency. */
  public static ObjectNode election(String kernel, int ranks, long messages,
      long latencyMaxNanos) {
    ObjectNode run = complete(kernel, ranks, messages);
    ObjectNode result = (ObjectNode) run.get("result");
    result.put("coordinator", ranks - 2).put("latencyMedianNanos", latencyMaxNanos - 1_000_000)
        .put("latencyMaxNanos", latencyMaxNanos).put("predictedMessages", messages);
    result.putObject("bounds").put("lower", messages).put("upper", messages);
    return typed(run);
  }

  /** Suzuki-Kasami or Ricart-Agrawala: {@code entries} entries costing {@code messages}. */
  public static ObjectNode mutex(String kernel, int ranks, long entries, long messages,
      long medianWaitNanos, double entriesPerSecond) {
    ObjectNode run = complete(kernel, ranks, messages);
    ObjectNode result = (ObjectNode) run.get("result");
    result.putObject("figures").put("entries", entries)
        .put("messagesPerEntry", entries == 0 ? 0 : (double) messages / entries)
        .put("medianWaitNanos", medianWaitNanos).put("entriesPerSecond", entriesPerSecond);
    return typed(run);
  }

  /** Multicast: {@code multicasts} to the group of {@code ranks}, in {@code durationNanos}. */
  public static ObjectNode multicast(int ranks, long multicasts, long medianLatencyNanos,
      long durationNanos) {
    ObjectNode run = complete("multicast", ranks, multicasts * (ranks - 1));
    ObjectNode result = (ObjectNode) run.get("result");
    result.put("multicasts", multicasts).put("deliveries", multicasts * ranks)
        .put("durationNanos", durationNanos)
        .put("deliveriesPerSecond", multicasts * ranks * 1e9 / durationNanos)
        .put("medianLatencyNanos", medianLatencyNanos);
    return typed(run);
  }

  /** Load balance: 200 tasks under each policy, one makespan per policy. */
  public static ObjectNode loadBalance(int ranks, long messages, long medianTurnaroundNanos,
      long... makespanNanos) {
    ObjectNode run = complete("load-balance", ranks, messages);
    ObjectNode result = (ObjectNode) run.get("result");
    List<String> names = List.of("round-robin", "least-loaded", "work-stealing");
    ArrayNode policies = result.putArray("policies");
    for (int i = 0; i < makespanNanos.length; i++) {
      policies.addObject().put("policy", names.get(i)).put("makespanNanos", makespanNanos[i])
          .putArray("tasksPerWorker").add(100).add(100);
    }
    result.put("lowerBoundNanos", 32_081_144).put("medianTurnaroundNanos", medianTurnaroundNanos);
    return typed(run);
  }

  /** Naming: {@code lookups} lookups, a tenth of them misses. */
  public static ObjectNode naming(int ranks, long lookups, long messages, long medianLookupNanos,
      double lookupsPerSecond) {
    ObjectNode run = complete("naming", ranks, messages);
    ObjectNode result = (ObjectNode) run.get("result");
    result.put("lookups", lookups).put("hits", lookups - lookups / 10).put("misses", lookups / 10)
        .put("lookupsPerSecond", lookupsPerSecond).put("medianLookupNanos", medianLookupNanos);
    return typed(run);
  }

  /** Remote call: {@code calls} calls beside a ping-pong of {@code baselineRoundTripNanos}. */
  public static ObjectNode remoteCall(int ranks, long calls, long messages, long medianCallNanos,
      double callsPerSecond, long baselineRoundTripNanos) {
    ObjectNode run = complete("remote-call", ranks, messages);
    ObjectNode result = (ObjectNode) run.get("result");
    result.put("calls", calls).put("callsPerSecond", callsPerSecond)
        .put("medianCallNanos", medianCallNanos)
        .put("baselineRoundTripNanos", baselineRoundTripNanos);
    return typed(run);
  }

  /** A run of {@code kernel} failed by its own check, as the launcher records it. */
  public static ObjectNode violated(String kernel, int ranks) {
    ObjectNode run = ResultFixtures.incomplete(kernel, ranks, "failed");
    run.putObject("error").put("rank", 0).put("host", "vm")
        .put("message", "rank 0 on vm failed: ViolationException: property violated: mutual"
            + " exclusion: rank 1 entered while rank 2 was inside")
        .put("detail", "org.mpjbench.kernels.check.PropertyCheck$ViolationException: property"
            + " violated: ...")
        .putObject("violation").put("property", "mutual exclusion").put("holds", false)
        .put("detail", "rank 1 entered while rank 2 was inside");
    return run;
  }

  /** A complete run of {@code kernel} whose property held, with its message count. */
  private static ObjectNode complete(String kernel, int ranks, long messages) {
    ObjectNode run = ResultFixtures.base(kernel, ranks, "complete");
    ObjectNode result = run.putObject("result");
    result.putObject("check").put("property", "the " + kernel + " property").put("holds", true)
        .put("detail", "as expected");
    result.put("messages", messages);
    return run;
  }
}
