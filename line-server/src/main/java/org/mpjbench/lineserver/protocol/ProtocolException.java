package org.mpjbench.lineserver.protocol;

import java.io.IOException;
import java.util.Optional;

/**
 * A peer sent something the protocol does not allow where it was sent, or the server answered
 * with {@code ERROR <reason>} (then {@link #serverError()} holds the reason, e.g. {@code too many
 * connections from 127.0.0.1}, so that a client can tell a refusal from garbage).
 */
public final class ProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String serverError;

  /** A protocol violation described by {@code message}. */
  public ProtocolException(String message) {
    this(message, null);
  }

  private ProtocolException(String message, String serverError) {
    super(message);
    this.serverError = serverError;
  }

  /** The server replied {@code ERROR <reason>}. */
  public static ProtocolException serverError(String reason) {
    return new ProtocolException("the line server replied ERROR " + reason, reason);
  }

  /** The reason of the server's {@code ERROR} reply, when that is what this is. */
  public Optional<String> serverError() {
    return Optional.ofNullable(serverError);
  }
}
