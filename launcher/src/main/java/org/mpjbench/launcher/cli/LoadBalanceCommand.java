package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.loadbalance.LoadBalanceParameters;
import org.mpjbench.kernels.loadbalance.LoadBalanceResult;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpjbench run load-balance}: a dispatcher and workers under three policies. */
@Command(
    name = "load-balance",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Load balancing: rank 0 dispatches a seeded stream of --tasks tasks with skewed",
      "(Pareto-like) costs to workers 1..K-1, who execute each as a park of its cost.",
      "Policies: round-robin (task i to worker i mod W), least-loaded (next task to the",
      "worker with least outstanding work, from completions), work-stealing (per-worker",
      "queues at the dispatcher; an idle worker takes its own head or steals another's",
      "tail). Property: every task is done exactly once. Figures: makespan against",
      "total work / workers.",
    })
public final class LoadBalanceCommand implements Callable<Integer> {
  private static final LoadBalanceParameters D = LoadBalanceParameters.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--tasks", paramLabel = "N", description = "Tasks in the stream"
      + " (default: ${DEFAULT-VALUE}).")
  int tasks = D.tasks();

  @Option(names = "--mean-task-us", paramLabel = "US", description = "Mean task cost in"
      + " microseconds (default: ${DEFAULT-VALUE}).")
  long meanTaskUs = D.meanTaskUs();

  @Option(names = "--policy", paramLabel = "POLICY", description = "round-robin, least-loaded,"
      + " work-stealing, or all in turn (default: ${DEFAULT-VALUE}).")
  String policy = D.policy();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the task costs"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one"
      + " message before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  @Override
  public Integer call() throws Exception {
    LoadBalanceParameters parameters;
    try {
      parameters = new LoadBalanceParameters(tasks, meanTaskUs, policy, seed, timeoutMs);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new KernelRun(spec, run, KernelType.LOAD_BALANCE)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), LoadBalanceCommand::summary);
  }

  /** The human summary of a complete load-balance run. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    LoadBalanceResult result = ControlCodec.fromTree(record.result(), LoadBalanceResult.class);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "load-balance: %d ranks, %s, %d worker(s) in %.2f s",
        record.ranks(), record.device(), result.workers(), record.wallTimeSeconds()));
    lines.add("  property     " + result.check().property() + ": "
        + (result.check().holds() ? "holds" : "VIOLATED") + " (" + result.check().detail() + ")");
    lines.add("  work         " + Units.nanos(result.totalWorkNanos()) + " in all; lower bound "
        + Units.nanos(result.lowerBoundNanos()) + " (total work / workers)");
    for (LoadBalanceResult.Policy p : result.policies()) {
      lines.add(String.format(Locale.ROOT,
          "  %-13s makespan %s, efficiency %.2f, %,d messages, tasks per worker %s",
          p.policy(), Units.nanos(p.makespanNanos()), p.efficiency(), p.messages(),
          p.tasksPerWorker()));
    }
    lines.add(String.format(Locale.ROOT,
        "  messages     %,d; task turnaround from policy start median %s, max %s",
        result.messages(), Units.nanos(result.medianTurnaroundNanos()),
        Units.nanos(result.maxTurnaroundNanos())));
    return lines;
  }
}
