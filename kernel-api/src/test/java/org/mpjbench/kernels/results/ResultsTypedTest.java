package org.mpjbench.kernels.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.spi.Latencies;

/**
 * {@link Results#typed}: strict about every field but a latency distribution, which results
 * written before their kernel reported one lack.
 */
class ResultsTypedTest {
  /** A kernel's result as the tests need one: a count and its latency distribution. */
  record Counted(long calls, Latencies latency) {}

  private static RunRecord run(String resultJson) throws IOException {
    JsonNode result = ResultWriter.mapper().readTree(resultJson);
    return new RunRecord(RunRecord.SCHEMA, "complete", false, "remote-call", 2, "multicore", null,
        Instant.parse("2026-12-07T02:00:00Z"), 1.0, null, null, result, null, null, null);
  }

  @Test
  void aLatencyDistributionIsReadWhereWritten() throws IOException {
    Counted counted = Results.typed(run("{\"calls\": 3, \"latency\": {\"p50Nanos\": 10,"
        + " \"p90Nanos\": 20, \"p99Nanos\": 30, \"maxNanos\": 40}}"), Counted.class);
    assertEquals(new Counted(3, new Latencies(10, 20, 30, 40)), counted);
  }

  @Test
  void aResultWrittenBeforeTheDistributionReadsAsNone() throws IOException {
    assertNull(Results.typed(run("{\"calls\": 3}"), Counted.class).latency());
  }

  @Test
  void anyOtherMissingFieldIsStillAnErrorNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Results.typed(run("{\"latency\": null}"), Counted.class));
    assertTrue(e.getMessage().contains("calls"), e.getMessage());
  }
}
