package org.mpjbench.launcher.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
  /** Measured: 22.5 MB of metaspace at 32 ranks, 44 MB at 64 (about 0.7 MB a rank). */
  private static final long MEASURED_BYTES_PER_RANK = 700L << 10;

  @Test
  void theMetaspaceThresholdLeavesRoomForEveryRanksClasses() {
    for (int ranks : new int[] {1, 4, 32, 64, 256, 1024}) {
      long threshold = megabytes(JobRunner.metaspaceThresholdOption(ranks));
      assertTrue(threshold > 2 * ranks * MEASURED_BYTES_PER_RANK + (8L << 20),
          ranks + " ranks: " + threshold + " bytes");
    }
  }

  @Test
  void theJvmTakesTheOptionAsWritten() throws IOException, InterruptedException {
    String option = JobRunner.metaspaceThresholdOption(64);
    Process java = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), option,
        "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
    String flags = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(java.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
    assertEquals(0, java.exitValue(), flags);
    Matcher set = Pattern.compile("\\bMetaspaceSize\\s*=\\s*(\\d+)").matcher(flags);
    assertTrue(set.find(), flags);
    assertEquals(megabytes(option), Long.parseLong(set.group(1)));
  }

  private static long megabytes(String option) {
    Matcher size = Pattern.compile("-XX:MetaspaceSize=(\\d+)m").matcher(option);
    assertTrue(size.matches(), option);
    return Long.parseLong(size.group(1)) << 20;
  }
}
