package org.mpjbench.kernels.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.mpjbench.lineserver.protocol.LineProtocol;

/**
 * One rank's fetching loop, on a thread of its own so that fetching never waits for the MPI
 * exchanges (only the rank's main thread calls MPI). Requests go out when the {@link
 * PacingSchedule} says; every line received goes into a queue the main thread drains. A failure
 * (the server unreachable past the connect time-out, or a reply that breaks the protocol) is kept
 * for the main thread to report.
 *
 * <p>The thread is started before the download's clock and sends its first request only when
 * {@link #begin} is called: starting a thread and loading the loop's classes is work a rank would
 * otherwise do in the first milliseconds of the measured time, all ranks at once.
 */
final class Fetcher implements Runnable {
  private final LineClient client;
  private final PacingSchedule schedule;
  private final int lineCount;
  private final Queue<LineBatch.Draw> received;
  private final BitSet seen;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong lines = new AtomicLong();
  private final AtomicLong declined = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final CountDownLatch begun = new CountDownLatch(1);
  private volatile boolean stopRequested;
  private volatile Exception failure;

  Fetcher(LineClient client, PacingSchedule schedule, int lineCount,
      Queue<LineBatch.Draw> received) {
    this.client = client;
    this.schedule = schedule;
    this.lineCount = lineCount;
    this.received = received;
    this.seen = new BitSet(lineCount);
  }

  @Override
  public void run() {
    try {
      loadLoopClasses();
      begun.await();
      while (!stopRequested) {
        waitUntil(schedule.nextSendNanos(System.nanoTime()));
        if (stopRequested) {
          return;
        }
        long sentNanos = System.nanoTime();
        LineClient.Reply reply = client.sendLine();
        requests.incrementAndGet();
        if (reply instanceof LineClient.Reply.Line line) {
          long receivedNanos = System.nanoTime();
          if (line.number() < 0 || line.number() >= lineCount) {
            throw new IOException("the server sent line " + line.number()
                + ", outside the " + lineCount + " lines this run was told (--lines)");
          }
          lines.incrementAndGet();
          if (seen.get(line.number())) {
            duplicates.incrementAndGet();
          }
          seen.set(line.number());
          received.add(new LineBatch.Draw(line.number(), receivedNanos, line.text()));
          schedule.accepted(sentNanos);
        } else {
          declined.incrementAndGet();
          schedule.declined(System.nanoTime());
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // asked to end before the download began
    }
  }

  /** Lets the loop send its first request: the download's clock has started. */
  void begin() {
    begun.countDown();
  }

  /** Asks the loop to end after the request in flight, if any (also ends a reconnection). */
  void stop() {
    stopRequested = true;
    begun.countDown();
    client.stopReconnecting();
  }

  /** The failure that ended the loop, or null. */
  Exception failure() {
    return failure;
  }

  /** {@code [requests, linesReceived, declined, duplicates, reconnects]}. */
  long[] figures() {
    return new long[] {
      requests.get(), lines.get(), declined.get(), duplicates.get(), client.reconnects()
    };
  }

  /**
   * Loads and links the classes the loop meets on its first replies. MPJ's multicore device gives
   * every rank a class loader of its own, so each rank loads its own copies: at 32 ranks on 2
   * cores, doing so after the start held the first lines back by 20-50 ms (a 0.9 s download).
   */
  private static void loadLoopClasses() throws IOException {
    PacingSchedule schedule = new PacingSchedule(1_000_000, 2);
    schedule.declined(schedule.nextSendNanos(0));
    schedule.accepted(0);
    int number = (int) LineProtocol.parseReplyNumber("7".getBytes(StandardCharsets.US_ASCII));
    new LineClient.Reply.Declined();
    new LineClient.Reply.Line(number, new byte[0]);
    LineBatch.pack(List.of(new LineBatch.Draw(number, 0, new byte[0])), new BitSet());
  }

  private void waitUntil(long deadlineNanos) {
    long remaining;
    while (!stopRequested && (remaining = deadlineNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, remaining);
    }
  }
}
