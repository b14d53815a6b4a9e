package org.mpjbench.kernels.fileipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mpi.PingPong;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.Latencies;

/**
 * Inter-process communication through a shared file, over MPJ ranks. Rank 0 creates the files
 * ({@link Workspace}) and broadcasts where they are; after a plain MPI ping-pong between ranks 0
 * and 1 with messages of the record's size (the reference) and a barrier, rank 0 appends {@code
 * lines} records ({@link RecordCodec}) to the records file, one write each (and a {@code force}
 * with {@code --sync}), and every other rank follows the file as it grows ({@link
 * RecordFollower}). In ping-pong mode rank 1 writes each record it reads back to the answers file
 * and rank 0 waits for that answer before it writes the next record, so the round trip through the
 * filesystem is timed on rank 0's clock, as an MPI ping-pong is; ranks 2 and up follow the records
 * file as in stream mode. With one rank, rank 0 reads each record back itself right after writing
 * it (and, in ping-pong mode, answers it itself through the answers file), so the run still
 * measures the filesystem.
 *
 * <p>Nobody throws in the middle of the file phase: a reader whose file never appears or stops
 * growing, or a writer whose write fails (a full disk), stops and says so in the gather, so that
 * rank 0 can remove the files and then fail the run with the cause in one line. MPI messages: the
 * broadcast of the records file's path ({@code [status, length]} then its UTF-8 bytes, or rank 0's
 * error), the baseline's {@link #TAG_PING}/{@link #TAG_PONG} ({@code recordBytes} bytes), a barrier
 * and the gathers of every rank's {@link #FIGURES} longs and per-record latencies.
 */
public final class FileIpcKernel implements RankProgram<FileIpcResult> {
  /** Tag of a baseline ping. */
  public static final int TAG_PING = 421;
  /** Tag of a baseline pong. */
  public static final int TAG_PONG = 422;

  private static final int BASELINE_WARMUP_EXCHANGES = 20;
  private static final int MAX_BASELINE_EXCHANGES = 1_000;

  private static final int F_OUTCOME = 0;
  /** The record at which the part ended early. */
  private static final int F_AT = 1;
  /** From the common start to the last record read (or answered). */
  private static final int F_ELAPSED_NANOS = 2;
  private static final int F_RECORDS_LOG = 3;
  private static final int F_ANSWERS_LOG = F_RECORDS_LOG + ReaderLog.LONGS;
  private static final int FIGURES = F_ANSWERS_LOG + ReaderLog.LONGS;

  private final FileIpcParameters parameters;

  /** A kernel that runs with these parameters. */
  public FileIpcKernel(FileIpcParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public FileIpcResult run(RankContext context) throws Exception {
    Workspace workspace = context.isRoot() ? new Workspace() : null;
    try {
      Path records = shareRecordsFile(context, workspace);
      if (records == null) {
        return null; // rank 0 could not create the files and fails the run with the reason
      }
      long baseline = baselineRoundTripNanos(context);
      int lines = parameters.lines();
      long[] figures = new long[FIGURES];
      long[] latencies = new long[lines];
      long[] roundTrips = new long[lines];
      ReaderLog recordsLog = new ReaderLog();
      ReaderLog answersLog = new ReaderLog();
      context.comm().Barrier();
      long start = System.nanoTime();
      String writerFailure = null;
      if (context.size() == 1) {
        writerFailure = alone(records, start, figures, latencies, roundTrips, recordsLog,
            answersLog);
      } else if (context.isRoot()) {
        writerFailure = write(records, start, figures, roundTrips, answersLog);
      } else {
        follow(context.rank(), records, start, figures, latencies, recordsLog);
      }
      recordsLog.writeTo(figures, F_RECORDS_LOG);
      answersLog.writeTo(figures, F_ANSWERS_LOG);
      return gather(context, records, figures, latencies, roundTrips, baseline, writerFailure,
          workspace);
    } finally {
      if (workspace != null) {
        workspace.close();
      }
    }
  }

  /**
   * Rank 0 creates the folder and files and broadcasts the records file's path; returns it on
   * every rank, or null on the other ranks when rank 0 could not (rank 0 throws the reason).
   */
  private Path shareRecordsFile(RankContext context, Workspace workspace) throws MPIException {
    byte[] text = new byte[0];
    int[] header = new int[2];
    RuntimeException failure = null;
    if (context.isRoot()) {
      try {
        // By default beside the results, which every host of a cluster run sees (a shared home);
        // a run with none (a benchmark's) uses the working folder.
        Path base = context.resultsFolder() != null ? context.resultsFolder()
            : Path.of("").toAbsolutePath();
        Files.createDirectories(base);
        Path folder = workspace.folder(parameters.dir(), base);
        text = workspace.createFiles(folder, parameters.pingPong()).toString()
            .getBytes(StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        failure = e instanceof IllegalArgumentException iae
            ? new IllegalArgumentException("file-ipc: " + iae.getMessage(), iae)
            : new IllegalStateException("file-ipc: cannot create the files: " + e, e);
        text = failure.getMessage().getBytes(StandardCharsets.UTF_8);
        header[0] = 1;
      }
      header[1] = text.length;
    }
    context.comm().Bcast(header, 0, 2, MPI.INT, 0);
    if (!context.isRoot()) {
      text = new byte[header[1]];
    }
    context.comm().Bcast(text, 0, text.length, MPI.BYTE, 0);
    if (failure != null) {
      throw failure;
    }
    return header[0] == 0 ? Path.of(new String(text, StandardCharsets.UTF_8)) : null;
  }

  /**
   * Median round trip of a plain MPI ping-pong of {@code recordBytes} between ranks 0 and 1 with
   * blocking receives (MPI at its best), on rank 0; 0 elsewhere and with one rank.
   */
  private long baselineRoundTripNanos(RankContext context) throws MPIException {
    if (context.size() == 1 || context.rank() > 1) {
      return 0;
    }
    Intracomm comm = context.comm();
    int bytes = parameters.recordBytes();
    byte[] message = new byte[bytes];
    int exchanges = baselineExchanges();
    long[] roundTrips = new long[exchanges];
    for (int i = 0; i < BASELINE_WARMUP_EXCHANGES + exchanges; i++) {
      if (context.isRoot()) {
        long sent = System.nanoTime();
        comm.Send(message, 0, bytes, MPI.BYTE, 1, TAG_PING);
        comm.Recv(message, 0, bytes, MPI.BYTE, 1, TAG_PONG);
        if (i >= BASELINE_WARMUP_EXCHANGES) {
          roundTrips[i - BASELINE_WARMUP_EXCHANGES] = System.nanoTime() - sent;
        }
      } else {
        comm.Recv(message, 0, bytes, MPI.BYTE, 0, TAG_PING);
        comm.Send(message, 0, bytes, MPI.BYTE, 0, TAG_PONG);
      }
    }
    return context.isRoot() ? PingPong.median(roundTrips) : 0;
  }

  private int baselineExchanges() {
    return Math.min(parameters.lines(), MAX_BASELINE_EXCHANGES);
  }

  /** Rank 0 with other ranks: writes every record; in ping-pong, waits for each answer. */
  private String write(Path records, long start, long[] figures, long[] roundTrips,
      ReaderLog answersLog) throws IOException, InterruptedException {
    ByteBuffer record = ByteBuffer.allocate(parameters.recordBytes());
    ByteBuffer answer = ByteBuffer.allocate(parameters.recordBytes());
    try (FileChannel out = openForAppending(records);
        RecordFollower answers = new RecordFollower(Workspace.answersFor(records))) {
      if (parameters.pingPong() && !answers.awaitFile(deadline())) {
        return end(figures, FileIpcFailures.NO_FILE, 0,
            "file-ipc: rank 0 cannot open its own answers file");
      }
      for (int i = 0; i < parameters.lines(); i++) {
        long sent = System.nanoTime();
        RecordCodec.encode(i, sent, record);
        String failure = append(out, record, i, records);
        if (failure != null) {
          return end(figures, FileIpcFailures.WRITE_FAILED, i, failure);
        }
        if (parameters.pingPong()
            && !awaitAnswer(answers, answer, i, sent, roundTrips, answersLog)) {
          return end(figures, FileIpcFailures.NO_ANSWER, i, null);
        }
      }
    }
    figures[F_ELAPSED_NANOS] = System.nanoTime() - start;
    return null;
  }

  /** Ranks 1 and up: follow the records file; in ping-pong, rank 1 answers each record. */
  private void follow(int rank, Path records, long start, long[] figures, long[] latencies,
      ReaderLog log) throws IOException, InterruptedException {
    ByteBuffer record = ByteBuffer.allocate(parameters.recordBytes());
    try (RecordFollower in = new RecordFollower(records)) {
      if (!in.awaitFile(start + parameters.timeoutNanos())) {
        end(figures, FileIpcFailures.NO_FILE, 0, null);
        return;
      }
      boolean answering = parameters.pingPong() && rank == 1;
      try (FileChannel answers = answering ? openForAppending(Workspace.answersFor(records))
          : null) {
        for (int i = 0; i < parameters.lines(); i++) {
          if (!in.awaitRecord(record, deadline())) {
            end(figures, FileIpcFailures.STOPPED, i, null);
            return;
          }
          RecordCodec.Decoded decoded = RecordCodec.decode(record);
          latencies[i] = System.nanoTime() - decoded.sendNanos();
          log.accept(decoded);
          figures[F_ELAPSED_NANOS] = System.nanoTime() - start;
          if (answering && append(answers, record, i, records) != null) {
            end(figures, FileIpcFailures.WRITE_FAILED, i, null);
            return;
          }
        }
      } catch (NoSuchFileException e) {
        end(figures, FileIpcFailures.NO_FILE, 0, null);
      }
    }
  }

  /** One rank: rank 0 writes each record, reads it back and, in ping-pong, answers it itself. */
  private String alone(Path records, long start, long[] figures, long[] latencies,
      long[] roundTrips, ReaderLog recordsLog, ReaderLog answersLog)
      throws IOException, InterruptedException {
    Path answersFile = Workspace.answersFor(records);
    ByteBuffer record = ByteBuffer.allocate(parameters.recordBytes());
    ByteBuffer back = ByteBuffer.allocate(parameters.recordBytes());
    try (FileChannel out = openForAppending(records);
        RecordFollower in = new RecordFollower(records);
        FileChannel answersOut = parameters.pingPong() ? openForAppending(answersFile) : null;
        RecordFollower answersIn = new RecordFollower(answersFile)) {
      if (!in.awaitFile(deadline())
          || parameters.pingPong() && !answersIn.awaitFile(deadline())) {
        return end(figures, FileIpcFailures.NO_FILE, 0,
            "file-ipc: rank 0 cannot open its own files");
      }
      for (int i = 0; i < parameters.lines(); i++) {
        long sent = System.nanoTime();
        RecordCodec.encode(i, sent, record);
        String failure = append(out, record, i, records);
        if (failure != null) {
          return end(figures, FileIpcFailures.WRITE_FAILED, i, failure);
        }
        if (!in.awaitRecord(back, deadline())) {
          return end(figures, FileIpcFailures.STOPPED, i, null);
        }
        RecordCodec.Decoded decoded = RecordCodec.decode(back);
        latencies[i] = System.nanoTime() - decoded.sendNanos();
        recordsLog.accept(decoded);
        if (parameters.pingPong()) {
          failure = append(answersOut, back, i, answersFile);
          if (failure != null) {
            return end(figures, FileIpcFailures.WRITE_FAILED, i, failure);
          }
          if (!awaitAnswer(answersIn, back, i, sent, roundTrips, answersLog)) {
            return end(figures, FileIpcFailures.NO_ANSWER, i, null);
          }
        }
      }
    }
    figures[F_ELAPSED_NANOS] = System.nanoTime() - start;
    return null;
  }

  /**
   * Ping-pong, on rank 0: awaits the answer to record {@code i} (sent at {@code sent}) into
   * {@code answer}, times its round trip and logs it; false if no answer came in time.
   */
  private boolean awaitAnswer(RecordFollower answers, ByteBuffer answer, int i, long sent,
      long[] roundTrips, ReaderLog answersLog) throws IOException, InterruptedException {
    if (!answers.awaitRecord(answer, deadline())) {
      return false;
    }
    roundTrips[i] = System.nanoTime() - sent;
    answersLog.accept(RecordCodec.decode(answer));
    return true;
  }

  private static FileChannel openForAppending(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /**
   * Appends {@code record} in one write (then forces it with {@code --sync}); null when done, else
   * the reason in one line. An {@link IOException} here is most often a full disk.
   */
  private String append(FileChannel out, ByteBuffer record, int index, Path file) {
    try {
      record.rewind();
      while (record.hasRemaining()) {
        out.write(record);
      }
      if (parameters.sync()) {
        out.force(false);
      }
      return null;
    } catch (IOException e) {
      return String.format(Locale.ROOT, "file-ipc: writing record %d to %s failed (%s); is the"
          + " disk full? %d record(s) were written", index, file, e.getMessage(), index);
    }
  }

  private static String end(long[] figures, int outcome, int at, String failure) {
    figures[F_OUTCOME] = outcome;
    figures[F_AT] = at;
    return failure;
  }

  private long deadline() {
    return System.nanoTime() + parameters.timeoutNanos();
  }

  private FileIpcResult gather(RankContext context, Path records, long[] figures,
      long[] latencies, long[] roundTrips, long baseline, String writerFailure,
      Workspace workspace) throws MPIException {
    int size = context.size();
    int lines = parameters.lines();
    Intracomm comm = context.comm();
    long[] allFigures = new long[FIGURES * size];
    long[] allLatencies = new long[lines * size];
    comm.Gather(figures, 0, FIGURES, MPI.LONG, allFigures, 0, FIGURES, MPI.LONG, 0);
    comm.Gather(latencies, 0, lines, MPI.LONG, allLatencies, 0, lines, MPI.LONG, 0);
    if (!context.isRoot()) {
      return null;
    }
    List<FileIpcFailures.Outcome> outcomes = new ArrayList<>();
    for (int rank = 0; rank < size; rank++) {
      outcomes.add(new FileIpcFailures.Outcome(rank, (int) allFigures[FIGURES * rank + F_OUTCOME],
          allFigures[FIGURES * rank + F_AT]));
    }
    String failure = FileIpcFailures.describe(outcomes, writerFailure, records, parameters);
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    List<ReaderLog.Counts> counts = new ArrayList<>();
    List<FileIpcResult.Reader> readers = new ArrayList<>();
    List<long[]> oneWay = new ArrayList<>();
    long longestElapsed = 0;
    for (int rank = size == 1 ? 0 : 1; rank < size; rank++) {
      ReaderLog.Counts c = ReaderLog.Counts.read(rank, "records", allFigures,
          FIGURES * rank + F_RECORDS_LOG);
      long[] mine = Arrays.copyOfRange(allLatencies, lines * rank,
          lines * rank + (int) c.received());
      counts.add(c);
      oneWay.add(mine);
      Latencies l = Latencies.of(mine);
      readers.add(new FileIpcResult.Reader(rank, "records", c.received(), l.p50Nanos(),
          l.maxNanos()));
      longestElapsed = Math.max(longestElapsed, allFigures[FIGURES * rank + F_ELAPSED_NANOS]);
    }
    long[] allOneWay = oneWay.stream().flatMapToLong(Arrays::stream).toArray();
    Latencies headline = Latencies.of(allOneWay);
    if (parameters.pingPong()) {
      ReaderLog.Counts c = ReaderLog.Counts.read(0, "answers", allFigures, F_ANSWERS_LOG);
      counts.add(c);
      headline = Latencies.of(Arrays.copyOf(roundTrips, (int) c.received()));
      readers.add(new FileIpcResult.Reader(0, "answers", c.received(), headline.p50Nanos(),
          headline.maxNanos()));
      longestElapsed = allFigures[F_ELAPSED_NANOS];
    }
    PropertyCheck check = FileIpcCheck.check(counts, lines).requireHolds();
    double perSecond = longestElapsed == 0 ? 0 : lines * 1e9 / longestElapsed;
    return new FileIpcResult(parameters.mode(), lines, parameters.recordBytes(),
        parameters.pingPong() ? "round trip through the files" : "one-way delivery", headline,
        Latencies.of(allOneWay).p50Nanos(), perSecond, readers, baseline,
        size == 1 ? 0 : baselineExchanges(), parameters.pingPong() ? 2L * lines : lines,
        records.getParent().toString(), workspace.createdFolder(), check);
  }
}
