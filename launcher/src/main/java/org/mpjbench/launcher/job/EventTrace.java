package org.mpjbench.launcher.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;

/**
 * The {@code --trace FILE} event log, the write-ups' "inter-process communication through a file"
 * made useful: every control event of a run, appended as one JSON object per line and flushed at
 * once, so that a second process can follow the file while it grows (taking a line once its
 * {@code \n} has arrived: a long line may be seen half written before). Lines look like {@code
 * {"seconds":1.234,"rank":0,"event":"progress","payload":{...}}}; a kernel's own steps ({@link
 * ControlMessage.KernelEvent}, from every rank) are {@code "event":"kernel"} lines whose payload
 * holds the step's {@code kind}, its {@code nanos} on the host's monotonic clock, and the kernel's
 * fields. Closed (and nothing written) when no file was asked for.
 */
final class EventTrace implements AutoCloseable {
  /**
   * Kernel events each rank may send in one traced run (about 150 bytes each in the file); the
   * ranks count what they leave out beyond it and say so in one {@code dropped} line.
   */
  static final int KERNEL_EVENTS_PER_RANK = 10_000;

  private static final EventTrace NONE = new EventTrace(null, 0);

  private final OutputStream out;
  private final long originNanos;
  private boolean closed;

  /** One line of the trace. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Line(double seconds, Integer rank, String event, JsonNode payload) {}

  private EventTrace(OutputStream out, long originNanos) {
    this.out = out;
    this.originNanos = originNanos;
  }

  /**
   * A trace appending to {@code file}, its times counted from {@code originNanos} ({@code
   * System.nanoTime()}); one that records nothing when {@code file} is null.
   */
  static EventTrace open(Path file, long originNanos) {
    if (file == null) {
      return NONE;
    }
    try {
      return new EventTrace(new BufferedOutputStream(Files.newOutputStream(file,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)),
          originNanos);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the trace file " + file, e);
    }
  }

  /**
   * Appends one event, stamped now; safe from any thread (the connections' threads write kernel
   * events, the runner everything else), and the stamps of successive lines never decrease.
   */
  synchronized void record(ControlServer.Event event) {
    record((System.nanoTime() - originNanos) / 1e9, event);
  }

  /** Appends one event, {@code seconds} after the origin; ignored once the trace is closed. */
  synchronized void record(double seconds, ControlServer.Event event) {
    if (out == null || closed) {
      return;
    }
    Line line;
    if (event instanceof ControlServer.Event.Connected c) {
      line = new Line(seconds, c.hello().rank(), "started",
          ControlCodec.toTree(new Started(c.hello().host(), c.hello().pid())));
    } else if (event instanceof ControlServer.Event.Said said) {
      ControlMessage message = said.message();
      JsonNode payload;
      String kind = message.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
      if (message instanceof ControlMessage.KernelEvent e) {
        kind = "kernel";
        payload = kernelPayload(e);
      } else if (message instanceof ControlMessage.EventsDropped d) {
        kind = "dropped";
        payload = ControlCodec.toTree(new Dropped(d.dropped(), d.limit()));
      } else if (message instanceof ControlMessage.Progress p) {
        payload = p.payload();
      } else if (message instanceof ControlMessage.Result r) {
        payload = r.payload();
      } else if (message instanceof ControlMessage.Failure f) {
        payload = ControlCodec.toTree(new Failed(f.host(), f.error()));
      } else if (message instanceof ControlMessage.Artifact a) {
        payload = ControlCodec.toTree(new Stored(a.name(), a.data().length));
      } else {
        payload = null;
      }
      line = new Line(seconds, said.rank(), kind, payload);
    } else if (event instanceof ControlServer.Event.Disconnected d) {
      line = new Line(seconds, d.rank(), "disconnected", null);
    } else if (event instanceof ControlServer.Event.Rejected r) {
      line = new Line(seconds, null, "rejected",
          ControlCodec.mapper().getNodeFactory().textNode(r.reason()));
    } else {
      return;
    }
    try {
      // The line and its terminator in one write: a follower takes a line only once its \n is
      // there, and a line longer than the stream's buffer would otherwise reach the file in two.
      byte[] json = ControlCodec.mapper().writeValueAsBytes(line);
      byte[] whole = Arrays.copyOf(json, json.length + 1);
      whole[json.length] = '\n';
      out.write(whole);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the trace file", e);
    }
  }

  /** {@code {"kind":..,"nanos":..}} followed by the kernel's own fields. */
  private static JsonNode kernelPayload(ControlMessage.KernelEvent event) {
    ObjectNode payload = ControlCodec.mapper().createObjectNode();
    payload.put("kind", event.kind());
    payload.put("nanos", event.nanos());
    if (event.fields() instanceof ObjectNode fields) {
      fields.fields().forEachRemaining(field -> {
        if (!payload.has(field.getKey())) {
          payload.set(field.getKey(), field.getValue());
        }
      });
    }
    return payload;
  }

  private record Dropped(long events, int limit) {}

  private record Started(String host, long pid) {}

  private record Failed(String host, String error) {}

  private record Stored(String name, int bytes) {}

  @Override
  public synchronized void close() {
    closed = true;
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // Every line was flushed when written; nothing is lost by a failing close.
      }
    }
  }
}
