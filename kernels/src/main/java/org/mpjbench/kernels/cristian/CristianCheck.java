package org.mpjbench.kernels.cristian;

import org.mpjbench.kernels.clock.TimeServerCheck;

/**
 * Cristian's guarantee: after a client stepped its clock to {@code server + rtt/2} of its
 * shortest exchange, its true error relative to the server's clock is at most half that round trip
 * (plus the drift allowance), because the server read its clock somewhere between the request
 * leaving and the reply arriving. {@link TimeServerCheck} checks it.
 */
public final class CristianCheck {
  /** The property, as the summary prints it. */
  public static final String PROPERTY =
      "every client's true error after the sync is at most half its shortest round trip";

  /** What Cristian's algorithm promises each client: half its shortest round trip. */
  public static final TimeServerCheck.Promise PROMISE = new TimeServerCheck.Promise(PROPERTY, 2,
      "half its shortest round trip (%d ns / 2)", "min RTT / 2");

  private CristianCheck() {}
}
