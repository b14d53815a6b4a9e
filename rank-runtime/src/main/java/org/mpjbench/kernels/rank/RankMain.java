package org.mpjbench.kernels.rank;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import mpi.MPI;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.control.ControlMessage;
import org.mpjbench.kernels.mpi.Probe;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.program.RankProgramFactory;

/**
 * The class MPJ Express starts on every rank ({@code mpjrun ... org.mpjbench.kernels.rank.RankMain
 * --control HOST:PORT --token TOKEN}). It joins MPI, connects back to the launcher, receives the
 * kernel and its parameters, runs the kernel, and reports the outcome. Every wait has a bound: if
 * the launcher cannot be reached or stops answering, the rank ends itself.
 */
public final class RankMain {
  /** Time a rank waits to connect to the launcher and to receive its start order. */
  private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(60);
  /** Time a rank's queued kernel events have to reach the launcher at the end of its run. */
  private static final Duration EVENTS_FLUSH_WAIT = Duration.ofSeconds(10);
  /** The same when the rank failed: its report must not wait long behind them. */
  private static final Duration EVENTS_FLUSH_WAIT_ON_FAILURE = Duration.ofSeconds(2);
  /** Time a failed rank waits for the launcher's abort before halting on its own. */
  private static final Duration ABORT_WAIT = Duration.ofSeconds(30);

  private RankMain() {}

  /** Entry point for the MPJ runtime; {@code args} still hold the runtime's own leading words. */
  public static void main(String[] args) throws Exception {
    Probe.useDevice(StarterArgs.device(args));
    // Starting the job again after a refused rank (JobRunner) costs more than this wait.
    StarterArgs.awaitStarter(args);
    // The control codec's first use (Jackson's serializers for every message) costs as much as
    // MPI.Init on a small run; done meanwhile, it is ready by the hello (docs/startup.md).
    Thread warmUp = new Thread(ControlCodec::warmUp, "mpjbench-codec-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    String[] programArgs = MPI.Init(args);
    int rank = MPI.COMM_WORLD.Rank();
    int size = MPI.COMM_WORLD.Size();
    RankArguments arguments = RankArguments.parse(programArgs);
    ControlClient control =
        ControlClient.connect(
            arguments.launcher(),
            CONTROL_TIMEOUT,
            new ControlMessage.Hello(
                arguments.token(), rank, size, hostName(), ProcessHandle.current().pid()));
    KernelEvents events = KernelEvents.off();
    try {
      ControlMessage.Start start = control.awaitStart(CONTROL_TIMEOUT);
      control.watchForAbort(rank);
      if (start.fault() != null) {
        start.fault().commitOn(rank);
      }
      events = KernelEvents.sending(rank, start.eventsPerRank(),
          new ControlEventSink(control::sendLines));
      RankContext context =
          new RankContext(
              MPI.COMM_WORLD,
              rank,
              size,
              record -> send(control, new ControlMessage.Progress(rank, ControlCodec.toTree(record))),
              (name, data) -> send(control, new ControlMessage.Artifact(rank, name, data)),
              events,
              start.resultsFolder() == null ? null : Path.of(start.resultsFolder()));
      Object result = runKernel(start, context);
      // Before the rank's result and done: the launcher closes the trace once every rank is done.
      events.finish(EVENTS_FLUSH_WAIT);
      if (rank == 0) {
        control.send(new ControlMessage.Result(0, ControlCodec.toTree(result)));
      }
      MPI.Finalize();
      control.markFinished();
      control.send(new ControlMessage.Done(rank));
      control.close();
    } catch (Throwable failure) {
      flushQuietly(events);
      reportAndWait(control, rank, failure);
    }
  }

  private static void send(ControlClient control, ControlMessage message) {
    try {
      control.send(message);
    } catch (IOException e) {
      throw new IllegalStateException("lost the control connection to the launcher", e);
    }
  }

  /** The events that led to a failure, if the connection takes them at once. */
  private static void flushQuietly(KernelEvents events) {
    try {
      events.finish(EVENTS_FLUSH_WAIT_ON_FAILURE);
    } catch (IOException e) {
      // The failure report below says what matters; it finds out the connection is gone.
    }
  }

  private static Object runKernel(ControlMessage.Start start, RankContext context)
      throws Exception {
    // Every kernel's descriptor is a rank program factory (as the JMH harness's program is): the
    // runtime makes the one the launcher names without importing any kernel.
    RankProgramFactory factory = ProgramLookup.find(start.kernel(), start.factoryClass(),
        RankMain.class.getClassLoader());
    return factory.create(ControlCodec.fromTree(start.parameters(), factory.parametersType()))
        .run(context);
  }

  /**
   * Tells the launcher why this rank failed, then waits for its abort (which halts the JVM). The
   * other ranks are typically blocked in MPI calls that will never return, so this rank must not
   * simply return from main; if the abort does not come, it halts by itself.
   */
  private static void reportAndWait(ControlClient control, int rank, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    try {
      control.send(new ControlMessage.Failure(rank, hostName(), error, trace.toString(),
          PropertyCheck.ViolationException.checkIn(failure)));
    } catch (IOException e) {
      System.err.println("rank " + rank + " failed and cannot tell the launcher: " + error);
    }
    try {
      Thread.sleep(ABORT_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(ControlClient.HALT_ABORTED);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  /** The rank's own arguments, as the launcher writes them. */
  record RankArguments(InetSocketAddress launcher, String token) {
    /** The longest token file read: one line of hex. */
    private static final int MAX_TOKEN_BYTES = 256;

    static RankArguments parse(String[] args) {
      String control = null;
      String tokenFile = null;
      for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--control" -> control = args[i + 1];
          case "--token-file" -> tokenFile = args[i + 1];
          default -> throw new IllegalArgumentException("unknown rank argument " + args[i]);
        }
      }
      if (control == null || tokenFile == null) {
        throw new IllegalArgumentException("RankMain needs --control HOST:PORT and --token-file"
            + " FILE (it is started by mpjbench)");
      }
      int colon = control.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("--control wants HOST:PORT, got " + control);
      }
      return new RankArguments(
          new InetSocketAddress(
              control.substring(0, colon), Integer.parseInt(control.substring(colon + 1))),
          readToken(java.nio.file.Path.of(tokenFile)));
    }

    /**
     * The run's token, from a file only this user can read: a command line would show it to
     * every local user.
     */
    private static String readToken(java.nio.file.Path file) {
      try (var in = java.nio.file.Files.newInputStream(file)) {
        return new String(in.readNBytes(MAX_TOKEN_BYTES), java.nio.charset.StandardCharsets.UTF_8)
            .strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the run's token file " + file + ": "
            + e.getMessage(), e);
      }
    }
  }
}
