package org.mpjbench.kernels.fileipc;

import java.util.List;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole file-ipc run as rank 0 reports it.
 *
 * <p>The one-way figures subtract the writer's {@code System.nanoTime()}, stamped in the record,
 * from the reader's: on one host every rank reads the same monotonic clock, so they are true
 * delays; across hosts they mix two clocks that share no origin and mean nothing alone. The round
 * trip of the ping-pong mode is read on rank 0's clock only, and is the figure to trust there.
 * In stream mode the writer does not wait for the readers, so a record's one-way delay includes
 * the records queued before it: it is a latency under full load, the ping-pong's is one record's.
 *
 * @param mode {@value FileIpcParameters#STREAM} or {@value FileIpcParameters#PING_PONG}
 * @param lines records written
 * @param recordBytes size of one record
 * @param latencyMeaning what {@code latency} measures: "one-way delivery" (stream) or "round
 *     trip through the files" (ping-pong)
 * @param latency percentiles of the headline latency over every record: each reader's one-way
 *     delivery (stream), rank 0's round trip (ping-pong)
 * @param oneWayMedianNanos median one-way delivery over every reader of the records file
 * @param recordsPerSecond records divided by the longest reader's time from the common start to
 *     its last record (stream), or by rank 0's time for every round trip (ping-pong)
 * @param readers every reader's own figures, the records file's first, in rank order
 * @param baselineRoundTripNanos median MPI ping-pong between ranks 0 and 1 with messages of
 *     {@code recordBytes}, in the same run (0 with one rank)
 * @param baselineExchanges ping-pongs measured for the baseline
 * @param messages records that went through the files (written once each; ping-pong: and
 *     answered); the MPI control messages and the baseline are not counted
 * @param folder the folder the files were in
 * @param folderCreated whether the run created that folder (and removed it)
 * @param check the verdict of {@link FileIpcCheck}
 */
public record FileIpcResult(
    String mode,
    long lines,
    int recordBytes,
    String latencyMeaning,
    Latencies latency,
    long oneWayMedianNanos,
    double recordsPerSecond,
    List<Reader> readers,
    long baselineRoundTripNanos,
    long baselineExchanges,
    long messages,
    String folder,
    boolean folderCreated,
    PropertyCheck check) {

  /**
   * One reader of one file.
   *
   * @param rank the reader
   * @param file "records" (rank 0's file) or "answers" (rank 1's, read by rank 0 in ping-pong)
   * @param received records it read
   * @param medianNanos median latency of its records: one-way, or rank 0's round trip
   * @param maxNanos largest latency of its records
   */
  public record Reader(int rank, String file, long received, long medianNanos, long maxNanos) {}
}
