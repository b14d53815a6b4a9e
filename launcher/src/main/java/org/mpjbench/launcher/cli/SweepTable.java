package org.mpjbench.launcher.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.Rates;
import org.mpjbench.launcher.report.KernelFigures;
import org.mpjbench.launcher.report.Medians;
import org.mpjbench.launcher.report.RunFigures;

/**
 * The human table a sweep prints last: medians per kernel and rank count. The download and
 * Berkeley keep their own tables; the algorithm kernels share one, whose figures are those of
 * {@link KernelFigures}: the property held in how many runs, messages per operation, the median
 * latency of one operation and operations per second.
 */
final class SweepTable {
  /** The column of the clock kernels' figure: the true skew their clocks end with. */
  private static final String FINAL_SKEW = "final_skew_ns";

  private SweepTable() {}

  /** Prints the tables of every kernel that has runs among {@code runs} (failed ones included). */
  static void print(PrintWriter out, List<RunFigures> runs) {
    printDownload(out, completeRecords(runs, KernelFigures.named("download")));
    printBerkeley(out, completeRecords(runs, KernelFigures.named("berkeley")));
    printClocks(out, runs);
    printAlgorithms(out, runs);
  }

  /**
   * The clock-synchronization kernels side by side (those with a {@code final_skew_ns} column:
   * Berkeley, Cristian, and any other), one column each: the median true skew their clocks end
   * with, per rank count. Printed when two or more of them have complete runs.
   */
  private static void printClocks(PrintWriter out, List<RunFigures> runs) {
    Map<KernelFigures, Map<Integer, List<RunFigures>>> clocks = new TreeMap<>();
    java.util.Set<Integer> rankCounts = new java.util.TreeSet<>();
    for (KernelFigures kernel : KernelFigures.all()) {
      if (kernel.columns().stream().anyMatch(c -> c.name().equals(FINAL_SKEW))) {
        Map<Integer, List<RunFigures>> byRanks = completeRecords(runs, kernel);
        if (!byRanks.isEmpty()) {
          clocks.put(kernel, byRanks);
          rankCounts.addAll(byRanks.keySet());
        }
      }
    }
    if (clocks.size() < 2) {
      return;
    }
    out.println();
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-22s",
        "final true skew"));
    clocks.keySet().forEach(k -> header.append(String.format(Locale.ROOT, " %18s",
        k.kernelName())));
    out.println(header);
    for (int ranks : rankCounts) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  -np %-16d", ranks));
      clocks.forEach((kernel, byRanks) -> {
        List<RunFigures> group = byRanks.get(ranks);
        line.append(String.format(Locale.ROOT, " %18s", group == null ? "-"
            : Durations.nanos((long) median(group, kernel.column(FINAL_SKEW)))));
      });
      out.println(line);
    }
  }

  private static void printDownload(PrintWriter out, Map<Integer, List<RunFigures>> download) {
    if (download.isEmpty()) {
      return;
    }
    KernelFigures.Column t = KernelFigures.named("download").column("master_complete_s");
    KernelFigures.Column bound = KernelFigures.named("download").column("bound_s");
    KernelFigures.Column e = KernelFigures.named("download").column("efficiency");
    out.println();
    out.println("download     runs  median T (s)  bound (s)  median E  min E  speedup  luck-free");
    double t1 = download.containsKey(1) ? median(download.get(1), t) : 0;
    double e1 = download.containsKey(1) ? median(download.get(1), e) : 0;
    for (Map.Entry<Integer, List<RunFigures>> entry : download.entrySet()) {
      int k = entry.getKey();
      List<RunFigures> group = entry.getValue();
      double tk = median(group, t);
      double ek = median(group, e);
      double minE = group.stream().mapToDouble(e::number).min().orElse(Double.NaN);
      out.println(String.format(Locale.ROOT, "  -np %-3d %7d %13.2f %10.2f %9.3f %6.3f %8s %10s",
          k, group.size(), tk, median(group, bound), ek, minE,
          t1 > 0 ? String.format(Locale.ROOT, "%.2f", t1 / tk) : "-",
          e1 > 0 ? String.format(Locale.ROOT, "%.2f", k * ek / e1) : "-"));
    }
  }

  private static void printBerkeley(PrintWriter out, Map<Integer, List<RunFigures>> berkeley) {
    if (berkeley.isEmpty()) {
      return;
    }
    KernelFigures.Column skew = KernelFigures.named("berkeley").column("final_skew_ns");
    KernelFigures.Column round = KernelFigures.named("berkeley").column("median_round_ns");
    out.println();
    out.println("berkeley     runs  median final skew  median round");
    for (Map.Entry<Integer, List<RunFigures>> entry : berkeley.entrySet()) {
      List<RunFigures> group = entry.getValue();
      out.println(String.format(Locale.ROOT, "  -np %-3d %7d %18s %14s", entry.getKey(),
          group.size(), Durations.nanos((long) median(group, skew)),
          Durations.nanos((long) median(group, round))));
    }
  }

  /**
   * One line per algorithm kernel and rank count: runs (failed ones included), in how many the
   * property held, and the medians over the complete runs.
   */
  private static void printAlgorithms(PrintWriter out, List<RunFigures> runs) {
    Map<KernelFigures, Map<Integer, List<RunFigures>>> groups = new TreeMap<>();
    for (RunFigures run : runs) {
      if (run.kernel().checksProperty()) {
        groups.computeIfAbsent(run.kernel(), k -> new TreeMap<>())
            .computeIfAbsent(run.run().ranks(), k -> new ArrayList<>()).add(run);
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    // As wide as the longest name (at least 16), so that a long kernel name keeps the columns.
    int width = Math.max(16, groups.keySet().stream().mapToInt(k -> k.kernelName().length())
        .max().orElse(0));
    String format = "%-" + width + "s %-9s %4s %5s %6s %8s %15s %10s";
    out.println();
    out.println(String.format(Locale.ROOT, format, "kernel", "op", "-np", "runs", "held",
        "msgs/op", "median latency", "ops/s"));
    groups.forEach((kernel, byRanks) -> byRanks.forEach((ranks, group) -> {
      List<RunFigures> complete = group.stream().filter(RunFigures::complete).toList();
      long held = group.stream().filter(r -> Boolean.TRUE.equals(r.propertyHolds())).count();
      Double messages = Medians.of(complete, RunFigures::messagesPerOperation);
      Double latency = Medians.of(complete, RunFigures::medianLatencyNanos);
      Double rate = Medians.of(complete, RunFigures::operationsPerSecond);
      out.println(String.format(Locale.ROOT, format, kernel.kernelName(), kernel.operation(),
          ranks, group.size(), held + "/" + group.size(),
          messages == null ? "-" : String.format(Locale.ROOT, "%.2f", messages),
          latency == null ? "-" : Durations.nanos(Math.round(latency)),
          rate == null ? "-" : Rates.perSecond(rate)));
    }));
  }

  private static Map<Integer, List<RunFigures>> completeRecords(List<RunFigures> runs,
      KernelFigures kernel) {
    Map<Integer, List<RunFigures>> groups = new TreeMap<>();
    for (RunFigures run : runs) {
      if (run.kernel() == kernel && run.complete()) {
        groups.computeIfAbsent(run.run().ranks(), k -> new ArrayList<>()).add(run);
      }
    }
    return groups;
  }

  private static double median(List<RunFigures> runs, KernelFigures.Column column) {
    Double median = Medians.of(runs.stream().map(column::number).toList());
    return median == null ? Double.NaN : median;
  }
}
