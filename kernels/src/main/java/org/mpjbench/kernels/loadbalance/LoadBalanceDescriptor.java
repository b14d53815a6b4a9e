package org.mpjbench.kernels.loadbalance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/**
 * Load balancing under three policies, {@code mpjbench run load-balance}: its options ({@link
 * LoadBalanceOptions}), its program ({@link LoadBalanceKernel}), its figures and its summary. Its
 * bench case is the default one: the default run (every policy in turn), from 1 rank.
 */
public final class LoadBalanceDescriptor extends BaseDescriptor<LoadBalanceParameters, LoadBalanceResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public LoadBalanceDescriptor() {
    super("load-balance", LoadBalanceParameters.class, LoadBalanceResult.class,
        LoadBalanceParameters.DEFAULTS,
        LoadBalanceOptions::new, LoadBalanceKernel::new,
        // A task of any policy; its latency is the turnaround from the policy's start to its end.
        new FigureMeaning("task", "task turnaround", true, null),
        "Load balancing: a dispatcher shares skewed tasks among workers by a policy.",
        "Rank 0 dispatches a seeded stream of --tasks tasks with skewed (Pareto-like)",
        "costs to workers 1..K-1, who execute each as a park of its cost. Policies:",
        "round-robin (task i to worker i mod W), least-loaded (next task to the worker",
        "with least outstanding work, from completions), work-stealing (per-worker queues",
        "at the dispatcher; an idle worker takes its own head or steals another's tail).",
        "Property: every task is done exactly once. Figures: makespan against total work",
        "/ workers.");
  }

  /**
   * The tasks of every policy run, and their rate over the policies' makespans together (the
   * policies run one after the other, so their makespans add up).
   */
  @Override
  public Figures figures(LoadBalanceResult result, int ranks) {
    List<LoadBalanceResult.Policy> policies = result.policies();
    long tasks = policies.stream().flatMap(p -> p.tasksPerWorker().stream())
        .mapToLong(Integer::longValue).sum();
    long makespans = policies.stream().mapToLong(LoadBalanceResult.Policy::makespanNanos).sum();
    String headline = "makespan " + policies.stream()
        .map(p -> p.policy() + " " + Durations.nanos(p.makespanNanos()))
        .collect(Collectors.joining(", ")) + "; bound "
        + Durations.nanos(result.lowerBoundNanos());
    return new Figures(result.check(), result.messages(), tasks,
        result.medianTurnaroundNanos(), makespans <= 0 ? null : tasks * 1e9 / makespans, null,
        headline, result.latency());
  }

  @Override
  public List<String> summary(LoadBalanceParameters parameters, LoadBalanceResult result,
      RunInfo run) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "load-balance: %d ranks, %s, %d worker(s) in %.2f s",
        run.ranks(), run.device(), result.workers(), run.wallTimeSeconds()));
    lines.add(SummaryLines.property(result.check()));
    lines.add("  work         " + Durations.nanos(result.totalWorkNanos()) + " in all; lower bound "
        + Durations.nanos(result.lowerBoundNanos()) + " (total work / workers)");
    for (LoadBalanceResult.Policy p : result.policies()) {
      lines.add(String.format(Locale.ROOT,
          "  %-13s makespan %s, efficiency %.2f, %,d messages, tasks per worker %s",
          p.policy(), Durations.nanos(p.makespanNanos()), p.efficiency(), p.messages(),
          p.tasksPerWorker()));
    }
    lines.add(String.format(Locale.ROOT,
        "  messages     %,d; task turnaround from policy start median %s%s",
        result.messages(), Durations.nanos(result.medianTurnaroundNanos()),
        SummaryLines.afterMedian(result.latency(), result.maxTurnaroundNanos())));
    return lines;
  }
}
