package org.mpjbench.kernels.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertOptionsGiveDefaultsOrRefuse;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertRegistered;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpjbench.kernels.berkeley.BerkeleyParameters;
import org.mpjbench.kernels.download.DownloadParameters;

/**
 * Tests of {@link Kernels}: each kernel found by its name ({@link Kernels#byName}), and {@link
 * Kernels#parameters}: a kernel configured as on its command line, the options not given at their
 * defaults, and a bad option a one-line error naming it.
 */
class KernelsTest {
  @SuppressWarnings("unchecked")
  private static <P> KernelDescriptor<P, ?> kernel(String name) {
    return (KernelDescriptor<P, ?>) Kernels.byName(name).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest
  @CsvSource({
      "centralized-clock, org.mpjbench.kernels.centralizedclock.CentralizedClockDescriptor",
      "cristian, org.mpjbench.kernels.cristian.CristianDescriptor",
      "file-ipc, org.mpjbench.kernels.fileipc.FileIpcDescriptor",
      "lamport, org.mpjbench.kernels.lamport.LamportDescriptor",
      "load-balance, org.mpjbench.kernels.loadbalance.LoadBalanceDescriptor",
      "multicast, org.mpjbench.kernels.multicast.MulticastDescriptor",
      "naming, org.mpjbench.kernels.naming.NamingDescriptor",
      "remote-call, org.mpjbench.kernels.remotecall.RemoteCallDescriptor"
  })
  void isRegisteredUnderItsName(String name, Class<?> descriptor) {
    assertRegistered(name, (Class<? extends KernelDescriptor<?, ?>>) descriptor);
  }

  /**
   * A standalone rank's lookup, which loads only the kernels registered before the one it wants,
   * finds the same kernel as the registry for every name (a descriptor of its own), ignores case
   * as the registry does, and finds nothing for an unknown name.
   */
  @Test
  void loadingOneKernelFindsWhatTheRegistryFinds() {
    for (KernelDescriptor<?, ?> registered : Kernels.all()) {
      KernelDescriptor<?, ?> alone = Kernels.loadOne(registered.name()).orElseThrow();
      assertEquals(registered.getClass(), alone.getClass(), registered.name());
      assertEquals(registered.name(), alone.name());
      assertEquals(registered.getClass(),
          Kernels.loadOne(registered.name().toUpperCase(java.util.Locale.ROOT)).orElseThrow()
              .getClass());
    }
    assertTrue(Kernels.loadOne("no-such-kernel").isEmpty());
    assertTrue(Kernels.loadOne(null).isEmpty());
  }

  /**
   * The registered factories' classes, which the launcher's rank class path is found from, hold
   * every kernel's descriptor class in the registry's order, among the other factories.
   */
  @Test
  void theRegisteredClassesHoldEveryKernelsInOrder() {
    List<Class<?>> kernelClasses = Kernels.registeredClasses().stream()
        .filter(KernelDescriptor.class::isAssignableFrom).<Class<?>>map(c -> c).toList();
    assertEquals(Kernels.all().stream().<Class<?>>map(Object::getClass).toList(), kernelClasses);
  }

  /** Fresh options give the defaults; a bad value (the arguments, split on spaces) is named. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "centralized-clock | --drift-ppm must be a number between 0 and 1000000, got -1.0"
          + " | --drift-ppm -1",
      "cristian | --samples must be between 1 and 100000, got 0 | --samples 0",
      "load-balance | --policy must be all, round-robin, least-loaded or work-stealing, got"
          + " random | --policy random",
      "multicast | --mode must be bcast or p2p, got udp | --mode udp",
      "naming | --miss-ratio must be a number between 0 and 1, got 1.5 | --miss-ratio 1.5",
      "remote-call | --calls must be between 1 and 1000000, got 0 | --calls 0"
  })
  void optionsGiveTheParametersOrNameTheBadOne(String name, String message, String badArgs) {
    KernelDescriptor<Object, ?> kernel = kernel(name);
    assertOptionsGiveDefaultsOrRefuse(kernel.options(), kernel.defaults(), message,
        badArgs.split(" "));
  }

  @Test
  void theOptionsGivenSetTheirFieldsAndTheOthersKeepTheirDefaults() {
    BerkeleyParameters parameters = Kernels.parameters(kernel("berkeley"), 4,
        List.of("--samples", "7", "--tolerance-us", "250"));

    BerkeleyParameters d = BerkeleyParameters.DEFAULTS;
    assertEquals(new BerkeleyParameters(d.rounds(), 7, d.spreadMs(), d.driftPpm(), d.seed(),
        d.faultyRanks(), d.faultyOffsetMs(), 250.0, d.intervalMs()), parameters);
    assertEquals(d, Kernels.parameters(kernel("berkeley"), 4, List.of()));
  }

  @Test
  void optionsThatDependOnWhatWasGivenSeeIt() {
    DownloadParameters parameters = Kernels.parameters(kernel("download"), 2,
        List.of("--server", "localhost:4000", "--lines", "100"));
    assertEquals(4000, parameters.serverPort());
    assertEquals(100, parameters.lineCount());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Kernels.parameters(kernel("download"), 2,
            List.of("--server", "localhost:4000", "--seed", "3")));
    assertTrue(e.getMessage().contains("--seed"), e.getMessage());
  }

  @Test
  void anUnknownOptionOrABadValueIsOneLineNamingIt() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> Kernels.parameters(kernel("berkeley"), 2, List.of("--nope", "1")));
    assertTrue(unknown.getMessage().startsWith("berkeley: ")
        && unknown.getMessage().contains("--nope"), unknown.getMessage());
    assertTrue(unknown.getMessage().lines().count() == 1, unknown.getMessage());

    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Kernels.parameters(kernel("berkeley"), 2, List.of("--samples", "0")));
    assertTrue(bad.getMessage().contains("--samples"), bad.getMessage());
  }
}
