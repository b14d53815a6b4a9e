package org.mpjbench.kernels.program;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A kernel's steps as events for the {@code --trace} file, sent by any rank over its own control
 * connection. A kernel writes {@code events.event("enter").with("entry", i).emit()}.
 *
 * <p>Off (no trace asked for, {@link #off()}): {@link #event} hands back one shared builder that
 * does nothing, so a call costs a few method calls, allocates nothing and sends nothing.
 *
 * <p>On: each event is stamped with {@code System.nanoTime()} (the host's monotonic clock, which
 * every rank of a host shares) and queued; a daemon thread of its own sends the queue in batches
 * every 50 ms, so the algorithm never waits for the socket nor wakes anybody up. The volume is
 * bounded twice: at most {@code limit} events per rank and run, and at most {@value
 * #QUEUE_CAPACITY} waiting to be sent; an event over either bound is counted and left out, and
 * {@link #finish} reports once how many the connection did not take.
 *
 * <p>The events go to a {@link Sink}: the rank runtime's sends them as control lines; this class,
 * part of the kernel API, knows no protocol.
 *
 * <p>Why the builder writes its fields' JSON with a {@code StringBuilder} rather than through
 * Jackson's object mapper: on the multicore
 * device every rank loads its own copy of Jackson (a class loader per rank), so the JIT compiles
 * the mapper's serializers once per rank while the algorithm runs; measured, that made
 * Ricart-Agrawala's waits at 4 ranks several times longer on a busy 2-core machine, while the
 * JDK's {@code StringBuilder} is compiled once for all ranks.
 */
public final class KernelEvents {
  /** Events waiting to be sent, at most; beyond, the connection is not keeping up. */
  static final int QUEUE_CAPACITY = 4_096;
  /** Events sent in one write; the socket is flushed once per batch. */
  private static final int BATCH = 256;
  /** How often the sending thread looks for queued events: a trace follower lags this much. */
  private static final long SEND_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /** Field names the trace line uses itself. */
  private static final List<String> RESERVED = List.of("kind", "nanos");

  private static final KernelEvents OFF = new KernelEvents();

  /**
   * Where the events of a rank go, on the events' own thread: the rank runtime's control
   * connection ({@code org.mpjbench.kernels.rank}), or a test's list.
   */
  public interface Sink {
    /** Sends one batch of {@code rank}'s events, in emitted order; the list is reused after. */
    void send(int rank, List<Event> events) throws IOException;

    /** Reports once, at the end, that {@code count} events of {@code rank} were left out. */
    void dropped(int rank, long count, int limit) throws IOException;
  }

  private final boolean enabled;
  private final int rank;
  private final int limit;
  private final Sink sink;
  private final BlockingQueue<Object> queue;
  /** Events the kernel emitted while open, sent or not. */
  private final AtomicLong emitted = new AtomicLong();
  /** Events left out at once: over the limit, or the queue full. */
  private final AtomicLong dropped = new AtomicLong();
  /** Events the connection took. */
  private final AtomicLong delivered = new AtomicLong();
  private final Thread sender;
  private final Object end = new Object();
  private volatile boolean closed;

  private KernelEvents() {
    this.enabled = false;
    this.rank = -1;
    this.limit = 0;
    this.sink = null;
    this.queue = null;
    this.sender = null;
  }

  private KernelEvents(int rank, int limit, Sink sink) {
    this.enabled = true;
    this.rank = rank;
    this.limit = limit;
    this.sink = sink;
    this.queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    this.sender = new Thread(this::sendLoop, "mpjbench-events-" + rank);
    this.sender.setDaemon(true);
  }

  /** Events that go nowhere: what a kernel gets when no trace was asked for. */
  public static KernelEvents off() {
    return OFF;
  }

  /**
   * Events of {@code rank} sent to {@code sink} on a thread of their own, at most {@code limit}
   * of them; {@code limit <= 0} gives {@link #off()}. The rank runtime calls this, not a kernel.
   */
  public static KernelEvents sending(int rank, int limit, Sink sink) {
    if (limit <= 0) {
      return OFF;
    }
    KernelEvents events = new KernelEvents(rank, limit, sink);
    events.sender.start();
    return events;
  }

  /** Whether events are recorded; a kernel may skip preparing costly fields when not. */
  public boolean enabled() {
    return enabled;
  }

  /** A new event of {@code kind}; add fields with {@code with}, then {@link Event#emit}. */
  public Event event(String kind) {
    if (!enabled || closed) {
      return Event.NONE;
    }
    return new Event(this, kind);
  }

  /** Events left out at once so far (over the limit, or the queue full). */
  long dropped() {
    return dropped.get();
  }

  private void offer(Event event) {
    if (closed) {
      return;
    }
    if (emitted.getAndIncrement() >= limit || !queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  /**
   * Sends what is queued (waiting at most {@code wait}), then the count of events left out if
   * any; later events are ignored. Called once, when the kernel has returned and before the rank
   * says it is done, so that the trace holds a rank's events before its end. The rank runtime
   * calls this, not a kernel.
   */
  public void finish(Duration wait) throws IOException {
    if (!enabled || closed) {
      return;
    }
    closed = true;
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      if (queue.offer(end, wait.toNanos(), TimeUnit.NANOSECONDS)) {
        LockSupport.unpark(sender);
        sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (sender.isAlive()) {
      // The connection does not take what was queued: what it has not taken counts as lost.
      sender.interrupt();
    }
    long count = emitted.get() - delivered.get();
    if (count > 0) {
      sink.dropped(rank, count, limit);
    }
  }

  private void sendLoop() {
    List<Object> batch = new ArrayList<>(BATCH);
    List<Event> events = new ArrayList<>(BATCH);
    try {
      while (true) {
        // Polled, not woken per event: an emit then signals nobody, and the rank's thread, the
        // connection and the launcher each see one batch per interval instead of one wake-up
        // per event.
        if (queue.drainTo(batch, BATCH) == 0) {
          LockSupport.parkNanos(SEND_INTERVAL_NANOS);
          if (Thread.interrupted()) {
            return;
          }
          continue;
        }
        boolean last = false;
        for (Object item : batch) {
          if (item == end) {
            last = true;
          } else {
            events.add((Event) item);
          }
        }
        if (!events.isEmpty()) {
          sink.send(rank, events);
          delivered.addAndGet(events.size());
        }
        if (last) {
          return;
        }
        batch.clear();
        events.clear();
      }
    } catch (IOException e) {
      // The control connection is gone (or finish() gave up on it and interrupted the write);
      // the rank's watcher halts the JVM when it is gone. Nothing more to send.
    }
  }

  /**
   * One event being written: its fields accumulate as JSON members. The builder of a disabled
   * {@link KernelEvents} is a single shared instance whose methods do nothing.
   */
  public static final class Event {
    static final Event NONE = new Event(null, null);

    private final KernelEvents owner;
    private final String kind;
    private final StringBuilder members;
    private long nanos;

    private Event(KernelEvents owner, String kind) {
      this.owner = owner;
      this.kind = kind;
      this.members = owner == null ? null : new StringBuilder(64);
      this.nanos = owner == null ? 0 : System.nanoTime();
    }

    /** Adds a whole-number field. */
    public Event with(String key, long value) {
      if (members != null) {
        name(key).append(value);
      }
      return this;
    }

    /** Adds a number field (NaN and infinities, which JSON lacks, as text). */
    public Event with(String key, double value) {
      if (members != null) {
        if (Double.isFinite(value)) {
          name(key).append(value);
        } else {
          appendJsonString(name(key), Double.toString(value));
        }
      }
      return this;
    }

    /** Adds a yes/no field. */
    public Event with(String key, boolean value) {
      if (members != null) {
        name(key).append(value);
      }
      return this;
    }

    /** Adds a text field. */
    public Event with(String key, String value) {
      if (members != null) {
        if (value == null) {
          name(key).append("null");
        } else {
          appendJsonString(name(key), value);
        }
      }
      return this;
    }

    /**
     * Stamps the event with a time the kernel measured itself ({@code System.nanoTime()}) instead
     * of the time it was created, so the trace shows exactly the kernel's own figure.
     */
    public Event at(long hostNanos) {
      nanos = hostNanos;
      return this;
    }

    /** Queues the event for sending (never waits). */
    public void emit() {
      if (owner != null) {
        owner.offer(this);
      }
    }

    private StringBuilder name(String key) {
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException("\"" + key + "\" is a field of every trace event;"
            + " a kernel event cannot use it");
      }
      if (members.length() > 0) {
        members.append(',');
      }
      appendJsonString(members, key);
      return members.append(':');
    }

    /** The kind of event, e.g. {@code "enter"}. */
    public String kind() {
      return kind;
    }

    /** When it happened on this host's {@code System.nanoTime()}. */
    public long nanos() {
      return nanos;
    }

    /** Its fields as JSON members without braces, e.g. {@code "to":2,"message":"OK"}. */
    public CharSequence members() {
      return members;
    }
  }

  /** Appends {@code value} as a JSON string, quoted and escaped (Jackson's own escaping). */
  private static StringBuilder appendJsonString(StringBuilder out, String value) {
    return out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value))
        .append('"');
  }
}
