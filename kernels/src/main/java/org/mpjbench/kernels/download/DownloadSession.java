package org.mpjbench.kernels.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;
import mpi.Status;
import org.mpjbench.kernels.mpi.Probe;
import org.mpjbench.kernels.spi.Latencies;

/**
 * One rank's part in cooperative downloads: its connection to the line server (kept open from
 * download to download) and the collective download itself. The kernel ({@link DownloadKernel})
 * runs one download; the JMH harness runs many. Every method is collective.
 *
 * <p>A download: every rank fetches random lines over its own connection, on a thread of its own,
 * as fast as the server's rate allows ({@link Fetcher}, {@link PacingSchedule}). Every {@code
 * exchangeIntervalMs} the main thread of every other rank ships what it received to the master as
 * one message of bytes ({@code Isend}, tag {@value #TAG_BATCH}, the layout in {@link LineBatch};
 * none when it received nothing) and goes back to sleep: no rank waits for another. The master
 * takes the batches as they arrive ({@code Iprobe}, {@code Recv}) and merges them; at each of its
 * own ticks it merges its own lines and decides the state: {@value #RUNNING}, {@value #COMPLETE}
 * when it holds every line (decided as soon as the completing batch is merged), or {@value
 * #STALLED} when the download stopped making progress (see {@link StallWatch}).
 *
 * <p>(Until issue 14 the exchange was a round of collectives at every tick, a {@code Gather} of
 * headers, three {@code Gatherv} and a {@code Bcast}: five rounds in which every one of the K
 * ranks' threads had to be scheduled in turn, which on a 2-core host made the exchange grow with
 * K, to 8-25 ms at 16 and 32 ranks against a 20 ms interval; see {@code docs/download-scale.md}.)
 *
 * <p>When the state is no longer {@value #RUNNING}, the master sends it to every rank ({@code
 * Isend}, tag {@value #TAG_STATE}); each rank sees it at its next tick, stops fetching and ships
 * the draws still queued as its last batch (tag {@value #TAG_LAST}), so that the count of draws D
 * is exact and no message is left behind; the master takes every rank's last batch. Then, when
 * the download completed, a {@code Gather} collects each rank's figures, and the master submits
 * the file over a fresh connection and checks the server's verdict.
 *
 * <p>A stalled download stops the same way on every rank: rank 0 throws with the likely cause (the
 * lines-vs-time points it reported so far are the partial result) and the other ranks return no
 * result.
 */
public final class DownloadSession implements AutoCloseable {
  /** Files above this size are not returned: the control channel is for data, not for that much. */
  static final int MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;
  private static final int FIGURES = 5;
  /** The state broadcast after each exchange: go on. */
  static final int RUNNING = 0;
  /** ...the master holds every line. */
  static final int COMPLETE = 1;
  /** ...the download stopped making progress: give up. */
  static final int STALLED = 2;
  /** Tag of a batch a rank ships to the master while it fetches. */
  static final int TAG_BATCH = 1401;
  /** ...of its last batch, after it stopped fetching. */
  static final int TAG_LAST = 1402;
  /** ...of the state the master sends every rank when the download ends. */
  static final int TAG_STATE = 1403;
  /**
   * The master's pauses between two looks for batches: short after a batch (the others' usually
   * follow, as every rank ticks on the same grid), doubling up to the longest while none comes, so
   * that a waiting master costs the fetching threads little CPU.
   */
  private static final long FIRST_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
  private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final DownloadParameters parameters;
  private final Intracomm comm;
  private final int rank;
  private final int size;
  private final InetSocketAddress server;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final LineClient client;

  /**
   * Opens this rank's connection (within the connect time-out): connections are opened before any
   * download starts, so the download is timed, not the handshake.
   */
  public DownloadSession(Intracomm comm, int rank, int size, DownloadParameters parameters)
      throws IOException {
    this.parameters = parameters;
    this.comm = comm;
    this.rank = rank;
    this.size = size;
    this.server = new InetSocketAddress(parameters.serverHost(), parameters.serverPort());
    this.connectTimeout = Duration.ofMillis(parameters.connectTimeoutMs());
    this.readTimeout = Duration.ofMillis(parameters.readTimeoutMs());
    this.client = new LineClient(server, connectTimeout, readTimeout);
    client.connect();
  }

  /**
   * A whole reassembled file and what it took: the result on rank 0, null elsewhere.
   *
   * @param result the figures
   * @param file the reassembled file's bytes
   */
  public record Outcome(DownloadResult result, byte[] file) {}

  /**
   * Downloads the whole file once (collective). {@code progress} sees the lines-vs-time points on
   * rank 0. Returns the outcome on rank 0, null elsewhere; a rejected submission or a lost server
   * throws, and so does a stalled download on rank 0 (null elsewhere).
   */
  public Outcome download(Consumer<DownloadResult.SeriesPoint> progress) throws Exception {
    Queue<LineBatch.Draw> received = new ConcurrentLinkedQueue<>();
    Master master = rank == 0 ? new Master(parameters.lineCount()) : null;
    BitSet shipped = new BitSet(parameters.lineCount());
    Fetcher fetcher =
        new Fetcher(client, new PacingSchedule(parameters.requestPeriodNanos(),
            parameters.burst()), parameters.lineCount(), received);
    Thread fetching = new Thread(fetcher, "mpjbench-fetch-" + rank);
    fetching.setDaemon(true);
    client.allowReconnecting();
    // The thread starts now and sends once begun: its start is not part of the measured time.
    fetching.start();
    // The first batch's classes likewise (each multicore rank loads its own copies).
    byte[] empty = LineBatch.pack(List.of(), new BitSet()).encode();
    LineBatch.decode(empty, empty.length);
    int state;
    List<Request> sends = new ArrayList<>();
    try {
      comm.Barrier();
      long startNanos = System.nanoTime();
      if (master != null) {
        master.startNanos = startNanos;
        master.stallWatch =
            new StallWatch(parameters.lineCount(), size, parameters.ratePerSecond(), startNanos);
      }
      fetcher.begin();
      state = master != null
          ? masterTicks(master, fetcher, received, shipped, startNanos, progress)
          : rankTicks(fetcher, received, shipped, startNanos, sends);
    } finally {
      stopFetching(fetcher, fetching);
    }
    client.allowReconnecting();
    LineBatch last = LineBatch.pack(drain(received), shipped);
    if (master == null) {
      byte[] message = last.encode();
      sends.add(comm.Isend(message, 0, message.length, MPI.BYTE, 0, TAG_LAST));
      Request.Waitall(sends.toArray(Request[]::new));
      if (state == STALLED) {
        return null;
      }
    } else {
      master.merge(last);
      master.receiveLastBatches();
      if (state == STALLED) {
        throw new IOException(master.stall);
      }
    }
    long[] figures = gatherFigures(fetcher.figures());
    return master == null ? null : master.finish(figures);
  }

  @Override
  public void close() {
    client.close();
  }

  /** Stops the fetching thread (idempotent); throws when it does not end in time. */
  private void stopFetching(Fetcher fetcher, Thread fetching) throws InterruptedException {
    fetcher.stop();
    LockSupport.unpark(fetching);
    // A fetcher inside a request ends within a read time-out; one reconnecting, within the
    // connect time-out (its back-off checks the stop flag).
    fetching.join(parameters.connectTimeoutMs() + parameters.readTimeoutMs() + 1_000);
    if (fetching.isAlive()) {
      throw new IllegalStateException("rank " + rank + ": the fetching thread did not stop");
    }
  }

  private void checkFetcher(Fetcher fetcher) throws IOException {
    if (fetcher.failure() != null) {
      throw new IOException("rank " + rank + " lost the line server: "
          + fetcher.failure().getMessage(), fetcher.failure());
    }
  }

  /**
   * A rank other than the master: at every tick ships its new draws (if any) and looks for the
   * master's state; returns it ({@link #COMPLETE} or {@link #STALLED}). The sends still pending
   * are left in {@code sends}.
   */
  private int rankTicks(Fetcher fetcher, Queue<LineBatch.Draw> received, BitSet shipped,
      long startNanos, List<Request> sends) throws Exception {
    long intervalNanos = TimeUnit.MILLISECONDS.toNanos(parameters.exchangeIntervalMs());
    int[] state = new int[1];
    for (long tick = 1; ; tick++) {
      sleepUntil(startNanos + tick * intervalNanos);
      checkFetcher(fetcher);
      List<LineBatch.Draw> draws = drain(received);
      if (!draws.isEmpty()) {
        byte[] message = LineBatch.pack(draws, shipped).encode();
        sends.add(comm.Isend(message, 0, message.length, MPI.BYTE, 0, TAG_BATCH));
      }
      for (Iterator<Request> it = sends.iterator(); it.hasNext(); ) {
        if (it.next().Test() != null) {
          it.remove();
        }
      }
      if (Probe.iprobe(comm, 0, TAG_STATE) != null) {
        comm.Recv(state, 0, 1, MPI.INT, 0, TAG_STATE);
        return state[0];
      }
    }
  }

  /**
   * The master: takes the batches as they arrive; at every tick (or as soon as it holds every
   * line) merges its own, records the exchange and decides the state; returns {@link #COMPLETE}
   * or {@link #STALLED} once it has sent that state to every rank.
   */
  private int masterTicks(Master master, Fetcher fetcher, Queue<LineBatch.Draw> received,
      BitSet shipped, long startNanos, Consumer<DownloadResult.SeriesPoint> progress)
      throws Exception {
    long intervalNanos = TimeUnit.MILLISECONDS.toNanos(parameters.exchangeIntervalMs());
    for (long tick = 1; ; tick++) {
      long tickNanos = startNanos + tick * intervalNanos;
      // The exchange's cost: the time spent taking and merging batches, not the waits between.
      long sharingNanos = 0;
      long pauseNanos = FIRST_POLL_NANOS;
      while (master.completeNanos == 0) {
        long before = System.nanoTime();
        // At most one batch per rank at a time, so that batches that keep coming (short intervals,
        // many ranks) cannot hold off the tick; the master's own lines go in as they come.
        int got = master.receive(TAG_BATCH, size - 1);
        List<LineBatch.Draw> own = drain(received);
        if (!own.isEmpty()) {
          master.merge(LineBatch.pack(own, shipped));
        }
        long after = System.nanoTime();
        sharingNanos += after - before;
        long remaining = tickNanos - after;
        if (remaining <= 0) {
          break;
        }
        if (got == 0) {
          LockSupport.parkNanos(Math.min(remaining, pauseNanos));
          pauseNanos = Math.min(2 * pauseNanos, MAX_POLL_NANOS);
        } else {
          pauseNanos = FIRST_POLL_NANOS;
        }
      }
      checkFetcher(fetcher);
      long tickStart = System.nanoTime();
      master.merge(LineBatch.pack(drain(received), shipped));
      master.exchanges++;
      long now = System.nanoTime();
      master.stall = master.completeNanos != 0 ? null : master.stallWatch.check(now,
          master.distinct(), master.drawValues / 2, master.linesBelow);
      int state = master.completeNanos != 0 ? COMPLETE : master.stall != null ? STALLED : RUNNING;
      progress.accept(master.point(now));
      if (state != RUNNING) {
        master.sendState(state);
      }
      master.exchangeNanos.add(sharingNanos + System.nanoTime() - tickStart);
      if (state != RUNNING) {
        return state;
      }
    }
  }

  private long[] gatherFigures(long[] mine) throws MPIException {
    long[] all = new long[FIGURES * size];
    comm.Gather(mine, 0, FIGURES, MPI.LONG, all, 0, FIGURES, MPI.LONG, 0);
    return all;
  }

  private static List<LineBatch.Draw> drain(Queue<LineBatch.Draw> queue) {
    List<LineBatch.Draw> drained = new ArrayList<>();
    LineBatch.Draw draw;
    while ((draw = queue.poll()) != null) {
      drained.add(draw);
    }
    return drained;
  }

  private static void sleepUntil(long deadlineNanos) throws InterruptedException {
    long remaining;
    while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
  }

  /** Rank 0's state: the file as far as it is known, every draw, the series. */
  private final class Master {
    private final byte[][] lines;
    private final List<DownloadResult.SeriesPoint> series = new ArrayList<>();
    private final List<Long> exchangeNanos = new ArrayList<>();
    private long[] draws = new long[1024];
    private int drawValues;
    private int distinct;
    private long startNanos;
    private long completeNanos;
    private long exchanges;
    private StallWatch stallWatch;
    /** One more than the highest line number held: a hint at the server's real line count. */
    private int linesBelow;
    /** Why the download stalled, or null. */
    private String stall;
    /** The other ranks' last batches taken so far. */
    private int lastBatches;
    private final List<Request> stateSends = new ArrayList<>();

    Master(int lineCount) {
      this.lines = new byte[lineCount][];
    }

    int distinct() {
      return distinct;
    }

    /** Merges one rank's batch. */
    void merge(LineBatch batch) {
      merge(batch.draws(), LineBatch.lines(batch.newLines(), batch.texts()));
    }

    /** Takes and merges the batches with {@code tag} waiting for the master now; returns how many. */
    int receive(int tag) throws MPIException {
      return receive(tag, Integer.MAX_VALUE);
    }

    /** ...but at most {@code max} of them. */
    int receive(int tag, int max) throws MPIException {
      int got = 0;
      Status waiting;
      while (got < max && (waiting = Probe.iprobe(comm, MPI.ANY_SOURCE, tag)) != null) {
        int length = waiting.Get_count(MPI.BYTE);
        byte[] message = new byte[Math.max(length, 0)];
        comm.Recv(message, 0, message.length, MPI.BYTE, waiting.source, tag);
        merge(LineBatch.decode(message, message.length));
        got++;
      }
      if (tag == TAG_LAST) {
        lastBatches += got;
      }
      return got;
    }

    /** Sends {@code state} to every other rank (completed by {@link #receiveLastBatches}). */
    void sendState(int state) throws MPIException {
      for (int other = 1; other < size; other++) {
        stateSends.add(comm.Isend(new int[] {state}, 0, 1, MPI.INT, other, TAG_STATE));
      }
    }

    /**
     * Takes every batch until each other rank's last one has come (each rank sends its last after
     * all its others, so one more look takes any sent just before), then completes the state
     * sends.
     */
    void receiveLastBatches() throws MPIException {
      while (lastBatches < size - 1) {
        if (receive(TAG_BATCH) + receive(TAG_LAST) == 0) {
          LockSupport.parkNanos(FIRST_POLL_NANOS);
        }
      }
      receive(TAG_BATCH);
      Request.Waitall(stateSends.toArray(Request[]::new));
      stateSends.clear();
    }

    void merge(long[] newDraws, List<LineBatch.Line> newLines) {
      if (drawValues + newDraws.length > draws.length) {
        draws = Arrays.copyOf(draws, Math.max(draws.length * 2, drawValues + newDraws.length));
      }
      System.arraycopy(newDraws, 0, draws, drawValues, newDraws.length);
      drawValues += newDraws.length;
      for (LineBatch.Line line : newLines) {
        if (lines[line.lineNumber()] == null) {
          lines[line.lineNumber()] = line.text();
          distinct++;
          linesBelow = Math.max(linesBelow, line.lineNumber() + 1);
        }
      }
      if (distinct == lines.length && completeNanos == 0) {
        completeNanos = System.nanoTime();
      }
    }

    DownloadResult.SeriesPoint point(long nowNanos) {
      DownloadResult.SeriesPoint point =
          new DownloadResult.SeriesPoint(seconds(nowNanos), distinct);
      series.add(point);
      return point;
    }

    Outcome finish(long[] figures) throws IOException {
      int lineCount = parameters.lineCount();
      int ranks = size;
      // D: order every draw by the time it arrived (one host clock) and find the completing one.
      int drawCount = drawValues / 2;
      Integer[] order = new Integer[drawCount];
      for (int i = 0; i < drawCount; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(draws[2 * a + 1], draws[2 * b + 1]));
      int[] numbers = new int[drawCount];
      for (int i = 0; i < drawCount; i++) {
        numbers[i] = (int) draws[2 * order[i]];
      }
      int drawsToComplete = CouponCollector.drawsToComplete(numbers, lineCount);
      if (drawsToComplete < 0) {
        throw new IllegalStateException("the master holds every line but the draws do not");
      }
      double groupComplete = seconds(draws[2 * order[drawsToComplete - 1] + 1]);
      double masterComplete = seconds(completeNanos);

      byte[] file = reassemble();
      // Over rank 0's own connection (its fetcher has stopped): a server that allows one
      // connection per address must still take the file.
      String verdict = client.submit(parameters.submitterId(), parameters.team(), lines);
      double submitSeconds = seconds(System.nanoTime());
      boolean accepted = verdict.startsWith("SUBMIT OK");
      if (!accepted) {
        throw new IllegalStateException("the line server rejected the file: " + verdict);
      }
      List<DownloadResult.RankFigures> rankFigures = new ArrayList<>();
      for (int rank = 0; rank < ranks; rank++) {
        int at = FIGURES * rank;
        rankFigures.add(new DownloadResult.RankFigures(rank, figures[at], figures[at + 1],
            figures[at + 2], figures[at + 3], figures[at + 4]));
      }
      long[] exchangeTimes = exchangeNanos.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Outcome(new DownloadResult(
          lineCount,
          parameters.ratePerSecond(),
          parameters.burst(),
          CouponCollector.expectedDraws(lineCount),
          CouponCollector.boundSeconds(lineCount, ranks, parameters.ratePerSecond()),
          drawsToComplete,
          groupComplete,
          masterComplete,
          drawsToComplete / (ranks * parameters.ratePerSecond()) / masterComplete,
          submitSeconds,
          verdict,
          true,
          file.length,
          sha256(file),
          exchanges,
          exchangeTimes.length == 0 ? 0 : exchangeTimes[exchangeTimes.length / 2],
          List.copyOf(series),
          List.copyOf(rankFigures),
          Latencies.of(exchangeTimes)), file);
    }

    private byte[] reassemble() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] line : lines) {
        out.writeBytes(line);
        out.write('\n');
      }
      return out.toByteArray();
    }

    private double seconds(long nanos) {
      return (nanos - startNanos) / 1e9;
    }
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
