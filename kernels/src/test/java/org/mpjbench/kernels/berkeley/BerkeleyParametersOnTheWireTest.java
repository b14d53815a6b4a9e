package org.mpjbench.kernels.berkeley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;

/**
 * Berkeley's parameters on the way the launcher hands them to the ranks: as a JSON tree in the
 * control channel's start message, back to the same record, still validated on arrival.
 */
class BerkeleyParametersOnTheWireTest {

  private static JsonNode json(String text) {
    try {
      return ControlCodec.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void berkeleyParametersRoundTripThroughATree() throws IOException {
    BerkeleyParameters parameters =
        new BerkeleyParameters(7, 3, 12.5, 0.75, -99L, List.of(4, 1), -2_500.0, 33.3, 250L);

    JsonNode tree = ControlCodec.toTree(parameters);

    assertEquals(parameters, ControlCodec.fromTree(tree, BerkeleyParameters.class));
    assertEquals(7, tree.get("rounds").asInt());
    assertEquals(12.5, tree.get("spreadMs").asDouble());
    assertEquals(
        List.of(1, 4),
        List.of(tree.get("faultyRanks").get(0).asInt(), tree.get("faultyRanks").get(1).asInt()));
  }

  @Test
  void defaultBerkeleyParametersRoundTripThroughATree() throws IOException {
    JsonNode tree = ControlCodec.toTree(BerkeleyParameters.DEFAULTS);

    assertEquals(
        BerkeleyParameters.DEFAULTS, ControlCodec.fromTree(tree, BerkeleyParameters.class));
  }

  @Test
  void berkeleyParametersSurviveTheWholeStartMessagePath() throws IOException {
    BerkeleyParameters parameters =
        new BerkeleyParameters(2, 9, 0.0, 1_000.0, Long.MIN_VALUE, List.of(0, 2), 1.0, 0.0, 0L);
    String line =
        ControlCodec.encode(
            new ControlMessage.Start("berkeley", ControlCodec.toTree(parameters), null));

    ControlMessage.Start start =
        assertInstanceOf(ControlMessage.Start.class, ControlCodec.decode(line));

    assertEquals("berkeley", start.kernel());
    assertEquals(parameters, ControlCodec.fromTree(start.parameters(), BerkeleyParameters.class));
  }

  @Test
  void fromTreeStillValidatesTheParameters() {
    JsonNode tree = ControlCodec.toTree(BerkeleyParameters.DEFAULTS);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("rounds", 0);

    IOException e =
        assertThrows(
            IOException.class, () -> ControlCodec.fromTree(tree, BerkeleyParameters.class));
    assertTrue(String.valueOf(e.getMessage()).contains("--rounds"), e.getMessage());
  }

  @Test
  void fromTreeOfTheWrongShapeThrowsIoException() {
    assertThrows(
        IOException.class,
        () -> ControlCodec.fromTree(json("{\"rounds\":\"many\"}"), BerkeleyParameters.class));
  }
}
