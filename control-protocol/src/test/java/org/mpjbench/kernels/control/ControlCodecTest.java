package org.mpjbench.kernels.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * Tests of {@link ControlCodec} with every {@link ControlMessage} type: encoding to a single JSON
 * line and decoding back, rejection of lines that are not control messages, and conversion of
 * kernel records to and from JSON trees.
 */
class ControlCodecTest {

  /** A JSON tree as parsed from text, so its node types match what decoding produces. */
  private static JsonNode json(String text) {
    try {
      return ControlCodec.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<ControlMessage> everyMessageType() {
    return Stream.of(
        new ControlMessage.Hello("s3cr3t-token", 3, 8, "node-07.example", 123_456L),
        new ControlMessage.Hello("", 0, 1, "localhost", Long.MAX_VALUE),
        new ControlMessage.Start(
            "berkeley",
            json("{\"rounds\":20,\"spreadMs\":50.5,\"faultyRanks\":[1,2]}"),
            null),
        new ControlMessage.Start(
            "berkeley", json("{}"), new FaultInjection(2, FaultInjection.Kind.HANG)),
        new ControlMessage.Start("ring", json("{}"), null, 10_000),
        new ControlMessage.Start("file-ipc", json("{}"), null, 0, "/home/u/mpjbench/results/ü"),
        new ControlMessage.KernelEvent(2, "send", 123_456_789_012L,
            json("{\"message\":\"OK\",\"to\":3,\"deferred\":true,\"argument\":-2.5}")),
        new ControlMessage.KernelEvent(0, "lookup", Long.MIN_VALUE,
            json("{\"name\":\"eu/node-2/sqrt\",\"result\":\"miss\"}")),
        new ControlMessage.KernelEvent(1, "enter", 0, json("{}")),
        new ControlMessage.EventsDropped(3, 4_321L, 10_000),
        new ControlMessage.Progress(0, json("{\"round\":4,\"skewNanos\":10000000000,\"ok\":true}")),
        new ControlMessage.Progress(2, json("[1,-2,3.5,null,\"x\"]")),
        new ControlMessage.Result(0, json("{\"rounds\":[{\"round\":0},{\"round\":1}]}")),
        new ControlMessage.Failure(
            5,
            "host-b",
            "java.lang.IllegalStateException: rank 5 answered \"poll\" 1/2",
            "java.lang.IllegalStateException\n\tat a.B.c(B.java:10)\r\n\tat d.E.f(E.java:20)\n",
            null),
        new ControlMessage.Failure(1, "hôst-ü", "naïve 日本 🎉 error", "",
            PropertyCheck.violated("mutual exclusion", "ranks 1 and 2 both inside")),
        new ControlMessage.Done(0),
        new ControlMessage.Done(Integer.MAX_VALUE),
        new ControlMessage.Abort("rank 3 failed: \"boom\"\nsecond line"),
        new ControlMessage.Abort("launcher interrupted"));
  }

  @ParameterizedTest
  @MethodSource("everyMessageType")
  void everyMessageRoundTripsThroughEncodeAndDecode(ControlMessage message) throws IOException {
    String line = ControlCodec.encode(message);

    assertEquals(message, ControlCodec.decode(line));
  }

  @ParameterizedTest
  @MethodSource("everyMessageType")
  void encodeGivesASingleLine(ControlMessage message) {
    String line = ControlCodec.encode(message);

    assertFalse(line.contains("\n"), line);
    assertFalse(line.contains("\r"), line);
    assertTrue(line.startsWith("{") && line.endsWith("}"), line);
  }

  @ParameterizedTest
  @MethodSource("everyMessageType")
  void encodedLineSurvivesTheBoundedLineReader(ControlMessage message) throws IOException {
    byte[] bytes = (ControlCodec.encode(message) + "\n").getBytes(StandardCharsets.UTF_8);
    BoundedLineReader reader =
        new BoundedLineReader(new ByteArrayInputStream(bytes), ControlCodec.MAX_LINE_BYTES);

    assertEquals(message, ControlCodec.decode(reader.readLine()));
  }

  @Test
  void encodeNamesTheMessageType() {
    assertTrue(ControlCodec.encode(new ControlMessage.Done(4)).contains("\"type\":\"done\""));
    assertTrue(ControlCodec.encode(new ControlMessage.Abort("x")).contains("\"type\":\"abort\""));
    assertTrue(
        ControlCodec.encode(new ControlMessage.Hello("t", 0, 1, "h", 1))
            .contains("\"type\":\"hello\""));
  }

  @Test
  void decodeReadsEachTypeNameIntoItsRecord() throws IOException {
    assertEquals(
        new ControlMessage.Hello("tok", 1, 2, "h", 99),
        ControlCodec.decode(
            "{\"type\":\"hello\",\"token\":\"tok\",\"rank\":1,\"size\":2,\"host\":\"h\",\"pid\":99}"));
    assertEquals(
        new ControlMessage.Start("berkeley", json("{\"rounds\":3}"), null),
        ControlCodec.decode(
            "{\"type\":\"start\",\"kernel\":\"berkeley\",\"parameters\":{\"rounds\":3}}"));
    assertEquals(
        new ControlMessage.Progress(2, json("{\"round\":1}")),
        ControlCodec.decode("{\"type\":\"progress\",\"rank\":2,\"payload\":{\"round\":1}}"));
    assertEquals(
        new ControlMessage.Result(0, json("{\"x\":1}")),
        ControlCodec.decode("{\"type\":\"result\",\"rank\":0,\"payload\":{\"x\":1}}"));
    assertEquals(
        new ControlMessage.Failure(3, "h", "e", "s", null),
        ControlCodec.decode(
            "{\"type\":\"failure\",\"rank\":3,\"host\":\"h\",\"error\":\"e\",\"stackTrace\":\"s\"}"));
    assertEquals(
        new ControlMessage.KernelEvent(1, "enter", 42, json("{\"entry\":0}")),
        ControlCodec.decode("{\"type\":\"event\",\"rank\":1,\"kind\":\"enter\",\"nanos\":42,"
            + "\"fields\":{\"entry\":0}}"));
    assertEquals(
        new ControlMessage.EventsDropped(2, 7, 100),
        ControlCodec.decode(
            "{\"type\":\"events-dropped\",\"rank\":2,\"dropped\":7,\"limit\":100}"));
    assertEquals(new ControlMessage.Done(7), ControlCodec.decode("{\"type\":\"done\",\"rank\":7}"));
    assertEquals(
        new ControlMessage.Abort("stop"),
        ControlCodec.decode("{\"type\":\"abort\",\"reason\":\"stop\"}"));
  }

  @Test
  void theHandBuiltKernelEventLineIsTheOneTheMapperWrites() throws IOException {
    StringBuilder members = new StringBuilder();
    ControlCodec.appendJsonString(members, "name").append(':');
    ControlCodec.appendJsonString(members, "tab\t \"quoted\" back\\slash ü 🎉 \u0001");
    members.append(",\"to\":-3,\"ok\":false,\"x\":2.5E-7");
    JsonNode fields = json("{" + members + "}");
    ControlMessage.KernelEvent event =
        new ControlMessage.KernelEvent(7, "re\"ceive", Long.MAX_VALUE, fields);

    String line = ControlCodec.kernelEventLine(7, "re\"ceive", Long.MAX_VALUE, members);

    assertEquals(ControlCodec.encode(event), line);
    assertEquals(event, ControlCodec.decode(line));
    assertEquals("{\"type\":\"event\",\"rank\":0,\"kind\":\"enter\",\"nanos\":-1,\"fields\":{}}",
        ControlCodec.kernelEventLine(0, "enter", -1, ""));
  }

  @Test
  void aStartOrderWithoutAnEventLimitAsksForNoKernelEvents() throws IOException {
    ControlMessage.Start start = assertInstanceOf(ControlMessage.Start.class,
        ControlCodec.decode("{\"type\":\"start\",\"kernel\":\"ring\",\"parameters\":{}}"));

    assertEquals(0, start.eventsPerRank());
    assertEquals(0, new ControlMessage.Start("ring", json("{}"), null).eventsPerRank());
    assertTrue(ControlCodec.encode(new ControlMessage.Start("ring", json("{}"), null, 50))
        .contains("\"eventsPerRank\":50"));
  }

  @Test
  void decodeIgnoresUnknownProperties() throws IOException {
    assertEquals(
        new ControlMessage.Done(1),
        ControlCodec.decode("{\"type\":\"done\",\"rank\":1,\"addedInALaterVersion\":true}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "garbage",
        "{",
        "{\"type\":\"done\",",
        "[]",
        "42",
        "\"done\"",
        "{}",
        "{\"rank\":1}",
        "{\"type\":\"nope\",\"rank\":1}",
        "{\"type\":\"DONE\",\"rank\":1}",
        "{\"type\":42}",
        "{\"type\":\"done\",\"rank\":\"one\"}",
        "{\"type\":\"hello\",\"rank\":{}}",
      })
  void decodeOfGarbageOrUnknownTypeThrowsIoException(String line) {
    assertThrows(IOException.class, () -> ControlCodec.decode(line));
  }

  /**
   * Exposes a bug: the JSON literal {@code null} is decoded to a {@code null} message instead of an
   * {@link IOException}, against the documented contract of {@link ControlCodec#decode}.
   */
  @Test
  void decodeOfJsonNullThrowsIoException() {
    assertThrows(IOException.class, () -> ControlCodec.decode("null"));
  }

  /**
   * Exposes a bug: content after the first JSON value is silently ignored, so a line holding a
   * message followed by garbage (or by a second message, which is then lost) decodes as the first
   * message instead of giving an {@link IOException}.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"done\",\"rank\":1} trailing garbage",
        "{\"type\":\"done\",\"rank\":1}{\"type\":\"abort\",\"reason\":\"lost\"}",
        "{\"type\":\"done\",\"rank\":1}]",
      })
  void decodeOfAMessageFollowedByMoreContentThrowsIoException(String line) {
    assertThrows(IOException.class, () -> ControlCodec.decode(line));
  }

  /**
   * The multicore ranks share the codec (their JVM's boot path), and each starts a warm-up: only
   * one may build the serializers, the others return at once.
   */
  @Test
  void warmingUpTwiceDoesTheWorkOnce() throws IOException {
    ControlCodec.warmUp();
    assertFalse(ControlCodec.warmUp());
    // And the codec works after it, as before.
    ControlMessage done = new ControlMessage.Done(3);
    assertEquals(done, ControlCodec.decode(ControlCodec.encode(done)));
  }
}
