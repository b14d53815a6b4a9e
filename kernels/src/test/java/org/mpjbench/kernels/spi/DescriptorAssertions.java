package org.mpjbench.kernels.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import picocli.CommandLine;

/** Checks that every kernel's descriptor test makes the same way. */
public final class DescriptorAssertions {
  private DescriptorAssertions() {}

  /** {@code Kernels.byName(name)} finds a descriptor of exactly the class {@code descriptor}. */
  public static void assertRegistered(
      String name, Class<? extends KernelDescriptor<?, ?>> descriptor) {
    assertEquals(descriptor, Kernels.byName(name).orElseThrow().getClass());
  }

  /**
   * Fresh {@code options} give {@code defaults} for 4 ranks; once {@code badArgs} are parsed into
   * them, {@code parameters(4)} fails with exactly {@code message}.
   */
  public static <P> void assertOptionsGiveDefaultsOrRefuse(
      KernelOptions<P> options, P defaults, String message, String... badArgs) {
    assertEquals(defaults, options.parameters(4));
    new CommandLine(options).parseArgs(badArgs);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> options.parameters(4));
    assertEquals(message, e.getMessage());
  }
}
