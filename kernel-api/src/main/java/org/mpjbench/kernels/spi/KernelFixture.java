package org.mpjbench.kernels.spi;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * What a kernel needs beside its ranks for one run, in the launching process: the download's line
 * server, say. Made by {@link KernelOptions#fixture(int)} once the options are checked, started
 * when the launcher knows the address the ranks reach it at, closed when the run has ended.
 *
 * @param <P> the kernel's parameters record
 */
public interface KernelFixture<P> extends AutoCloseable {
  /** The bytes of artifacts the run will store beside its result (for the free-space check). */
  default long artifactBytes() {
    return 0;
  }

  /**
   * Starts what the ranks need and returns the run's parameters.
   *
   * @param bind the local address to listen on (the one the ranks reach)
   * @param rankFacingHost this host as the ranks name it
   * @throws IOException when it cannot start or reach what it needs; the message, one line, says
   *     what (the run fails with it, exit code 1)
   */
  P start(InetAddress bind, String rankFacingHost) throws IOException;

  /** Lines for a person before the run starts (the launcher prints them unless quiet). */
  default List<String> notes() {
    return List.of();
  }

  /**
   * What the stored artifact {@code name} was checked against, to follow its size in the summary,
   * e.g. ", byte-identical to the served file"; empty when it cannot be checked.
   */
  default String artifactCheck(String name, Path file) throws IOException {
    return "";
  }

  /** Stops what {@link #start} started; never throws. */
  @Override
  void close();
}
