package org.mpjbench.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mpjbench.lineserver.LineFile;
import org.mpjbench.lineserver.LineServer;
import org.mpjbench.lineserver.LineServerConfig;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Whole-file cooperative downloads per minute (and, as a secondary figure, lines received per
 * minute) against a line server that rank 0 starts for the trial, on a small file at a high rate so
 * that a download takes a fraction of a second. Every download is submitted and must be accepted;
 * the trial's check compares the accepted downloads with the invocations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MINUTES)
public class DownloadBenchmark {
  /** Ranks of the run (set by the harness). */
  @Param("0")
  public int ranks;

  /** MPJ device (set by the harness). */
  @Param("multicore")
  public String device;

  /** Lines of the served file. */
  @Param("100")
  public int lines;

  /** The server's requests per second per connection. */
  @Param("2000")
  public double ratePerSecond;

  private LineServer server;
  private long invocations;

  /** Lines the ranks received, reported by JMH as a secondary rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Received {
    /** Lines received by all ranks in this iteration. */
    public long lines;
  }

  /** Starts the line server on rank 0 and connects every rank to it. */
  @Setup(Level.Trial)
  public void startServer() {
    Lockstep lockstep = Lockstep.current();
    try {
      server = LineServer.start(LineServerConfig.defaults(LineFile.generate(lines, 1))
          .withBindAddress(InetAddress.getByName(lockstep.parameters().serverHost()))
          .withRatePerSecond(ratePerSecond));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the line server", e);
    }
    lockstep.call(new SessionOps.Open("download", List.of(
        "--server", lockstep.parameters().serverHost() + ":" + server.address().getPort(),
        "--lines", Integer.toString(lines), "--rate-per-second", Double.toString(ratePerSecond),
        "--submitter-id", "jmh")));
    invocations = 0;
  }

  /** One whole download by every rank, submitted and checked by the server. */
  @Benchmark
  public void download(Received received) {
    received.lines += Lockstep.current().call(new SessionOps.Steps(1));
    invocations++;
  }

  /** Closes the connections and the server; fails when a download was not accepted. */
  @TearDown(Level.Trial)
  public void checkAndStop() {
    Lockstep lockstep = Lockstep.current();
    try {
      long completed;
      try {
        completed = lockstep.call(new SessionOps.Check());
      } finally {
        lockstep.call(new SessionOps.Close());
      }
      long acceptedByServer = server.stats().submissionsOk();
      if (completed != invocations || acceptedByServer != invocations) {
        throw new IllegalStateException("download check failed: " + invocations + " downloads, "
            + completed + " accepted by the ranks' count, " + acceptedByServer
            + " by the server's");
      }
    } finally {
      server.close();
    }
  }
}
