package org.mpjbench.launcher.mpj;

/** The MPJ Express devices mpjbench runs on. */
public enum Device {
  /** One machine: every rank is a thread of one JVM (the embedded default). */
  MULTICORE("multicore"),
  /** A cluster: one JVM per rank, started by the MPJ daemon of each host in a machines file. */
  NIODEV("niodev");

  private final String mpjName;

  Device(String mpjName) {
    this.mpjName = mpjName;
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
