package org.mpjbench.launcher.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;

/**
 * The {@code --trace FILE} event log, the write-ups' "inter-process communication through a file"
 * made useful: every control event of a run, appended as one JSON object per line and flushed at
 * once, so that a second process can follow the file while it grows. Lines look like {@code
 * {"seconds":1.234,"rank":0,"event":"progress","payload":{...}}}. Closed (and nothing written)
 * when no file was asked for.
 */
final class EventTrace implements AutoCloseable {
  private static final EventTrace NONE = new EventTrace(null);

  private final OutputStream out;

  /** One line of the trace. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Line(double seconds, Integer rank, String event, JsonNode payload) {}

  private EventTrace(OutputStream out) {
    this.out = out;
  }

  /** A trace appending to {@code file}, or one that records nothing when {@code file} is null. */
  static EventTrace open(Path file) {
    if (file == null) {
      return NONE;
    }
    try {
      return new EventTrace(Files.newOutputStream(file, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the trace file " + file, e);
    }
  }

  /** Appends one event, {@code seconds} after the run started. */
  void record(double seconds, ControlServer.Event event) {
    if (out == null) {
      return;
    }
    Line line;
    if (event instanceof ControlServer.Event.Connected c) {
      line = new Line(seconds, c.hello().rank(), "started",
          ControlCodec.toTree(new Started(c.hello().host(), c.hello().pid())));
    } else if (event instanceof ControlServer.Event.Said said) {
      ControlMessage message = said.message();
      JsonNode payload;
      if (message instanceof ControlMessage.Progress p) {
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
      String kind = message.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
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
      out.write(ControlCodec.mapper().writeValueAsBytes(line));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the trace file", e);
    }
  }

  private record Started(String host, long pid) {}

  private record Failed(String host, String error) {}

  private record Stored(String name, int bytes) {}

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // Every line was flushed when written; nothing is lost by a failing close.
      }
    }
  }
}
