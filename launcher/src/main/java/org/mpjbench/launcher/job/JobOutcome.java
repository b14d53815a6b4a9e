package org.mpjbench.launcher.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mpjbench.kernels.results.RunRecord.Failure;
import org.mpjbench.kernels.results.RunRecord.RankHost;

/**
 * How a job ended, with everything it produced: the result when complete, and in every case the
 * intermediate records received, so that an interrupted or failed run still keeps its data.
 *
 * @param status how it ended
 * @param result rank 0's result (complete runs only)
 * @param progress the kernel's intermediate records, in order
 * @param failure what went wrong (null when complete)
 * @param wallTime from starting the MPJ runtime to the end of the job
 * @param rankHosts where each rank ran, from its hello
 * @param runtimeOutput the last lines the MPJ runtime printed
 * @param artifacts files the ranks produced, by name (kept whatever the outcome)
 */
public record JobOutcome(
    Status status,
    JsonNode result,
    List<JsonNode> progress,
    Failure failure,
    Duration wallTime,
    Map<Integer, RankHost> rankHosts,
    List<String> runtimeOutput,
    Map<String, byte[]> artifacts) {

  /** How a job can end. */
  public enum Status {
    /** Every rank finished and rank 0 delivered its result. */
    COMPLETE,
    /** A rank failed, lost its connection, or the runtime died. */
    FAILED,
    /** The run went over its time-out. */
    TIMED_OUT,
    /** The user stopped it (Ctrl-C, SIGTERM). */
    INTERRUPTED;

    /** Lower-case name used in result files. */
    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
