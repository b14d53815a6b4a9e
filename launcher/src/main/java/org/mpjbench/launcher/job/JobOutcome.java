package org.mpjbench.launcher.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mpjbench.kernels.check.PropertyCheck;

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

  /**
   * What went wrong.
   *
   * @param rank the rank at fault, or null when it was not one rank
   * @param host that rank's host, when known
   * @param message one line for a person
   * @param detail a stack trace or the runtime's last output, for the result file
   * @param violation the kernel's property check, when the run failed because it did not hold
   *     (null for every other failure)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Failure(Integer rank, String host, String message, String detail,
      PropertyCheck violation) {
    /** A failure that is not a property violation. */
    public Failure(Integer rank, String host, String message, String detail) {
      this(rank, host, message, detail, null);
    }
  }

  /**
   * Where a rank ran.
   *
   * @param host its host name
   * @param pid its JVM's process id
   */
  public record RankHost(String host, long pid) {}
}
