package org.mpjbench.kernels.rank;

import java.time.Duration;

/**
 * The words MPJ Express's starter puts before a program's own arguments in {@code main(args)}
 * (until {@code MPI.Init} strips them): the rank, its configuration, the device.
 */
public final class StarterArgs {
  /**
   * How long a rank a daemon started waits before {@code MPI.Init}: MPJ 0.44's starter hands the
   * job to every daemon before it opens the port on which the ranks report, and a rank JVM that
   * reaches {@code MPI.Init} first is refused (docs/standalone.md). Class-data sharing made rank
   * JVMs start fast enough to lose that race every time on 8 test hosts (3 of 3 attempts, 3 runs
   * in a row, 7 December).
   */
  public static final Duration STARTER_GRACE = Duration.ofSeconds(2);

  private StarterArgs() {}

  /**
   * Gives MPJ's starter {@link #STARTER_GRACE} to open its port when a daemon started this rank
   * (niodev, hybdev); returns at once under multicore, whose ranks the starter runs itself.
   */
  public static void awaitStarter(String[] args) throws InterruptedException {
    String device = device(args);
    if ("niodev".equals(device) || "hybdev".equals(device)) {
      Thread.sleep(STARTER_GRACE.toMillis());
    }
  }

  /** The device word ({@code smpdev} for multicore, {@code niodev}, {@code hybdev}), or null. */
  public static String device(String[] args) {
    return args.length > 2 ? args[2] : null;
  }
}
