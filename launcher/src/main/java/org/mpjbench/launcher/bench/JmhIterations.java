package org.mpjbench.launcher.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JMH results of a bench folder with the score of every measurement iteration, per second:
 * what {@code mpjbench compare} resamples (JMH's own score is their mean, its error a t-interval
 * around it; the iterations let a comparison use their median and a bootstrap instead).
 */
public final class JmhIterations {
  private JmhIterations() {}

  /**
   * One benchmark at one rank count.
   *
   * @param benchmark its name as in {@code bench.csv} (ping-pong, berkeley-round, a kernel case)
   * @param ranks K
   * @param device the MPJ device, "unknown" when the result does not say
   * @param scorePerSecond JMH's score, operations per second
   * @param iterationsPerSecond the score of each measurement iteration of each fork, per second
   */
  public record Scores(String benchmark, int ranks, String device, double scorePerSecond,
      List<Double> iterationsPerSecond) {}

  /**
   * The results of {@code jmhJsonFiles}, in the files' order.
   *
   * @throws IllegalArgumentException with one line naming the file when a file is not JMH JSON,
   *     or two results have the same benchmark and rank count (on two devices, or twice)
   */
  public static List<Scores> read(List<Path> jmhJsonFiles) throws IOException {
    Map<String, JmhFile.Result> seen = new LinkedHashMap<>();
    List<Scores> scores = new ArrayList<>();
    for (Path file : jmhJsonFiles) {
      for (JmhFile.Result result : JmhFile.read(file)) {
        JmhFile.Result earlier = seen.putIfAbsent(result.benchmark() + "@" + result.ranks(),
            result);
        if (earlier != null) {
          throw new IllegalArgumentException(file + ": " + result.benchmark() + " at "
              + result.ranks() + " ranks is also in " + earlier.file() + " (devices "
              + earlier.device() + ", " + result.device() + "); compare one of them");
        }
        scores.add(new Scores(result.benchmark(), result.ranks(), result.device(),
            result.opsPerSecond(), result.iterationsPerSecond()));
      }
    }
    return List.copyOf(scores);
  }
}
