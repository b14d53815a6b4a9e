package org.mpjbench.kernels.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * One run as it is written to {@code results/}: what was asked, where it ran, how it ended, and
 * the kernel's own result. The schema is documented in docs/results.md; {@link #SCHEMA} changes
 * whenever a field changes meaning.
 *
 * @param schema always {@link #SCHEMA}
 * @param status complete, failed, timed-out or interrupted
 * @param partial true unless complete: the kernel result is missing and {@code partialRecords}
 *     holds what arrived
 * @param kernel the kernel's name
 * @param ranks number of ranks
 * @param device multicore or niodev
 * @param parameters every kernel parameter, defaults included
 * @param startTime when the run started (UTC)
 * @param wallTimeSeconds from starting the MPJ runtime to the end of the job
 * @param environment the host, Java and MPJ versions, the machines
 * @param rankHosts where each rank ran
 * @param result the kernel's result (complete runs)
 * @param partialRecords the kernel's intermediate records (runs that did not complete)
 * @param error what went wrong (runs that did not complete)
 * @param artifacts files the run produced, by name: file names in the same folder as this record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(
    String schema,
    String status,
    boolean partial,
    String kernel,
    int ranks,
    String device,
    JsonNode parameters,
    Instant startTime,
    double wallTimeSeconds,
    Environment environment,
    Map<Integer, RankHost> rankHosts,
    JsonNode result,
    List<JsonNode> partialRecords,
    Failure error,
    Map<String, String> artifacts) {

  /** This record with its artifact file names filled in. */
  public RunRecord withArtifacts(Map<String, String> files) {
    return new RunRecord(schema, status, partial, kernel, ranks, device, parameters, startTime,
        wallTimeSeconds, environment, rankHosts, result, partialRecords, error,
        files.isEmpty() ? null : Map.copyOf(files));
  }

  /** Identifies this file format. */
  public static final String SCHEMA = "mpjbench.run/1";

  /**
   * Where a run happened.
   *
   * @param host the launching host's name
   * @param os operating system name, version and architecture
   * @param cores processors available to the launcher's JVM
   * @param javaVersion the Java runtime version
   * @param javaVm the JVM's name and vendor
   * @param mpjVersion MPJ Express version from its configuration
   * @param mpjHome the MPJ home used
   * @param machines the hosts of a niodev run (null for multicore)
   * @param daemonPort the MPJ daemons' port (niodev only)
   * @param protocolSwitchBytes niodev, hybdev: MPJ's protocol switch limit when the run set one
   *     ({@code --protocol-switch-bytes}, mpjrun's {@code -psl}); null for MPJ's default
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Environment(
      String host,
      String os,
      int cores,
      String javaVersion,
      String javaVm,
      String mpjVersion,
      String mpjHome,
      List<String> machines,
      Integer daemonPort,
      Integer protocolSwitchBytes) {

    /** The environment of this JVM's host with these MPJ Express facts. */
    public static Environment here(String mpjVersion, String mpjHome, List<String> machines,
        Integer daemonPort, Integer protocolSwitchBytes) {
      return new Environment(localHost(),
          System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
              + System.getProperty("os.arch"),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
          mpjVersion, mpjHome, machines, daemonPort, protocolSwitchBytes);
    }

    /** This host's name, or "unknown-host". */
    public static String localHost() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "unknown-host";
      }
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
