package org.mpjbench.kernels.control;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * One message on the control channel. Ranks send {@link Hello}, {@link Progress}, {@link
 * KernelEvent}, {@link EventsDropped}, {@link Result}, {@link Artifact}, {@link Failure} and {@link
 * Done}; the launcher sends {@link Start}, {@link Liveness} and {@link Abort}; both send {@link
 * Heartbeat}s.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ControlMessage.Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = ControlMessage.Start.class, name = "start"),
  @JsonSubTypes.Type(value = ControlMessage.Progress.class, name = "progress"),
  @JsonSubTypes.Type(value = ControlMessage.KernelEvent.class, name = "event"),
  @JsonSubTypes.Type(value = ControlMessage.EventsDropped.class, name = "events-dropped"),
  @JsonSubTypes.Type(value = ControlMessage.Result.class, name = "result"),
  @JsonSubTypes.Type(value = ControlMessage.Artifact.class, name = "artifact"),
  @JsonSubTypes.Type(value = ControlMessage.Failure.class, name = "failure"),
  @JsonSubTypes.Type(value = ControlMessage.Done.class, name = "done"),
  @JsonSubTypes.Type(value = ControlMessage.Abort.class, name = "abort"),
  @JsonSubTypes.Type(value = ControlMessage.Liveness.class, name = "liveness"),
  @JsonSubTypes.Type(value = ControlMessage.Heartbeat.class, name = "heartbeat"),
})
public sealed interface ControlMessage {

  /** First message of a rank: who it is, proven by the run's secret token. */
  record Hello(String token, int rank, int size, String host, long pid) implements ControlMessage {}

  /**
   * The launcher's answer to a valid hello: the kernel to run, its parameters, optionally a fault
   * to inject (null for a normal run), and how many {@link KernelEvent}s each rank may send: 0
   * when no trace was asked for, and then the ranks send none. {@code factoryClass} names the
   * class that makes the program (a kernel's descriptor), so that a rank need not make every
   * registered one to find it by name; null leaves the rank to search.
   */
  record Start(String kernel, JsonNode parameters, FaultInjection fault, int eventsPerRank,
      String resultsFolder, String factoryClass) implements ControlMessage {
    /** A start order that leaves the rank to find the program's factory by its name. */
    public Start(String kernel, JsonNode parameters, FaultInjection fault, int eventsPerRank,
        String resultsFolder) {
      this(kernel, parameters, fault, eventsPerRank, resultsFolder, null);
    }

    /** A start order without kernel events (no {@code --trace}) and no results folder. */
    public Start(String kernel, JsonNode parameters, FaultInjection fault) {
      this(kernel, parameters, fault, 0);
    }

    /** A start order that names no results folder. */
    public Start(String kernel, JsonNode parameters, FaultInjection fault, int eventsPerRank) {
      this(kernel, parameters, fault, eventsPerRank, null);
    }
  }

  /** A kernel's intermediate record (e.g. one Berkeley round), kept if the run ends early. */
  record Progress(int rank, JsonNode payload) implements ControlMessage {}

  /**
   * One step of a kernel's algorithm on one rank (an election message sent, a critical section
   * entered), for the {@code --trace} file; sent only when {@link Start#eventsPerRank} allows.
   *
   * @param rank the rank it happened on
   * @param kind what happened, e.g. {@code "enter"}
   * @param nanos when, on the host's monotonic clock ({@code System.nanoTime}, shared by every rank
   *     of a host)
   * @param fields the kernel's details, a JSON object (e.g. {@code {"to":2,"message":"OK"}})
   */
  record KernelEvent(int rank, String kind, long nanos, JsonNode fields)
      implements ControlMessage {}

  /**
   * Sent once at the end by a rank that had to leave kernel events out: over its limit, or
   * because the control connection could not keep up.
   */
  record EventsDropped(int rank, long dropped, int limit) implements ControlMessage {}

  /** Rank 0's result for the whole run. */
  record Result(int rank, JsonNode payload) implements ControlMessage {}

  /**
   * A file a rank produced (bytes travel base64-encoded), stored by the launcher beside the result
   * file as {@code <result name>.<name>}.
   */
  record Artifact(int rank, String name, byte[] data) implements ControlMessage {}

  /**
   * A rank failed; the launcher aborts the run and shows this. {@code violation} is the kernel's
   * property check when that is why it failed (null for any other failure).
   */
  record Failure(int rank, String host, String error, String stackTrace, PropertyCheck violation)
      implements ControlMessage {}

  /** A rank finished its program and left MPI cleanly. */
  record Done(int rank) implements ControlMessage {}

  /** The launcher ends the run: a rank receiving this halts its JVM at once. */
  record Abort(String reason) implements ControlMessage {}

  /**
   * Sent by the launcher after {@link Start}: both ends send a {@link Heartbeat} every {@code
   * heartbeatMillis}, and either end that hears nothing from the other for {@code silenceMillis}
   * gives it up (the launcher fails the run naming the rank and host; the rank halts). This is how a
   * host that vanished (cut link, powered off) is noticed: its TCP connections do not break, they
   * just go quiet.
   */
  record Liveness(long heartbeatMillis, long silenceMillis) implements ControlMessage {}

  /** "Still here"; {@code rank} is -1 from the launcher. */
  record Heartbeat(int rank) implements ControlMessage {}
}
