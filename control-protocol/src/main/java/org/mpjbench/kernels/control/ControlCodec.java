package org.mpjbench.kernels.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Encodes control messages as single JSON lines and decodes them back, and converts kernel records
 * to and from JSON trees. One shared, thread-safe {@link ObjectMapper} configured once.
 */
public final class ControlCodec {
  /** Longest control line either side reads; a result with per-round records fits many times. */
  public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ControlCodec() {}

  /** The mapper used for every control-channel and kernel-record conversion. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** One message as one line of JSON, without the line break. */
  public static String encode(ControlMessage message) {
    try {
      return MAPPER.writerFor(ControlMessage.class).writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode control message " + message, e);
    }
  }

  /**
   * The line {@link #encode} gives for {@code new KernelEvent(rank, kind, nanos, fields)}, built
   * with a {@link StringBuilder} from {@code members}, the fields' JSON members without braces
   * ({@code "to":2,"message":"OK"}): a rank's hot path does not go through the object mapper (see
   * {@code KernelEvents} for why).
   */
  public static String kernelEventLine(int rank, String kind, long nanos, CharSequence members) {
    StringBuilder line = new StringBuilder(64 + members.length());
    line.append("{\"type\":\"event\",\"rank\":").append(rank).append(",\"kind\":");
    appendJsonString(line, kind);
    return line.append(",\"nanos\":").append(nanos).append(",\"fields\":{").append(members)
        .append("}}").toString();
  }

  /** Appends {@code value} as a JSON string, quoted and escaped (Jackson's own escaping). */
  public static StringBuilder appendJsonString(StringBuilder out, String value) {
    return out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value))
        .append('"');
  }

  /** Parses one line; a line that is not a control message gives an {@link IOException}. */
  public static ControlMessage decode(String line) throws IOException {
    ControlMessage message = MAPPER.readValue(line, ControlMessage.class);
    if (message == null) {
      throw new IOException("not a control message: " + line);
    }
    return message;
  }

  /**
   * Builds the mapper's serializers and deserializers for the messages every run exchanges (hello,
   * start, liveness, heartbeat, progress, result, done) by encoding and decoding one of each, so
   * that the first real message does not pay for it. For start-up only: a process calls it on a
   * thread of its own while it waits for something else (a rank during {@code MPI.Init}, the
   * launcher while the rank JVM starts; docs/startup.md). It touches no state but the mapper's
   * caches, which are built the same way by the first real message.
   *
   * <p>Once per class loader of this class: the multicore ranks share it (it is on their JVM's
   * boot path), and each used to start its own warm-up during {@code MPI.Init}, building the same
   * serializers side by side on 2 cores. A later call, or one made while another is under way,
   * returns at once.
   *
   * @return whether this call did the warm-up
   */
  public static boolean warmUp() {
    if (!WARMING.compareAndSet(false, true)) {
      return false;
    }
    JsonNode tree = MAPPER.createObjectNode().put("warm-up", 1.5).set("list",
        MAPPER.createArrayNode().add(1).add("text"));
    List<ControlMessage> messages = List.of(
        new ControlMessage.Hello("0", 0, 1, "localhost", 1),
        new ControlMessage.Start("warm-up", tree, null, 0, null),
        new ControlMessage.Liveness(1, 1),
        new ControlMessage.Heartbeat(-1),
        new ControlMessage.Progress(0, tree),
        new ControlMessage.Result(0, tree),
        new ControlMessage.Done(0));
    try {
      for (ControlMessage message : messages) {
        decode(encode(message));
      }
    } catch (IOException | RuntimeException e) {
      // Only time is at stake: the real message meets the same problem and reports it.
    }
    return true;
  }

  /** Set by the first {@link #warmUp}. */
  private static final AtomicBoolean WARMING = new AtomicBoolean();

  /** A kernel record as a JSON tree (for {@link ControlMessage.Progress} and results). */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A JSON tree back into a kernel record. */
  public static <T> T fromTree(JsonNode tree, Class<T> type) throws IOException {
    return MAPPER.treeToValue(tree, type);
  }
}
