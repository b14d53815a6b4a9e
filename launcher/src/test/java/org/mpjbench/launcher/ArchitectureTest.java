package org.mpjbench.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture, as rules on the compiled classes of the four modules (the launcher's test
 * class path holds them all): dependencies point one way (line server ← kernels ← benchmarks ←
 * launcher), the rank runtime names no kernel (it finds them through the registry), and no two
 * packages depend on each other in a cycle.
 *
 * <p>The roles of the modules' parts are rules too (issue "Modules by role"): the kernel API, the
 * algorithms, the rank runtime, the line server, the benchmarks, the launcher. None is frozen:
 * every rule holds on today's code, and any violation fails.
 */
class ArchitectureTest {
  /**
   * The rank runtime: a rank's entry points (module {@code rank-runtime}) and its control channel
   * (module {@code control-protocol}, shared by every rank of a multicore JVM).
   */
  private static final String[] RANK_RUNTIME = {"org.mpjbench.kernels.rank..",
      "org.mpjbench.kernels.control..", "org.mpjbench.kernels.standalone.."};
  /**
   * The kernel API (module {@code kernel-api}): what a kernel declares (descriptor, options), what
   * it runs (the rank program, its context and events), what it returns, the result files, and
   * the MPI helpers kernels share.
   */
  private static final String[] KERNEL_API = {"org.mpjbench.kernels.spi..",
      "org.mpjbench.kernels.program..", "org.mpjbench.kernels.check..",
      "org.mpjbench.kernels.results..", "org.mpjbench.kernels.mpi.."};
  /**
   * The algorithms: every package of the kernels module outside the rank runtime and the kernel
   * API, one per kernel and what several share, so that a new kernel's package is one without
   * naming it here.
   */
  /** The control protocol's module: the messages, their codec, and the check's verdict. */
  private static final String[] CONTROL_PROTOCOL = {"org.mpjbench.kernels.control..",
      "org.mpjbench.kernels.check.."};
  private static final DescribedPredicate<JavaClass> AN_ALGORITHM =
      resideInAPackage("org.mpjbench.kernels..")
          .and(not(resideInAnyPackage(RANK_RUNTIME)))
          .and(not(resideInAnyPackage(KERNEL_API)))
          .and(not(resideInAPackage("org.mpjbench.kernels")))
          .as("an algorithm (a kernels package outside the rank runtime and the kernel API)");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.mpjbench");
  }

  @Test
  void theKernelsKnowNeitherTheLauncherNorTheBenchmarks() {
    noClasses().that().resideInAPackage("org.mpjbench.kernels..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.mpjbench.launcher..", "org.mpjbench.benchmarks..")
        .check(classes);
  }

  @Test
  void theBenchmarksDoNotKnowTheLauncher() {
    noClasses().that().resideInAPackage("org.mpjbench.benchmarks..")
        .should().dependOnClassesThat().resideInAPackage("org.mpjbench.launcher..")
        .check(classes);
  }

  @Test
  void theRankRuntimeNamesNoKernel() {
    noClasses().that().resideInAPackage("org.mpjbench.kernels.rank..")
        .should().dependOnClassesThat().resideInAnyPackage("org.mpjbench.kernels.spi..")
        .orShould().dependOnClassesThat(AN_ALGORITHM)
        .check(classes);
  }

  @Test
  void theControlProtocolNamesNothingOfOursButItsVerdict() {
    // The multicore rank JVM loads it once for all its ranks, from the boot class path beside
    // Jackson, where no class of a rank's own (MPI, the kernel API, a kernel) can be seen: a
    // dependency on one would fail only there, at run time (launcher.job.JobRunner).
    ArchRuleDefinition.classes().that().resideInAnyPackage(CONTROL_PROTOCOL)
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", "com.fasterxml.jackson..", CONTROL_PROTOCOL[0], CONTROL_PROTOCOL[1])
        .check(classes);
  }

  @Test
  void theLineServerStandsAloneWithoutMpj() {
    // Its own module: the download kernel, the launcher and the benchmarks use it, never the
    // other way round, and it runs where no MPJ is installed.
    noClasses().that().resideInAPackage("org.mpjbench.lineserver..")
        .should().dependOnClassesThat().resideInAnyPackage("mpi..", "mpjdev..", "xdev..",
            "runtime..", "org.mpjbench.kernels..", "org.mpjbench.launcher..",
            "org.mpjbench.benchmarks..")
        .check(classes);
  }

  @Test
  void theSettingsDependOnNothingElseOfOurs() {
    noClasses().that().resideInAPackage("org.mpjbench.launcher.settings..")
        .should().dependOnClassesThat().resideInAnyPackage("org.mpjbench.launcher.cli..",
            "org.mpjbench.launcher.job..", "org.mpjbench.launcher.mpj..",
            "org.mpjbench.launcher.cluster..", "org.mpjbench.launcher.report..",
            "org.mpjbench.launcher.charts..", "org.mpjbench.launcher.bench..",
            "org.mpjbench.launcher.results..", "org.mpjbench.kernels..",
            "org.mpjbench.benchmarks..", "org.mpjbench.lineserver..")
        .check(classes);
  }

  @Test
  void theKernelApiNamesNeitherTheRankRuntimeNorAnAlgorithm() {
    // The runtime runs what the API declares (a rank program, found through the registry), so it
    // depends on the API and never the reverse: a kernel compiles against the API alone.
    noClasses().that().resideInAnyPackage(KERNEL_API)
        .should().dependOnClassesThat().resideInAnyPackage(RANK_RUNTIME)
        .orShould().dependOnClassesThat(AN_ALGORITHM)
        .check(classes);
  }

  @Test
  void theAlgorithmsAndTheBenchmarksNameNoPartOfTheRankRuntime() {
    // Both are written against the API alone; the runtime finds them by registration. (The
    // kernels module does not even compile against the runtime: a runtime-scope dependency.)
    noClasses().that(AN_ALGORITHM).or().resideInAPackage("org.mpjbench.benchmarks..")
        .should().dependOnClassesThat().resideInAnyPackage(RANK_RUNTIME)
        .check(classes);
  }

  @Test
  void theLauncherAndTheBenchmarksNameNoAlgorithm() {
    // They reach the kernels through the API: descriptors, the registry, sessions a benchmark
    // steps, and results read by the field names of their written schema. The runtime's control
    // protocol and rank programs are theirs to use.
    noClasses().that()
        .resideInAnyPackage("org.mpjbench.launcher..", "org.mpjbench.benchmarks..")
        .should().dependOnClassesThat(AN_ALGORITHM)
        .check(classes);
  }

  @Test
  void theRunApiKnowsNoCommand() {
    // The commands are shells around the run API (launcher.runs), which Java callers use alone.
    noClasses().that().resideInAPackage("org.mpjbench.launcher.runs..")
        .should().dependOnClassesThat().resideInAnyPackage("org.mpjbench.launcher.cli..")
        .check(classes);
  }

  @Test
  void onlyTheRunApiStartsJobs() {
    // One way to run: the commands and the sweep go through launcher.runs, never to the job
    // runner around it.
    noClasses().that().resideOutsideOfPackages("org.mpjbench.launcher.runs..",
            "org.mpjbench.launcher.job..")
        .should().dependOnClassesThat().belongToAnyOf(
            org.mpjbench.launcher.job.JobRunner.class, org.mpjbench.launcher.job.JobSpec.class)
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.mpjbench.(**)").should().beFreeOfCycles().check(classes);
  }
}
