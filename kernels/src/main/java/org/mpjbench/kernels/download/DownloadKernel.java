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
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.rank.RankContext;
import org.mpjbench.kernels.rank.RankProgram;

/**
 * Cooperative file download over MPJ ranks. Every rank fetches random lines from the line server
 * over its own connection, on a thread of its own, as fast as the server's rate allows ({@link
 * Fetcher}, {@link PacingSchedule}). Every {@code exchangeIntervalMs} the main threads ship what
 * they received to the master in one round of collectives (the layouts are in {@link LineBatch}):
 *
 * <ol>
 *   <li>{@code Gather} of {@code long[3]} headers {@code [draws, newLines, textBytes]};
 *   <li>{@code Gatherv} of the draws ({@code long}), the new-line pairs ({@code int}) and their
 *       texts ({@code byte});
 *   <li>{@code Bcast} of {@code int[1]}: 1 when the master holds every line.
 * </ol>
 *
 * <p>When the master holds every line, everybody stops fetching; one last exchange ships the draws
 * still queued (so that the count of draws D is exact), a {@code Gather} collects each rank's
 * figures, and the master submits the file over a fresh connection, checks the server's verdict,
 * and hands the reassembled file to the launcher.
 */
public final class DownloadKernel implements RankProgram<DownloadResult> {
  /** The reassembled file's artifact name. */
  public static final String FILE_ARTIFACT = "file.txt";

  /** Files above this size are not sent back to the launcher (the control channel is for data, but not for that much). */
  private static final int MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;
  private static final int FIGURES = 5;

  private final DownloadParameters parameters;

  /** A kernel that runs with these parameters. */
  public DownloadKernel(DownloadParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public DownloadResult run(RankContext context) throws Exception {
    Intracomm comm = context.comm();
    InetSocketAddress server =
        new InetSocketAddress(parameters.serverHost(), parameters.serverPort());
    Duration connectTimeout = Duration.ofMillis(parameters.connectTimeoutMs());
    Duration readTimeout = Duration.ofMillis(parameters.readTimeoutMs());
    Queue<LineBatch.Draw> received = new ConcurrentLinkedQueue<>();
    Master master = context.isRoot() ? new Master(parameters.lineCount()) : null;
    BitSet shipped = new BitSet(parameters.lineCount());

    try (LineClient client = new LineClient(server, connectTimeout, readTimeout)) {
      Fetcher fetcher =
          new Fetcher(client, new PacingSchedule(parameters.requestPeriodNanos(),
              parameters.burst()), parameters.lineCount(), received);
      Thread fetching = new Thread(fetcher, "mpjbench-fetch-" + context.rank());
      fetching.setDaemon(true);
      // Connections are opened before the common start: the download is timed, not the handshake.
      client.connect();
      comm.Barrier();
      long startNanos = System.nanoTime();
      if (master != null) {
        master.startNanos = startNanos;
      }
      fetching.start();
      long intervalNanos = TimeUnit.MILLISECONDS.toNanos(parameters.exchangeIntervalMs());
      boolean done = false;
      for (long tick = 1; !done; tick++) {
        sleepUntil(startNanos + tick * intervalNanos);
        if (fetcher.failure() != null) {
          throw new IOException("rank " + context.rank() + " lost the line server: "
              + fetcher.failure().getMessage(), fetcher.failure());
        }
        done = exchange(comm, context, master, drain(received), shipped);
      }
      fetcher.stop();
      LockSupport.unpark(fetching);
      fetching.join(parameters.readTimeoutMs() + 1_000);
      exchangeLast(comm, master, drain(received), shipped);
      long[] figures = gatherFigures(comm, context.size(), fetcher.figures());
      if (master == null) {
        return null;
      }
      return master.finish(context, figures, server, connectTimeout, readTimeout);
    }
  }

  /** One round of sharing; returns whether the master now holds every line. */
  private boolean exchange(Intracomm comm, RankContext context, Master master,
      List<LineBatch.Draw> draws, BitSet shipped) throws MPIException {
    long exchangeStart = System.nanoTime();
    ship(comm, context.size(), master, LineBatch.pack(draws, shipped));
    int[] done = new int[1];
    if (master != null) {
      master.exchanges++;
      master.exchangeNanos.add(System.nanoTime() - exchangeStart);
      if (master.distinct() == parameters.lineCount() && master.completeNanos == 0) {
        master.completeNanos = System.nanoTime();
      }
      done[0] = master.completeNanos != 0 ? 1 : 0;
      context.progress().accept(master.point(System.nanoTime()));
    }
    comm.Bcast(done, 0, 1, MPI.INT, 0);
    return done[0] == 1;
  }

  private void exchangeLast(Intracomm comm, Master master, List<LineBatch.Draw> draws,
      BitSet shipped) throws MPIException {
    ship(comm, comm.Size(), master, LineBatch.pack(draws, shipped));
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

  private static long[] gatherFigures(Intracomm comm, int size, long[] mine)
      throws MPIException {
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
        }
      }
    }

    DownloadResult.SeriesPoint point(long nowNanos) {
      DownloadResult.SeriesPoint point =
          new DownloadResult.SeriesPoint(seconds(nowNanos), distinct);
      series.add(point);
      return point;
    }

    DownloadResult finish(RankContext context, long[] figures, InetSocketAddress server,
        Duration connectTimeout, Duration readTimeout) throws IOException {
      int lineCount = parameters.lineCount();
      int ranks = context.size();
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
      String verdict;
      try (LineClient submitter = new LineClient(server, connectTimeout, readTimeout)) {
        verdict = submitter.submit(parameters.submitterId(), parameters.team(), lines);
      }
      double submitSeconds = seconds(System.nanoTime());
      boolean accepted = verdict.startsWith("SUBMIT OK");
      if (!accepted) {
        throw new IllegalStateException("the line server rejected the file: " + verdict);
      }
      if (file.length <= MAX_ARTIFACT_BYTES) {
        context.artifacts().accept(FILE_ARTIFACT, file);
      }
      List<DownloadResult.RankFigures> rankFigures = new ArrayList<>();
      for (int rank = 0; rank < ranks; rank++) {
        int at = FIGURES * rank;
        rankFigures.add(new DownloadResult.RankFigures(rank, figures[at], figures[at + 1],
            figures[at + 2], figures[at + 3], figures[at + 4]));
      }
      long[] exchangeTimes = exchangeNanos.stream().mapToLong(Long::longValue).sorted().toArray();
      return new DownloadResult(
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
          List.copyOf(rankFigures));
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
