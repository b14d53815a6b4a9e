package org.mpjbench.lineserver.protocol;

/**
 * One request as the server understands it, made by {@link RequestParser} from the lines a client
 * sent. Every request gets exactly one reply line (two for {@code SENDLINE}), so a client always
 * stays in step with the server, whatever it sent.
 */
public sealed interface Request {

  /** {@code SENDLINE}: reply with a line drawn at random, or {@code -1\n\n}. */
  record SendLine() implements Request {}

  /**
   * {@code INFO}: reply with one line giving the file's line count, the rate and the burst (our
   * extension; not in the write-up's protocol).
   */
  record Info() implements Request {}

  /**
   * A well-formed {@code SUBMIT} header: {@code count} pairs {@code <n>\n<text>\n} follow, which the
   * server reads (each line bounded) and checks before it replies.
   *
   * @param id who submits (see {@link LineProtocol#isValidName})
   * @param team the submitter's team (same rule)
   * @param count pairs that follow; at most the file's line count
   */
  record Submit(String id, String team, int count) implements Request {
    /** Checks the names and the count. */
    public Submit {
      if (!LineProtocol.isValidName(id) || !LineProtocol.isValidName(team)) {
        throw new IllegalArgumentException("malformed id@team: " + id + "@" + team);
      }
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative, got " + count);
      }
    }
  }

  /**
   * A {@code SUBMIT} whose header is refused: the reply is {@code SUBMIT FAILED <reason>}. When
   * {@code pairsToSkip >= 0} the server first reads and discards that many pairs, and the
   * connection stays usable; when it is {@link #UNFRAMED} (the count is not a number or too large),
   * the pairs that may follow cannot be framed, so the server replies and closes the connection.
   *
   * @param reason printable ASCII, for the reply
   * @param pairsToSkip pairs to discard before replying, or {@link #UNFRAMED}
   */
  record RejectedSubmit(String reason, int pairsToSkip) implements Request {
    /** {@link #pairsToSkip} of a header whose count cannot be trusted. */
    public static final int UNFRAMED = -1;

    /** Checks the fields. */
    public RejectedSubmit {
      if (reason == null || reason.isEmpty()) {
        throw new IllegalArgumentException("a rejected submission needs a reason");
      }
      if (pairsToSkip < UNFRAMED) {
        throw new IllegalArgumentException("pairsToSkip must be -1 or more, got " + pairsToSkip);
      }
    }

    /** Whether the connection must be closed after the reply. */
    public boolean closesConnection() {
      return pairsToSkip == UNFRAMED;
    }
  }

  /**
   * Not a request: the reply is {@code ERROR <reason>} and the connection stays usable.
   *
   * @param reason printable ASCII, for the reply
   */
  record Invalid(String reason) implements Request {
    /** Checks the reason. */
    public Invalid {
      if (reason == null || reason.isEmpty()) {
        throw new IllegalArgumentException("an invalid request needs a reason");
      }
    }
  }
}
