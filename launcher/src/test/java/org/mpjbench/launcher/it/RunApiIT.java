package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.control.FaultInjection;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import org.mpjbench.launcher.job.JobOutcome;
import org.mpjbench.launcher.runs.RunOutcome;
import org.mpjbench.launcher.runs.RunSettings;
import org.mpjbench.launcher.runs.Runs;

/**
 * The run API on real MPJ ranks: one call runs a kernel and returns its typed outcome, with the
 * file it wrote; a run that fails is an outcome too, its partial record written; bad input fails
 * before anything starts.
 */
class RunApiIT {
  private final StringWriter notes = new StringWriter();
  private final PrintWriter err = new PrintWriter(notes, true);

  @Test
  void oneCallRunsAKernelAndReturnsItsTypedResultAndItsFile(@TempDir Path results)
      throws Exception {
    KernelDescriptor<?, ?> berkeley = Kernels.byName("berkeley").orElseThrow();
    RunSettings settings = RunSettings.builder().ranks(3).results(results).quiet(true).build();

    RunOutcome<?> outcome = Runs.run(berkeley, List.of("--rounds", "4", "--seed", "7"),
        settings, err);

    assertTrue(outcome.complete(), () -> outcome.problem() + "\n" + notes);
    assertEquals(0, outcome.exitCode());
    assertEquals(JobOutcome.Status.COMPLETE, outcome.status());
    assertTrue(berkeley.resultType().isInstance(outcome.result()), "typed result");
    assertTrue(Files.isRegularFile(outcome.file()));
    RunRecord written = ResultWriter.read(outcome.file());
    assertEquals(written, outcome.record(), "the outcome's record is the file's");
    assertEquals(3, written.ranks());
    assertEquals(4, written.parameters().get("rounds").asInt());
    assertEquals(7, written.parameters().get("seed").asInt());
    assertTrue(outcome.summary().get(0).startsWith("berkeley: 3 ranks"),
        outcome.summary()::toString);
    assertNull(outcome.problem());
    assertEquals("", notes.toString(), "quiet: no notes");
  }

  @Test
  void aFailedRunIsAnOutcomeWithItsPartialRecordWritten(@TempDir Path results) throws Exception {
    KernelDescriptor<?, ?> ring = Kernels.byName("ring").orElseThrow();
    RunSettings settings = RunSettings.builder().ranks(2).results(results).quiet(true)
        .fault(FaultInjection.parse("1:fail")).build();

    RunOutcome<?> outcome = Runs.run(ring, List.of(), settings, err);

    assertFalse(outcome.complete());
    assertEquals(JobOutcome.Status.FAILED, outcome.status());
    assertEquals(1, outcome.exitCode());
    assertNull(outcome.result());
    assertTrue(outcome.problem().startsWith("ring failed: "), outcome.problem());
    assertTrue(outcome.problem().contains("rank 1"), outcome.problem());
    assertEquals("failed", ResultWriter.read(outcome.file()).status());
    assertTrue(outcome.record().partial());
  }

  @Test
  void badInputFailsBeforeAnythingStartsNamingTheOption(@TempDir Path results) {
    KernelDescriptor<?, ?> berkeley = Kernels.byName("berkeley").orElseThrow();
    RunSettings settings = RunSettings.builder().ranks(2).results(results).build();

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> Runs.run(berkeley, List.of("--no-such-option"), settings, err));
    assertTrue(unknown.getMessage().contains("--no-such-option"), unknown.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Runs.run(berkeley, List.of("--rounds", "0"), settings, err));
    assertTrue(bad.getMessage().contains("--rounds"), bad.getMessage());
    assertEquals(0, results.toFile().list().length, "nothing written");
  }
}
