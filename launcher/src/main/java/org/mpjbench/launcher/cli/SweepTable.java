package org.mpjbench.launcher.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.Rates;
import org.mpjbench.launcher.report.KernelFigures;
import org.mpjbench.launcher.report.Medians;
import org.mpjbench.launcher.report.Reporter;
import org.mpjbench.launcher.report.RunFigures;
import org.mpjbench.launcher.report.Table;

/**
 * The human table a sweep prints last: medians per kernel and rank count. The download and
 * Berkeley keep their own tables; the algorithm kernels share one, whose figures are those of
 * {@link KernelFigures}: the property held in how many runs, messages per operation, the median
 * latency of one operation and operations per second. Each is a {@link Table} that {@link
 * Reporter#CONSOLE} prints, as every table of mpjbench goes out.
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
    Set<Integer> rankCounts = new TreeSet<>();
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
    List<String> header = new ArrayList<>(List.of("final true skew"));
    clocks.keySet().forEach(k -> header.add(k.kernelName()));
    List<List<String>> rows = new ArrayList<>();
    for (int ranks : rankCounts) {
      List<String> row = new ArrayList<>(List.of(np(ranks)));
      clocks.forEach((kernel, byRanks) -> {
        List<RunFigures> group = byRanks.get(ranks);
        row.add(group == null ? "-"
            : Durations.nanos((long) median(group, kernel.column(FINAL_SKEW))));
      });
      rows.add(row);
    }
    print(out, new Table(header, rows));
  }

  private static void printDownload(PrintWriter out, Map<Integer, List<RunFigures>> download) {
    if (download.isEmpty()) {
      return;
    }
    KernelFigures.Column t = KernelFigures.named("download").column("master_complete_s");
    KernelFigures.Column bound = KernelFigures.named("download").column("bound_s");
    KernelFigures.Column e = KernelFigures.named("download").column("efficiency");
    double t1 = download.containsKey(1) ? median(download.get(1), t) : 0;
    double e1 = download.containsKey(1) ? median(download.get(1), e) : 0;
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<Integer, List<RunFigures>> entry : download.entrySet()) {
      int k = entry.getKey();
      List<RunFigures> group = entry.getValue();
      double tk = median(group, t);
      double ek = median(group, e);
      double minE = group.stream().mapToDouble(e::number).min().orElse(Double.NaN);
      rows.add(List.of(np(k), Integer.toString(group.size()), fixed(tk, 2),
          fixed(median(group, bound), 2), fixed(ek, 3), fixed(minE, 3),
          t1 > 0 ? fixed(t1 / tk, 2) : "-", e1 > 0 ? fixed(k * ek / e1, 2) : "-"));
    }
    print(out, new Table(List.of("download", "runs", "median T (s)", "bound (s)", "median E",
        "min E", "speedup", "luck-free"), rows));
  }

  private static void printBerkeley(PrintWriter out, Map<Integer, List<RunFigures>> berkeley) {
    if (berkeley.isEmpty()) {
      return;
    }
    KernelFigures.Column skew = KernelFigures.named("berkeley").column("final_skew_ns");
    KernelFigures.Column round = KernelFigures.named("berkeley").column("median_round_ns");
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<Integer, List<RunFigures>> entry : berkeley.entrySet()) {
      List<RunFigures> group = entry.getValue();
      rows.add(List.of(np(entry.getKey()), Integer.toString(group.size()),
          Durations.nanos((long) median(group, skew)),
          Durations.nanos((long) median(group, round))));
    }
    print(out, new Table(List.of("berkeley", "runs", "median final skew", "median round"),
        rows));
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
    List<List<String>> rows = new ArrayList<>();
    groups.forEach((kernel, byRanks) -> byRanks.forEach((ranks, group) -> {
      List<RunFigures> complete = group.stream().filter(RunFigures::complete).toList();
      long held = group.stream().filter(r -> Boolean.TRUE.equals(r.propertyHolds())).count();
      Double messages = Medians.of(complete, RunFigures::messagesPerOperation);
      Double latency = Medians.of(complete, RunFigures::medianLatencyNanos);
      Double p99 = Medians.of(complete, RunFigures::p99LatencyNanos);
      Double rate = Medians.of(complete, RunFigures::operationsPerSecond);
      rows.add(List.of(kernel.kernelName(), kernel.operation(), Integer.toString(ranks),
          Integer.toString(group.size()), held + "/" + group.size(),
          messages == null ? "-" : fixed(messages, 2),
          latency == null ? "-" : Durations.nanos(Math.round(latency)),
          p99 == null ? "-" : Durations.nanos(Math.round(p99)),
          rate == null ? "-" : Rates.perSecond(rate)));
    }));
    print(out, new Table(List.of("kernel", "op", "-np", "runs", "held", "msgs/op",
        "median latency", "P99", "ops/s"), rows, 2));
  }

  /** A blank line, then {@code table} in the console's columns. */
  private static void print(PrintWriter out, Table table) {
    out.println();
    Reporter.CONSOLE.lines(table).forEach(out::println);
  }

  /** A rank count's row name, indented under the table's title. */
  private static String np(int ranks) {
    return "  -np " + ranks;
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
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
