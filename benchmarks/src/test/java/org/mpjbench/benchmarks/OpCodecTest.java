package org.mpjbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpCodecTest {
  /** One of every operation, with arguments that a lossy encoding would change. */
  private static final List<CollectiveOp> EVERY_OP = List.of(
      new Lockstep.Stop(),
      new SessionOps.Open("download", List.of("--server", "localhost:40123", "--lines", "100",
          "--rate-per-second", "2000.5")),
      new SessionOps.Steps(10),
      new SessionOps.Check(),
      new SessionOps.Close(),
      new BaselineOps.PingPongs(100),
      new BaselineOps.Allreduces(100),
      new KernelRun("ring-no-crash"),
      new SizeOps.PingPongLatency(1, 2, 3),
      new SizeOps.Bandwidth(1_048_576, 5, 0),
      new SizeOps.BiBandwidth(4_096, 19, 7),
      new SizeOps.BcastLatency(8, 1000, 20),
      new SizeOps.AllreduceLatency(16, 7, 1),
      new SizeOps.GatherLatency(32, 9, 2),
      new SizeOps.AlltoallLatency(67_108_864, 1, 3),
      new SizeOps.ReduceLatency(64, 11, 4),
      new SizeOps.AllgatherLatency(128, 13, 5),
      new SizeOps.ScatterLatency(256, 17, 6),
      new SizeValidation.Validate("alltoall", 65_536));

  @Test
  void everyRegisteredOperationComesBackEqualFromItsBytes() throws IOException {
    Set<Class<?>> covered = EVERY_OP.stream().map(Object::getClass).collect(Collectors.toSet());
    assertEquals(Set.copyOf(OpCodec.registry().values()), covered, "one of each registered op");
    for (CollectiveOp op : EVERY_OP) {
      assertEquals(op, OpCodec.decode(OpCodec.encode(op)));
    }
  }

  @Test
  void theBytesNameTheOperationAndItsTypedFields() {
    String json = new String(OpCodec.encode(new SessionOps.Open("berkeley",
        List.of("--samples", "5"))), StandardCharsets.UTF_8);
    assertEquals("{\"op\":\"session-open\",\"args\":{\"kernel\":\"berkeley\","
        + "\"options\":[\"--samples\",\"5\"]}}", json);
  }

  @Test
  void anUnregisteredOperationIsRefusedOnBothSides() {
    CollectiveOp unregistered = state -> 0;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OpCodec.encode(unregistered));
    assertTrue(e.getMessage().contains("register it in OpCodec"), e.getMessage());
    byte[] unknown = "{\"op\":\"nope\",\"args\":{}}".getBytes(StandardCharsets.UTF_8);
    IOException decoding = assertThrows(IOException.class, () -> OpCodec.decode(unknown));
    assertTrue(decoding.getMessage().contains("unknown collective operation 'nope'"),
        decoding.getMessage());
  }
}
