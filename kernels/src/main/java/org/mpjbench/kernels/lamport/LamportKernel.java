package org.mpjbench.kernels.lamport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.Latencies;

/**
 * Lamport logical clocks (and optionally vector clocks) over MPJ ranks. Every rank computes the
 * same seeded {@link LamportPattern} and walks it step by step: its local events, then, if it is
 * the step's sender, a tick and a stamped message; if it is the receiver, a receive that merges
 * the stamps ({@link LogicalClock}). Ranks take part only in their own steps, so the pattern runs
 * concurrently wherever it can. Afterwards every rank's events are gathered to rank 0, which runs
 * {@link LamportCheck}.
 *
 * <p>Messages ({@code long} arrays):
 *
 * <ul>
 *   <li>{@link #TAG_MESSAGE} sender to receiver: {@code [messageId, lamport, sendHostNanos,
 *       vector...]} ({@code 3 + K} longs with vector clocks, 3 without)
 *   <li>Gather of {@code [eventCount, messagesSent]} per rank, then Gatherv of the events, each
 *       {@link LamportEvent#width} longs ({@link LamportEvent#writeTo})
 * </ul>
 *
 * Trace events ({@code --trace}): {@code send} ({@code id}, {@code to}, the {@code lamport} stamp
 * it carries) and {@code receive} ({@code id}, {@code from}, the {@code stamp} received, the
 * {@code lamport} clock after the merge), each stamped with the host time the kernel recorded;
 * local events are not traced.
 *
 * <p>A pattern's messages between two ranks arrive in order (MPI does not overtake), and every
 * receive waits at most {@code --timeout-ms} ({@link TimedReceive}).
 */
public final class LamportKernel implements RankProgram<LamportResult> {
  /** Tag of a pattern message. */
  public static final int TAG_MESSAGE = 221;

  private static final int HEADER_FIELDS = 3;

  private final LamportParameters parameters;

  /** A kernel that runs with these parameters. */
  public LamportKernel(LamportParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public LamportResult run(RankContext context) throws MPIException {
    Intracomm comm = context.comm();
    int size = context.size();
    int rank = context.rank();
    parameters.requireFitsRanks(size);
    LamportPattern pattern = LamportPattern.generate(parameters.seed(), size,
        parameters.messages(), parameters.localEventsMax());
    int vectorLength = parameters.vector() ? size : 0;
    LogicalClock clock = new LogicalClock(rank, size, parameters.vector());
    KernelEvents traced = context.events();
    List<LamportEvent> events = new ArrayList<>();
    long[] message = new long[HEADER_FIELDS + vectorLength];
    long messagesSent = 0;

    comm.Barrier();
    long start = System.nanoTime();
    for (int step = 0; step < pattern.steps(); step++) {
      for (int i = 0; i < pattern.localEvents(step, rank); i++) {
        events.add(clock.local(System.nanoTime()));
      }
      if (!pattern.hasMessage(step)) {
        continue;
      }
      if (pattern.sender(step) == rank) {
        LamportEvent send = clock.send(step, System.nanoTime());
        message[0] = step;
        message[1] = send.lamport();
        message[2] = send.hostNanos();
        if (send.vector() != null) {
          System.arraycopy(send.vector(), 0, message, HEADER_FIELDS, vectorLength);
        }
        events.add(send);
        traced.event("send").at(send.hostNanos()).with("id", step)
            .with("to", pattern.receiver(step)).with("lamport", send.lamport()).emit();
        comm.Send(message, 0, message.length, MPI.LONG, pattern.receiver(step), TAG_MESSAGE);
        messagesSent++;
      } else if (pattern.receiver(step) == rank) {
        Status status = TimedReceive.receive(comm, message, 0, message.length, MPI.LONG,
            pattern.sender(step), TAG_MESSAGE, System.nanoTime() + parameters.timeoutNanos());
        long arrived = System.nanoTime();
        if (status == null) {
          throw new IllegalStateException("lamport: rank " + rank + " waited "
              + parameters.timeoutMs() + " ms for message " + step + " from rank "
              + pattern.sender(step));
        }
        if (message[0] != step) {
          throw new IllegalStateException("lamport: rank " + rank + " got message " + message[0]
              + " from rank " + pattern.sender(step) + " while waiting for message " + step);
        }
        long[] vector = vectorLength == 0 ? null
            : Arrays.copyOfRange(message, HEADER_FIELDS, HEADER_FIELDS + vectorLength);
        LamportEvent received = clock.receive(step, message[1], vector, arrived);
        events.add(received);
        traced.event("receive").at(arrived).with("id", step).with("from", pattern.sender(step))
            .with("stamp", message[1]).with("lamport", received.lamport()).emit();
      }
    }
    comm.Barrier();
    long patternNanos = System.nanoTime() - start;
    Trace trace = gather(comm, size, vectorLength, events, messagesSent);
    if (!context.isRoot()) {
      return null;
    }
    return result(trace, size, patternNanos);
  }

  /** The gathered trace and the messages every rank counted. */
  private record Trace(List<LamportEvent> events, long messages) {}

  /** Gathers every rank's events to rank 0 (an empty trace elsewhere). */
  private static Trace gather(Intracomm comm, int size, int vectorLength,
      List<LamportEvent> events, long messagesSent) throws MPIException {
    int width = LamportEvent.width(vectorLength);
    long[] mine = new long[events.size() * width];
    for (int i = 0; i < events.size(); i++) {
      events.get(i).writeTo(mine, i * width);
    }
    long[] headers = new long[2 * size];
    comm.Gather(new long[] {events.size(), messagesSent}, 0, 2, MPI.LONG, headers, 0, 2, MPI.LONG,
        0);
    int[] counts = new int[size];
    int[] offsets = new int[size];
    int total = 0;
    for (int r = 0; r < size; r++) {
      counts[r] = Math.toIntExact(headers[2 * r] * width);
      offsets[r] = total;
      total += counts[r];
    }
    long[] all = new long[total];
    comm.Gatherv(mine, 0, mine.length, MPI.LONG, all, 0, counts, offsets, MPI.LONG, 0);
    long sentByAll = 0;
    for (int r = 0; r < size; r++) {
      sentByAll += headers[2 * r + 1];
    }
    List<LamportEvent> trace = new ArrayList<>(total / width);
    for (int offset = 0; offset < total; offset += width) {
      trace.add(LamportEvent.readFrom(all, offset, vectorLength));
    }
    return new Trace(trace, sentByAll);
  }

  private LamportResult result(Trace gathered, int size, long patternNanos) {
    List<LamportEvent> trace = gathered.events();
    List<PropertyCheck> checks = new ArrayList<>();
    checks.add(LamportCheck.checkStamps(trace));
    if (parameters.vector()) {
      checks.add(LamportCheck.checkVectors(trace, size));
    }
    PropertyCheck check = LamportCheck.combine(checks);
    check.requireHolds();
    long[] sendHost = new long[parameters.messages()];
    long[] latencies = new long[parameters.messages()];
    int latencyCount = 0;
    long maxStamp = 0;
    long locals = 0;
    for (LamportEvent event : trace) {
      maxStamp = Math.max(maxStamp, event.lamport());
      if (event.type() == LamportEvent.Type.LOCAL) {
        locals++;
      } else if (event.type() == LamportEvent.Type.SEND) {
        sendHost[(int) event.messageId()] = event.hostNanos();
      }
    }
    for (LamportEvent event : trace) {
      if (event.type() == LamportEvent.Type.RECEIVE) {
        latencies[latencyCount++] = event.hostNanos() - sendHost[(int) event.messageId()];
      }
    }
    long[] sorted = Arrays.copyOf(latencies, latencyCount);
    Arrays.sort(sorted);
    long max = latencyCount == 0 ? 0 : sorted[latencyCount - 1];
    return new LamportResult(trace.size(), locals, gathered.messages(), parameters.vector(),
        maxStamp, medianOfSorted(sorted), max, patternNanos, List.copyOf(checks), check,
        Latencies.of(sorted));
  }

  /** The median of sorted values (mean of the two middle ones for an even count); 0 if empty. */
  private static long medianOfSorted(long[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? sorted[n / 2] : sorted[n / 2 - 1] + (sorted[n / 2] - sorted[n / 2 - 1]) / 2;
  }
}
