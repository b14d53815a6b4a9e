package org.mpjbench.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture, as rules on the compiled classes of the three modules (the launcher's test
 * class path holds them all): dependencies point one way (kernels ← benchmarks ← launcher), the
 * rank runtime names no kernel (it finds them through the registry), and no two packages depend on
 * each other in a cycle.
 */
class ArchitectureTest {
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
        .should().dependOnClassesThat().resideInAnyPackage("org.mpjbench.kernels.spi..",
            "org.mpjbench.kernels.berkeley..", "org.mpjbench.kernels.download..",
            "org.mpjbench.kernels.cristian..", "org.mpjbench.kernels.lamport..",
            "org.mpjbench.kernels.ring..", "org.mpjbench.kernels.bully..",
            "org.mpjbench.kernels.election..", "org.mpjbench.kernels.suzukikasami..",
            "org.mpjbench.kernels.ricartagrawala..", "org.mpjbench.kernels.mutex..",
            "org.mpjbench.kernels.multicast..", "org.mpjbench.kernels.loadbalance..",
            "org.mpjbench.kernels.naming..", "org.mpjbench.kernels.remotecall..")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.mpjbench.(**)").should().beFreeOfCycles().check(classes);
  }
}
