package org.mpjbench.kernels.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;
import org.mpjbench.kernels.rank.ControlEventSink;

/**
 * Tests of {@link KernelEvents}, sent through the rank runtime's {@link ControlEventSink} as a rank
 * sends them: nothing recorded when off, events sent in order with their fields when on, at most
 * the limit per rank with one count of what was left out, and an emitting kernel never held up by
 * a connection that does not take the events.
 */
class KernelEventsTest {
  /** Everything a rank would have written to its control connection, decoded as the launcher does. */
  private final List<ControlMessage> sent = Collections.synchronizedList(new ArrayList<>());

  private void receive(List<String> lines) throws IOException {
    for (String line : lines) {
      sent.add(ControlCodec.decode(line));
    }
  }

  private List<ControlMessage.KernelEvent> events() {
    synchronized (sent) {
      return sent.stream().filter(m -> m instanceof ControlMessage.KernelEvent)
          .map(m -> (ControlMessage.KernelEvent) m).toList();
    }
  }

  @Test
  void offRecordsNothingAndHandsOutOneSharedBuilder() {
    KernelEvents off = KernelEvents.off();

    assertFalse(off.enabled());
    assertSame(off.event("enter"), off.event("exit"), "no builder is allocated per event");
    off.event("enter").with("entry", 1).with("name", "x").with("ok", true).emit();
    assertSame(KernelEvents.off(),
        KernelEvents.sending(0, 0, new ControlEventSink(this::receive)),
        "a limit of 0 means no trace");
  }

  @Test
  void eventsReachTheConnectionInOrderWithTheirFieldsAndStamps() throws Exception {
    KernelEvents events = KernelEvents.sending(2, 100, new ControlEventSink(this::receive));
    long before = System.nanoTime();
    events.event("send").with("message", "OK").with("to", 3).emit();
    events.event("enter").at(42).with("entry", 0).with("waitNanos", 1.5).with("self", true)
        .with("name", "eu/\"node\"\\2\n").with("none", (String) null)
        .with("ratio", Double.NaN).emit();
    events.finish(Duration.ofSeconds(10));

    List<ControlMessage.KernelEvent> got = events();
    assertEquals(2, got.size(), sent.toString());
    assertEquals(2, got.get(0).rank());
    assertEquals("send", got.get(0).kind());
    assertEquals("OK", got.get(0).fields().get("message").asText());
    assertEquals(3, got.get(0).fields().get("to").asInt());
    assertTrue(got.get(0).nanos() >= before, "stamped on the host's monotonic clock");
    assertEquals("enter", got.get(1).kind());
    assertEquals(42, got.get(1).nanos(), "at() stamps the kernel's own time");
    assertEquals(1.5, got.get(1).fields().get("waitNanos").asDouble());
    assertTrue(got.get(1).fields().get("self").asBoolean());
    assertEquals("eu/\"node\"\\2\n", got.get(1).fields().get("name").asText(), "escaped");
    assertTrue(got.get(1).fields().get("none").isNull());
    assertEquals("NaN", got.get(1).fields().get("ratio").asText(), "JSON has no NaN number");
    assertEquals(2, sent.size(), "nothing dropped, so no dropped notice: " + sent);
  }

  @Test
  void aRankSendsAtMostItsLimitAndThenSaysHowManyItLeftOut() throws Exception {
    KernelEvents events = KernelEvents.sending(1, 5, new ControlEventSink(this::receive));
    for (int i = 0; i < 8; i++) {
      events.event("deliver").with("id", i).emit();
    }
    events.finish(Duration.ofSeconds(10));

    List<ControlMessage.KernelEvent> got = events();
    assertEquals(5, got.size());
    for (int i = 0; i < 5; i++) {
      assertEquals(i, got.get(i).fields().get("id").asInt(), "the first five, in order");
    }
    assertEquals(new ControlMessage.EventsDropped(1, 3, 5), sent.get(sent.size() - 1),
        "one count of what was left out, after the events");
  }

  @Test
  void eventsAfterFinishAreIgnored() throws Exception {
    KernelEvents events = KernelEvents.sending(0, 10, new ControlEventSink(this::receive));
    events.event("a").emit();
    events.finish(Duration.ofSeconds(10));
    events.event("late").emit();
    events.finish(Duration.ofSeconds(10));

    assertEquals(List.of("a"), events().stream().map(ControlMessage.KernelEvent::kind).toList());
    assertEquals(1, sent.size());
  }

  @Test
  void aFieldCannotTakeTheNameOfATraceLineField() {
    KernelEvents events = KernelEvents.sending(0, 10, new ControlEventSink(this::receive));

    assertThrows(IllegalArgumentException.class, () -> events.event("x").with("kind", 1));
    assertThrows(IllegalArgumentException.class, () -> events.event("x").with("nanos", "y"));
  }

  @Test
  void aStuckConnectionNeverHoldsUpTheKernel() throws Exception {
    CountDownLatch neverReleased = new CountDownLatch(1);
    KernelEvents events = KernelEvents.sending(3, 1_000_000, new ControlEventSink(messages -> {
      if (messages.get(0).contains("\"type\":\"event\"")) {
        try {
          neverReleased.await(); // the socket's buffer is full and stays full
        } catch (InterruptedException e) {
          throw new InterruptedIOException("given up");
        }
      }
      receive(messages);
    }));
    int emitted = 3 * KernelEvents.QUEUE_CAPACITY;

    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (int i = 0; i < emitted; i++) {
        events.event("deliver").with("id", i).emit();
      }
    });
    assertTrue(events.dropped() >= emitted - KernelEvents.QUEUE_CAPACITY - 256,
        "beyond the queue, events are counted and left out: " + events.dropped());
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> events.finish(Duration.ofMillis(200)));

    ControlMessage.EventsDropped notice =
        assertInstanceOf(ControlMessage.EventsDropped.class, sent.get(sent.size() - 1));
    assertEquals(emitted, notice.dropped(), "none arrived, so every one is counted");
    assertEquals(3, notice.rank());
  }

  @Test
  void eventsFromSeveralThreadsAreEachSentOrCounted() throws Exception {
    KernelEvents events = KernelEvents.sending(0, 1_000, new ControlEventSink(this::receive));
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 400; i++) {
          events.event("done").with("task", i).emit();
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    events.finish(Duration.ofSeconds(10));

    ControlMessage.EventsDropped notice =
        assertInstanceOf(ControlMessage.EventsDropped.class, sent.get(sent.size() - 1));
    assertEquals(1_000, events().size(), "exactly the limit went out");
    assertEquals(600, notice.dropped());
  }
}
