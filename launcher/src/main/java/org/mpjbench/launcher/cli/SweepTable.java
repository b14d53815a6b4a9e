package org.mpjbench.launcher.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mpjbench.launcher.results.RunRecord;

/** The human table a sweep prints last: medians per kernel and rank count. */
final class SweepTable {
  private SweepTable() {}

  static void print(PrintWriter out, List<RunRecord> records) {
    Map<Integer, List<RunRecord>> download = byRanks(records, "download");
    Map<Integer, List<RunRecord>> berkeley = byRanks(records, "berkeley");
    if (!download.isEmpty()) {
      out.println();
      out.println("download     runs  median T (s)  bound (s)  median E  min E  speedup  luck-free");
      double t1 = download.containsKey(1) ? median(download.get(1), "/masterCompleteSeconds") : 0;
      double e1 = download.containsKey(1) ? median(download.get(1), "/efficiency") : 0;
      for (Map.Entry<Integer, List<RunRecord>> entry : download.entrySet()) {
        int k = entry.getKey();
        List<RunRecord> runs = entry.getValue();
        double t = median(runs, "/masterCompleteSeconds");
        double e = median(runs, "/efficiency");
        out.println(String.format(Locale.ROOT, "  -np %-3d %7d %13.2f %10.2f %9.3f %6.3f %8s %10s",
            k, runs.size(), t, median(runs, "/boundSeconds"), e, min(runs, "/efficiency"),
            t1 > 0 ? String.format(Locale.ROOT, "%.2f", t1 / t) : "-",
            e1 > 0 ? String.format(Locale.ROOT, "%.2f", k * e / e1) : "-"));
      }
    }
    if (!berkeley.isEmpty()) {
      out.println();
      out.println("berkeley     runs  median final skew  median round");
      for (Map.Entry<Integer, List<RunRecord>> entry : berkeley.entrySet()) {
        List<RunRecord> runs = entry.getValue();
        out.println(String.format(Locale.ROOT, "  -np %-3d %7d %18s %14s", entry.getKey(),
            runs.size(), Units.nanos((long) median(runs, "/summary/finalSkewNanos")),
            Units.nanos((long) median(runs, "/summary/medianRoundNanos"))));
      }
    }
  }

  private static Map<Integer, List<RunRecord>> byRanks(List<RunRecord> records, String kernel) {
    Map<Integer, List<RunRecord>> groups = new TreeMap<>();
    for (RunRecord record : records) {
      if (record.kernel().equals(kernel) && "complete".equals(record.status())) {
        groups.computeIfAbsent(record.ranks(), k -> new ArrayList<>()).add(record);
      }
    }
    return groups;
  }

  private static double[] values(List<RunRecord> runs, String pointer) {
    return runs.stream().mapToDouble(r -> r.result().at(pointer).asDouble()).sorted().toArray();
  }

  static double median(List<RunRecord> runs, String pointer) {
    double[] v = values(runs, pointer);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static double min(List<RunRecord> runs, String pointer) {
    return values(runs, pointer)[0];
  }
}
