package org.mpjbench.launcher.mpj;

/** The MPJ Express devices mpjbench runs on. */
public enum Device {
  /** One machine: every rank is a thread of one JVM (the embedded default). */
  MULTICORE("multicore"),
  /** A cluster: one JVM per rank, started by the MPJ daemon of each host in a machines file. */
  NIODEV("niodev"),
  /**
   * A cluster of multicore hosts: one JVM per host, started by its MPJ daemon, whose ranks are
   * threads (shared memory within the host, niodev between hosts).
   */
  HYBDEV("hybdev");

  private final String mpjName;

  Device(String mpjName) {
    this.mpjName = mpjName;
  }

  /** Whether the ranks are started by MPJ daemons on the hosts of a machines file. */
  public boolean usesDaemons() {
    return this != MULTICORE;
  }

  /** The name MPJ's {@code -dev} option and our result files use. */
  public String mpjName() {
    return mpjName;
  }

  @Override
  public String toString() {
    return mpjName;
  }
}
