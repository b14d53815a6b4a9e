package org.mpjbench.kernels.remotecall;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * The checker: every call answered exactly once, and every reply exactly right: the bits of {@code
 * Math.sqrt(argument)} with status OK, or the negative-argument error for a negative argument.
 */
public final class RemoteCallCheck {
  /** The property, as the summary prints it. */
  public static final String PROPERTY = "every call answered once, every reply right";

  private RemoteCallCheck() {}

  /**
   * What one client received.
   *
   * @param rank the client
   * @param arguments its calls' arguments, by call id
   * @param replies the replies in the order received, {@link SqrtService#REPLY_LONGS} longs each
   * @param received how many replies {@code replies} holds
   */
  public record ClientTrace(int rank, double[] arguments, long[] replies, int received) {}

  /** Checks every client. */
  public static PropertyCheck check(List<ClientTrace> traces) {
    long calls = 0;
    long errors = 0;
    for (ClientTrace trace : traces) {
      int n = trace.arguments().length;
      boolean[] answered = new boolean[n];
      for (int r = 0; r < trace.received(); r++) {
        int at = SqrtService.REPLY_LONGS * r;
        long callId = trace.replies()[at];
        long bits = trace.replies()[at + 1];
        long status = trace.replies()[at + 2];
        if (callId < 0 || callId >= n) {
          return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
              "rank %d got a reply to call %d, which it never made", trace.rank(), callId));
        }
        if (answered[(int) callId]) {
          return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
              "rank %d got call %d answered twice", trace.rank(), callId));
        }
        answered[(int) callId] = true;
        double argument = trace.arguments()[(int) callId];
        long[] expected = new long[SqrtService.REPLY_LONGS];
        SqrtService.answer(callId, Double.doubleToRawLongBits(argument), expected);
        if (status != expected[2] || bits != expected[1]) {
          return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
              "rank %d, call %d sqrt(%s): got %s, expected %s", trace.rank(), callId,
              Double.toString(argument), describe(bits, status),
              describe(expected[1], expected[2])));
        }
        errors += status == SqrtService.STATUS_NEGATIVE_ARGUMENT ? 1 : 0;
      }
      for (int i = 0; i < n; i++) {
        if (!answered[i]) {
          return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
              "rank %d never got a reply to call %d", trace.rank(), i));
        }
      }
      calls += n;
    }
    return PropertyCheck.held(PROPERTY, String.format(Locale.ROOT,
        "%d client(s): %d calls answered once each, exactly (%d of them the negative-argument"
            + " error)", traces.size(), calls, errors));
  }

  static String describe(long bits, long status) {
    if (status == SqrtService.STATUS_OK) {
      return Double.toString(Double.longBitsToDouble(bits));
    }
    return status == SqrtService.STATUS_NEGATIVE_ARGUMENT ? "the negative-argument error"
        : "status " + status;
  }
}
