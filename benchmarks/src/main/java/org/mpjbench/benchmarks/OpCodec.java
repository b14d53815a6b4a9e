package org.mpjbench.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The wire form of a {@link CollectiveOp}: {@code {"op":name,"args":{the record's fields}}} as
 * UTF-8 JSON, the name from the registry below, which is also how the other ranks find the class
 * to decode the fields into. A new operation is one record and one line here.
 */
final class OpCodec {
  private static final Map<String, Class<? extends CollectiveOp>> OPS = Map.ofEntries(
      Map.entry("stop", Lockstep.Stop.class),
      Map.entry("session-open", SessionOps.Open.class),
      Map.entry("session-steps", SessionOps.Steps.class),
      Map.entry("session-check", SessionOps.Check.class),
      Map.entry("session-close", SessionOps.Close.class),
      Map.entry("ping-pongs", BaselineOps.PingPongs.class),
      Map.entry("allreduces", BaselineOps.Allreduces.class),
      Map.entry("kernel-run", KernelRun.class),
      Map.entry("size-latency", SizeOps.PingPongLatency.class),
      Map.entry("size-bandwidth", SizeOps.Bandwidth.class),
      Map.entry("size-bibw", SizeOps.BiBandwidth.class),
      Map.entry("size-bcast", SizeOps.BcastLatency.class),
      Map.entry("size-allreduce", SizeOps.AllreduceLatency.class),
      Map.entry("size-gather", SizeOps.GatherLatency.class),
      Map.entry("size-alltoall", SizeOps.AlltoallLatency.class),
      Map.entry("size-reduce", SizeOps.ReduceLatency.class),
      Map.entry("size-allgather", SizeOps.AllgatherLatency.class),
      Map.entry("size-scatter", SizeOps.ScatterLatency.class),
      Map.entry("size-validate", SizeValidation.Validate.class));

  private static final Map<Class<? extends CollectiveOp>, String> NAMES = OPS.entrySet().stream()
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

  // The benchmarks' own mapper: what rank 0 broadcasts and the harness's results file are theirs,
  // not the rank runtime's control protocol. Unknown fields are ignored, trailing bytes refused.
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  // The operations without arguments (stop, check, close) are records without properties, which
  // Jackson refuses to write unless told that an empty object is what we mean.
  private static final ObjectWriter WRITER =
      MAPPER.writer().without(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private OpCodec() {}

  /** The mapper of the benchmarks' wire and results files. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The registered operation classes by name. */
  static Map<String, Class<? extends CollectiveOp>> registry() {
    return OPS;
  }

  /** {@code op} as the bytes rank 0 broadcasts; an unregistered class is a programming error. */
  static byte[] encode(CollectiveOp op) {
    String name = NAMES.get(op.getClass());
    if (name == null) {
      throw new IllegalArgumentException("no name for " + op.getClass().getName()
          + ": register it in OpCodec");
    }
    try {
      return WRITER.writeValueAsBytes(new Wire(name, op));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot encode " + op, e);
    }
  }

  /** The operation {@link #encode} wrote into {@code bytes}. */
  static CollectiveOp decode(byte[] bytes) throws IOException {
    JsonNode wire = MAPPER.readTree(bytes);
    String name = wire.path("op").asText();
    Class<? extends CollectiveOp> type = OPS.get(name);
    if (type == null) {
      throw new IOException("unknown collective operation '" + name + "'; the known ones are "
          + OPS.keySet());
    }
    return MAPPER.treeToValue(wire.path("args"), type);
  }

  /** What goes over the wire; {@code args} is written as its runtime class, the op's record. */
  record Wire(String op, CollectiveOp args) {}
}
