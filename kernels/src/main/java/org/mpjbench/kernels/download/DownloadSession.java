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
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;

/**
 * One rank's part in cooperative downloads: its connection to the line server (kept open from
 * download to download) and the collective download itself. The kernel ({@link DownloadKernel})
 * runs one download; the JMH harness runs many. Every method is collective.
 *
 * <p>A download: every rank fetches random lines over its own connection, on a thread of its own,
 * as fast as the server's rate allows ({@link Fetcher}, {@link PacingSchedule}). Every {@code
 * exchangeIntervalMs} the main threads ship what they received to the master in one round of
 * collectives (the layouts are in {@link LineBatch}):
 *
 * <ol>
 *   <li>{@code Gather} of {@code long[3]} headers {@code [draws, newLines, textBytes]};
 *   <li>{@code Gatherv} of the draws ({@code long}), the new-line pairs ({@code int}) and their
 *       texts ({@code byte});
 *   <li>{@code Bcast} of {@code int[1]}: {@value #RUNNING}, {@value #COMPLETE} when the master
 *       holds every line, or {@value #STALLED} when the download stopped making progress (see
 *       {@link StallWatch}).
 * </ol>
 *
 * <p>When the master holds every line, everybody stops fetching; one last exchange ships the draws
 * still queued (so that the count of draws D is exact), a {@code Gather} collects each rank's
 * figures, and the master submits the file over a fresh connection and checks the server's
 * verdict.
 *
 * <p>A stalled download stops the same way on every rank, without the last exchange: rank 0 throws
 * with the likely cause (the lines-vs-time points it reported so far are the partial result) and
 * the other ranks return no result.
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
    comm.Barrier();
    long startNanos = System.nanoTime();
    if (master != null) {
      master.startNanos = startNanos;
      master.stallWatch =
          new StallWatch(parameters.lineCount(), size, parameters.ratePerSecond(), startNanos);
    }
    fetching.start();
    try {
      long intervalNanos = TimeUnit.MILLISECONDS.toNanos(parameters.exchangeIntervalMs());
      int state = RUNNING;
      for (long tick = 1; state == RUNNING; tick++) {
        sleepUntil(startNanos + tick * intervalNanos);
        if (fetcher.failure() != null) {
          throw new IOException("rank " + rank + " lost the line server: "
              + fetcher.failure().getMessage(), fetcher.failure());
        }
        state = exchange(master, drain(received), shipped, progress);
      }
      if (state == STALLED) {
        // Every rank stops here, before the last exchange; the fetcher stops in the finally.
        if (master != null) {
          throw new IOException(master.stall);
        }
        return null;
      }
    } finally {
      stopFetching(fetcher, fetching);
    }
    client.allowReconnecting();
    ship(comm, size, master, LineBatch.pack(drain(received), shipped));
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

  /** One round of sharing; returns {@link #RUNNING}, {@link #COMPLETE} or {@link #STALLED}. */
  private int exchange(Master master, List<LineBatch.Draw> draws, BitSet shipped,
      Consumer<DownloadResult.SeriesPoint> progress) throws MPIException {
    long exchangeStart = System.nanoTime();
    ship(comm, size, master, LineBatch.pack(draws, shipped));
    int[] done = new int[1];
    if (master != null) {
      master.exchanges++;
      master.exchangeNanos.add(System.nanoTime() - exchangeStart);
      if (master.distinct() == parameters.lineCount() && master.completeNanos == 0) {
        master.completeNanos = System.nanoTime();
      }
      long now = System.nanoTime();
      master.stall = master.completeNanos != 0 ? null : master.stallWatch.check(now,
          master.distinct(), master.drawValues / 2, master.linesBelow);
      done[0] = master.completeNanos != 0 ? COMPLETE : master.stall != null ? STALLED : RUNNING;
      progress.accept(master.point(now));
    }
    comm.Bcast(done, 0, 1, MPI.INT, 0);
    return done[0];
  }

  /** Gathers every rank's batch to the master, which merges them. */
  private static void ship(Intracomm comm, int size, Master master, LineBatch batch)
      throws MPIException {
    long[] header = {batch.drawCount(), batch.newLineCount(), batch.texts().length};
    long[] headers = new long[3 * size];
    comm.Gather(header, 0, 3, MPI.LONG, headers, 0, 3, MPI.LONG, 0);
    int[] drawCounts = new int[size];
    int[] pairCounts = new int[size];
    int[] textCounts = new int[size];
    for (int rank = 0; rank < size; rank++) {
      drawCounts[rank] = Math.toIntExact(2 * headers[3 * rank]);
      pairCounts[rank] = Math.toIntExact(2 * headers[3 * rank + 1]);
      textCounts[rank] = Math.toIntExact(headers[3 * rank + 2]);
    }
    long[] allDraws = new long[sum(drawCounts)];
    int[] allPairs = new int[sum(pairCounts)];
    byte[] allTexts = new byte[sum(textCounts)];
    comm.Gatherv(batch.draws(), 0, batch.draws().length, MPI.LONG,
        allDraws, 0, drawCounts, offsets(drawCounts), MPI.LONG, 0);
    comm.Gatherv(batch.newLines(), 0, batch.newLines().length, MPI.INT,
        allPairs, 0, pairCounts, offsets(pairCounts), MPI.INT, 0);
    comm.Gatherv(batch.texts(), 0, batch.texts().length, MPI.BYTE,
        allTexts, 0, textCounts, offsets(textCounts), MPI.BYTE, 0);
    if (master != null) {
      master.merge(allDraws, LineBatch.lines(allPairs, allTexts));
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

  private static int sum(int[] counts) {
    int total = 0;
    for (int count : counts) {
      total = Math.addExact(total, count);
    }
    return total;
  }

  private static int[] offsets(int[] counts) {
    int[] offsets = new int[counts.length];
    for (int i = 1; i < counts.length; i++) {
      offsets[i] = offsets[i - 1] + counts[i - 1];
    }
    return offsets;
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

    Master(int lineCount) {
      this.lines = new byte[lineCount][];
    }

    int distinct() {
      return distinct;
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
          List.copyOf(rankFigures)), file);
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
