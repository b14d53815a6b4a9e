package org.mpjbench.lineserver.protocol;

/**
 * The server's answer to a {@code SUBMIT}, parsed ({@link LineProtocol#parseSubmitReply}).
 *
 * @param ok whether the submission was accepted
 * @param count lines accepted (the file's line count), 0 when refused
 * @param millis milliseconds the server counted for the download (see the server), 0 when refused
 * @param reason why it was refused, empty when accepted
 */
public record SubmitReply(boolean ok, int count, long millis, String reason) {
  /** Checks that the fields agree. */
  public SubmitReply {
    if (reason == null) {
      throw new IllegalArgumentException("reason must not be null (empty when accepted)");
    }
    if (ok && (count < 0 || millis < 0 || !reason.isEmpty())) {
      throw new IllegalArgumentException("an accepted submission has count and millis >= 0 and no"
          + " reason, got " + count + ", " + millis + ", '" + reason + "'");
    }
    if (!ok && reason.isEmpty()) {
      throw new IllegalArgumentException("a refused submission needs a reason");
    }
  }

  /** {@code SUBMIT OK <count> lines in <millis> ms}. */
  public static SubmitReply accepted(int count, long millis) {
    return new SubmitReply(true, count, millis, "");
  }

  /** {@code SUBMIT FAILED <reason>}. */
  public static SubmitReply failed(String reason) {
    return new SubmitReply(false, 0, 0, reason);
  }
}
