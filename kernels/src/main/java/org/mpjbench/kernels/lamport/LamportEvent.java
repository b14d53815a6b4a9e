package org.mpjbench.kernels.lamport;

import java.util.Arrays;

/**
 * One recorded event of one rank.
 *
 * @param type local, send or receive
 * @param lamport its Lamport stamp
 * @param messageId the message it sends or receives, -1 for a local event
 * @param rank the rank it happened on
 * @param sequence its position among that rank's events, from 0
 * @param hostNanos the host's monotonic clock when it happened (shared by the ranks of a host)
 * @param vector its vector stamp, or null without vector clocks
 */
public record LamportEvent(
    Type type, long lamport, long messageId, int rank, long sequence, long hostNanos,
    long[] vector) {

  /** The kinds of event, with their code in the gathered layout. */
  public enum Type {
    /** A local step: the clock ticks. */
    LOCAL,
    /** Sending a message: tick, then stamp the message. */
    SEND,
    /** Receiving a message: take the maximum, then tick. */
    RECEIVE
  }

  /** Fields before the vector in the gathered layout. */
  public static final int FIXED_FIELDS = 6;

  /** The width of one event in the gathered {@code long[]}: 6 fields, then the vector. */
  public static int width(int vectorLength) {
    return FIXED_FIELDS + vectorLength;
  }

  /**
   * Writes this event at {@code offset}: {@code [type, lamport, messageId, rank, sequence,
   * hostNanos, vector...]}.
   */
  public void writeTo(long[] buffer, int offset) {
    buffer[offset] = type.ordinal();
    buffer[offset + 1] = lamport;
    buffer[offset + 2] = messageId;
    buffer[offset + 3] = rank;
    buffer[offset + 4] = sequence;
    buffer[offset + 5] = hostNanos;
    if (vector != null) {
      System.arraycopy(vector, 0, buffer, offset + FIXED_FIELDS, vector.length);
    }
  }

  /** Reads an event written by {@link #writeTo}; {@code vectorLength} 0 means no vector. */
  public static LamportEvent readFrom(long[] buffer, int offset, int vectorLength) {
    long code = buffer[offset];
    if (code < 0 || code >= Type.values().length) {
      throw new IllegalArgumentException("event type code " + code + " at " + offset);
    }
    long[] vector = vectorLength == 0 ? null
        : Arrays.copyOfRange(buffer, offset + FIXED_FIELDS, offset + FIXED_FIELDS + vectorLength);
    return new LamportEvent(Type.values()[(int) code], buffer[offset + 1], buffer[offset + 2],
        Math.toIntExact(buffer[offset + 3]), buffer[offset + 4], buffer[offset + 5], vector);
  }

  @Override
  public String toString() {
    return type.name().toLowerCase(java.util.Locale.ROOT) + " #" + sequence + " of rank " + rank
        + (messageId >= 0 ? " (message " + messageId + ")" : "") + " L=" + lamport
        + (vector == null ? "" : " V=" + Arrays.toString(vector));
  }
}
