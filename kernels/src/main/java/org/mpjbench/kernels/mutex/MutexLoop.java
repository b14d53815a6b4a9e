package org.mpjbench.kernels.mutex;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.mpjbench.kernels.mpi.Outbox;
import org.mpjbench.kernels.mpi.Probe;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;

/**
 * One rank's run of a mutual-exclusion kernel: a single thread with a message loop. It thinks,
 * asks, waits, holds the critical section and releases it {@code entries} times, and all along
 * (while waiting, while inside, and after its own last entry) it receives and serves the other
 * ranks' messages. When its own entries are done it sends DONE to every other rank, and it leaves
 * the loop only once every other rank has said DONE too, so nobody is left without an answer.
 *
 * <p>Every message leaves through an {@link Outbox} (non-blocking sends, completed as the loop
 * goes), and the loop also runs until its own sends are complete.
 *
 * <p>Waiting is bounded everywhere: between probes the thread parks for a pause doubling from 5 µs
 * to 50 µs (never past the next thing it has to do: leave the critical section, ask again), and a
 * rank that sees no progress for {@code --stall-timeout-ms} fails the run, naming its state.
 *
 * <p>With {@code --trace} every rank also reports {@code request} (it asks), {@code enter} and {@code
 * exit}, the last two stamped with exactly the times its interval records (the host's monotonic
 * clock), so that a reader of the trace file alone can check that no two intervals overlap.
 *
 * <p>After the loop the trace is gathered to rank 0 in one {@code Gather} of a fixed layout per
 * rank: {@code [entriesDone, messagesSent, extraFigure, enter/exit × entries, wait × entries]}.
 */
public final class MutexLoop {
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(5);
  private static final long MAX_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
  private static final int HEADER_LONGS = 3;

  private enum State { THINKING, WAITING, INSIDE, FINISHED }

  private final RankContext context;
  private final MutexParameters parameters;
  private final MutexProtocol protocol;
  private final Outbox outbox;
  private final int doneTag;

  /**
   * A loop for this rank driving {@code protocol}, which sends through {@code outbox}; {@code
   * doneTag} is the kernel's own tag for the DONE notice (payload {@code [rank]}).
   */
  public MutexLoop(RankContext context, MutexParameters parameters, MutexProtocol protocol,
      Outbox outbox, int doneTag) {
    this.context = context;
    this.parameters = parameters;
    this.protocol = protocol;
    this.outbox = outbox;
    this.doneTag = doneTag;
  }

  /** Runs every entry, serves everybody until all are done, gathers: the trace on rank 0. */
  public MutexTrace run() throws MPIException {
    KernelEvents events = context.events();
    Intracomm comm = context.comm();
    int rank = context.rank();
    int size = context.size();
    int entries = parameters.entries();
    // A stream of pauses of its own per rank, reproducible from the seed.
    SplittableRandom random = new SplittableRandom(parameters.seed() * 0x9E3779B97F4A7C15L + rank);
    long[] intervals = new long[2 * entries];
    long[] waits = new long[entries];
    long[] buffer = new long[Math.max(1, protocol.maxMessageLongs())];
    int[] tags = protocol.tags();
    boolean[] doneFrom = new boolean[size];
    int othersDone = 0;

    long startNanos = System.nanoTime();
    int completed = 0;
    State state = State.THINKING;
    long nextAskNanos = startNanos + think(random);
    long askedNanos = 0;
    long exitDueNanos = 0;
    long lastProgressNanos = startNanos;
    long pauseNanos = FIRST_PAUSE_NANOS;

    while (state != State.FINISHED || othersDone < size - 1 || outbox.pending() > 0) {
      boolean progressed = outbox.progress();
      // Serve whatever has arrived, every tag of the algorithm and DONE.
      progressed |= serve(comm, tags, buffer);
      Status done;
      while ((done = Probe.iprobe(comm, MPI.ANY_SOURCE, doneTag)) != null) {
        comm.Recv(buffer, 0, buffer.length, MPI.LONG, done.source, doneTag);
        if (!doneFrom[done.source]) {
          doneFrom[done.source] = true;
          othersDone++;
        }
        progressed = true;
      }

      long now = System.nanoTime();
      if (state == State.THINKING && now >= nextAskNanos) {
        askedNanos = now;
        events.event("request").at(askedNanos).with("entry", completed).emit();
        if (!parameters.unsafe()) {
          protocol.request();
        }
        state = State.WAITING;
        progressed = true;
      }
      if (state == State.WAITING && (parameters.unsafe() || protocol.mayEnter())) {
        long enterNanos = System.nanoTime();
        if (!parameters.unsafe()) {
          protocol.enter();
        }
        intervals[2 * completed] = enterNanos;
        waits[completed] = enterNanos - askedNanos;
        exitDueNanos = enterNanos + parameters.holdNanos();
        events.event("enter").at(enterNanos).with("entry", completed)
            .with("waitNanos", waits[completed]).emit();
        state = State.INSIDE;
        progressed = true;
      }
      now = System.nanoTime();
      if (state == State.INSIDE && now >= exitDueNanos) {
        intervals[2 * completed + 1] = now;
        events.event("exit").at(now).with("entry", completed).emit();
        completed++;
        if (!parameters.unsafe()) {
          protocol.release();
        }
        progressed = true;
        if (completed == entries) {
          state = State.FINISHED;
          long[] notice = {rank};
          for (int other = 0; other < size; other++) {
            if (other != rank) {
              outbox.send(notice, 1, other, doneTag);
            }
          }
        } else {
          state = State.THINKING;
          nextAskNanos = now + think(random);
        }
      }

      now = System.nanoTime();
      if (progressed) {
        lastProgressNanos = now;
        pauseNanos = FIRST_PAUSE_NANOS;
        continue;
      }
      if (now - lastProgressNanos > parameters.stallTimeoutNanos()) {
        throw new IllegalStateException("rank " + rank + " made no progress for "
            + parameters.stallTimeoutMs() + " ms (state " + state + ", " + completed + " of "
            + entries + " entries, " + othersDone + " of " + (size - 1)
            + " other ranks done, " + outbox.pending()
            + " sends pending): the algorithm lost a message or deadlocked");
      }
      long untilNext = switch (state) {
        case THINKING -> nextAskNanos - now;
        case INSIDE -> exitDueNanos - now;
        default -> pauseNanos;
      };
      LockSupport.parkNanos(Math.max(1, Math.min(pauseNanos, untilNext)));
      pauseNanos = Math.min(2 * pauseNanos, MAX_PAUSE_NANOS);
    }

    // A rank's DONE arrives after everything it sent before it; what the last sweep missed
    // between probing a tag and probing DONE is taken here (none of it needs an answer any more:
    // every request of a finished rank has been served).
    serve(comm, tags, buffer);

    int layout = HEADER_LONGS + 3 * entries;
    long[] mine = new long[layout];
    mine[0] = completed;
    mine[1] = protocol.messagesSent();
    mine[2] = protocol.extraFigure();
    System.arraycopy(intervals, 0, mine, HEADER_LONGS, 2 * entries);
    System.arraycopy(waits, 0, mine, HEADER_LONGS + 2 * entries, entries);
    // MPJ Express copies into the receive buffer on every rank, so all need its full size.
    long[] all = new long[layout * size];
    comm.Gather(mine, 0, layout, MPI.LONG, all, 0, layout, MPI.LONG, 0);
    if (!context.isRoot()) {
      return null;
    }
    long[][] intervalsByRank = new long[size][];
    long[][] waitsByRank = new long[size][];
    long[] messages = new long[size];
    long[] extra = new long[size];
    for (int r = 0; r < size; r++) {
      int base = r * layout;
      int count = (int) all[base];
      messages[r] = all[base + 1];
      extra[r] = all[base + 2];
      intervalsByRank[r] = java.util.Arrays.copyOfRange(all, base + HEADER_LONGS,
          base + HEADER_LONGS + 2 * count);
      waitsByRank[r] = java.util.Arrays.copyOfRange(all, base + HEADER_LONGS + 2 * entries,
          base + HEADER_LONGS + 2 * entries + count);
    }
    return new MutexTrace(intervalsByRank, waitsByRank, messages, extra,
        System.nanoTime() - startNanos);
  }

  /** Receives and hands over every queued message of the algorithm's tags; true if any. */
  private boolean serve(Intracomm comm, int[] tags, long[] buffer) throws MPIException {
    boolean served = false;
    for (int tag : tags) {
      Status probed;
      while ((probed = Probe.iprobe(comm, MPI.ANY_SOURCE, tag)) != null) {
        Status got = comm.Recv(buffer, 0, buffer.length, MPI.LONG, probed.source, tag);
        protocol.handle(tag, got.source, buffer, got.Get_count(MPI.LONG));
        served = true;
      }
    }
    return served;
  }

  /** A think time drawn uniformly in [think/2, 3·think/2]. */
  private long think(SplittableRandom random) {
    long mean = parameters.thinkNanos();
    return mean == 0 ? 0 : mean / 2 + random.nextLong(mean + 1);
  }
}
