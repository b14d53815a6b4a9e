package org.mpjbench.launcher.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;

/**
 * Tests of the trace file's lines for a kernel's own events: one {@code "event":"kernel"} line each,
 * the step's kind, time and fields flat in the payload, and one {@code dropped} line for what a
 * rank left out.
 */
class EventTraceTest {
  @TempDir Path work;

  /** The file's JSON values, after checking there is one per line. */
  private List<JsonNode> lines(Path file, int expected) throws Exception {
    assertEquals(expected, Files.readAllLines(file, StandardCharsets.UTF_8).size());
    return ControlCodec.mapper().readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())
        .readAll();
  }

  @Test
  void aKernelEventIsOneLineWithItsKindTimeAndFieldsInThePayload() throws Exception {
    Path file = work.resolve("t.jsonl");
    try (EventTrace trace = EventTrace.open(file, System.nanoTime())) {
      trace.record(1.5, new ControlServer.Event.Said(2, new ControlMessage.KernelEvent(2, "enter",
          987_654_321L, ControlCodec.mapper().readTree("{\"entry\":3,\"waitNanos\":120}"))));
      trace.record(2.25, new ControlServer.Event.Said(2,
          new ControlMessage.EventsDropped(2, 17, 10_000)));
    }

    List<JsonNode> lines = lines(file, 2);
    JsonNode event = lines.get(0);
    assertEquals(1.5, event.get("seconds").asDouble());
    assertEquals(2, event.get("rank").asInt());
    assertEquals("kernel", event.get("event").asText());
    assertEquals("{\"kind\":\"enter\",\"nanos\":987654321,\"entry\":3,\"waitNanos\":120}",
        event.get("payload").toString());
    JsonNode dropped = lines.get(1);
    assertEquals("dropped", dropped.get("event").asText());
    assertEquals(17, dropped.at("/payload/events").asLong());
    assertEquals(10_000, dropped.at("/payload/limit").asInt());
  }

  @Test
  void theLineTakesItsRankFromTheConnectionNotFromTheMessage() throws Exception {
    Path file = work.resolve("t.jsonl");
    try (EventTrace trace = EventTrace.open(file, System.nanoTime())) {
      trace.record(0, new ControlServer.Event.Said(1, new ControlMessage.KernelEvent(3, "send",
          5, ControlCodec.mapper().createObjectNode())));
    }

    JsonNode line = lines(file, 1).get(0);
    assertEquals(1, line.get("rank").asInt(), "the rank that proved itself with the token");
    assertFalse(line.get("payload").has("rank"));
  }
}
