package org.mpjbench.kernels.remotecall;

/**
 * The remote object: a square root with a typed error for negative arguments. A reply is {@code
 * [callId, result as double bits, status]}; for an error the result bits are 0.
 */
public final class SqrtService {
  /** The name the service registers under. */
  public static final String NAME = "math/sqrt";
  /** Status of a computed result. */
  public static final long STATUS_OK = 0;
  /** Status of the typed error for a negative argument. */
  public static final long STATUS_NEGATIVE_ARGUMENT = 1;
  /** Longs of a reply. */
  public static final int REPLY_LONGS = 3;

  private SqrtService() {}

  /** Answers call {@code callId} with argument {@code argumentBits} (double bits) into reply. */
  public static void answer(long callId, long argumentBits, long[] reply) {
    double argument = Double.longBitsToDouble(argumentBits);
    reply[0] = callId;
    if (argument < 0) {
      reply[1] = 0;
      reply[2] = STATUS_NEGATIVE_ARGUMENT;
    } else {
      reply[1] = Double.doubleToRawLongBits(Math.sqrt(argument));
      reply[2] = STATUS_OK;
    }
  }
}
