package org.mpjbench.kernels.spi;

import picocli.CommandLine.Option;

/**
 * The {@code --timeout-ms} option of the kernels whose ranks wait for one message at a time and
 * fail the run when one is overdue ({@code multicast}, {@code load-balance}, {@code remote-call},
 * {@code lamport}), mixed into their options where it stands in the help. Each kernel passes its
 * own default. A kernel whose wait is another (a request or its answer, a file, a peer's answer)
 * declares its own option, so that the help says what it waits for.
 */
public final class MessageTimeout {
  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one message"
      + " before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  /** The option, defaulting to {@code timeoutMs}. */
  public MessageTimeout(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  /** The longest wait for one message, in milliseconds. */
  public long timeoutMs() {
    return timeoutMs;
  }
}
