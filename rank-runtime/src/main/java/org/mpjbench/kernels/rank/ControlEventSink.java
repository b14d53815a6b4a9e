package org.mpjbench.kernels.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;
import org.mpjbench.kernels.program.KernelEvents;

/**
 * A rank's kernel events as control lines for the launcher: each event one {@link
 * ControlMessage.KernelEvent} line, written by {@link ControlCodec#kernelEventLine} from the
 * members the event built (no object mapper on a rank's hot path, see {@link KernelEvents}), and
 * the count left out as one {@link ControlMessage.EventsDropped}.
 */
public final class ControlEventSink implements KernelEvents.Sink {
  /** Where the encoded lines go: the rank's control connection, one batch per call. */
  @FunctionalInterface
  public interface Lines {
    /** Writes {@code lines}, each a control message, and flushes them. */
    void send(List<String> lines) throws IOException;
  }

  private final Lines out;

  /** A sink writing to {@code out}. */
  public ControlEventSink(Lines out) {
    this.out = out;
  }

  @Override
  public void send(int rank, List<KernelEvents.Event> events) throws IOException {
    List<String> lines = new ArrayList<>(events.size());
    for (KernelEvents.Event event : events) {
      lines.add(ControlCodec.kernelEventLine(rank, event.kind(), event.nanos(), event.members()));
    }
    out.send(lines);
  }

  @Override
  public void dropped(int rank, long count, int limit) throws IOException {
    out.send(List.of(ControlCodec.encode(new ControlMessage.EventsDropped(rank, count, limit))));
  }
}
