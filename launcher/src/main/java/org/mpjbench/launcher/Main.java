package org.mpjbench.launcher;

import java.util.Set;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.launcher.cli.MpjBenchCommand;

/** Entry point of {@code launcher/mpjbench}: hands the arguments to the picocli command tree. */
public final class Main {
  /** The commands that start MPJ jobs, and so need Jackson before their first rank starts. */
  private static final Set<String> STARTS_JOBS = Set.of("run", "sweep");

  private Main() {}

  /** Runs the command and exits with its status (0 ok, 1 run failed, 2 bad input). */
  public static void main(String[] args) {
    if (args.length > 0 && STARTS_JOBS.contains(args[0])) {
      warmUpJackson();
    }
    System.exit(MpjBenchCommand.execute(args));
  }

  /**
   * Makes Jackson's mappers for the control channel and the result files on a thread of their
   * own while this one parses the command line (picocli, about a tenth of a second): a run needs
   * them just before it starts its ranks, where they cost about 40 ms of the start
   * (docs/startup.md). A daemon thread: it never holds up the exit.
   */
  private static void warmUpJackson() {
    Thread warmUp = new Thread(() -> {
      ControlCodec.warmUp();
      ResultWriter.mapper();
    }, "mpjbench-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }
}
