package org.mpjbench.kernels.centralizedclock;

import org.mpjbench.kernels.clock.TimeServerCheck;

/**
 * The pure steps of centralized clock synchronization: the client's correction (adopt the time
 * read) and what that guarantees, which {@link TimeServerCheck} checks.
 *
 * <p>The server read its clock at some instant inside the client's round trip, and the client set
 * its clock to that reading when the reply arrived; the reply's travel time is the one thing it
 * could not see. So right after the sync the client is <em>behind</em> the server by that one-way
 * delay, which lies between 0 and the round trip: the property is {@code |true error| <= roundTrip
 * + allowance}, the round trip as the client measured it on its own clock. (Cristian's algorithm
 * adds half the round trip and so halves the bound; this kernel shows the error it removes.)
 */
public final class CentralizedClockCheck {
  /** The property, as the summary prints it. */
  public static final String PROPERTY =
      "every client's true error after the sync is at most its round trip";

  /** What the centralized algorithm promises each client: its whole round trip. */
  public static final TimeServerCheck.Promise PROMISE = new TimeServerCheck.Promise(PROPERTY, 1,
      "its round trip (%d ns)", "RTT");

  private CentralizedClockCheck() {}

  /**
   * The step that sets a client's clock to the server's reading: the reading minus what the
   * client's clock showed when the reply arrived. Nothing is added for the reply's travel.
   */
  public static long correctionNanos(long serverClockNanos, long clientReceiveNanos) {
    return serverClockNanos - clientReceiveNanos;
  }
}
