package org.mpjbench.kernels.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.mpjbench.kernels.program.RankProgramFactory;
import picocli.CommandLine;

/**
 * The registry of kernels: every {@link KernelDescriptor} registered as a {@link
 * RankProgramFactory} service, in the order of the service files (which is the order of the
 * {@code run} subcommands, of {@code sweep --kernels all} and of the charts' colours).
 */
public final class Kernels {
  private Kernels() {}

  /** Every kernel, loaded on first use of {@link #all}. */
  private static final class All {
    static final List<KernelDescriptor<?, ?>> KERNELS = load();
  }

  private static List<KernelDescriptor<?, ?>> load() {
    List<KernelDescriptor<?, ?>> found = new ArrayList<>();
    registered().forEach(kernel -> {
      if (found.stream().anyMatch(k -> k.name().equals(kernel.name()))) {
        throw new IllegalStateException("two kernels are named " + kernel.name());
      }
      found.add(kernel);
    });
    return List.copyOf(found);
  }

  /**
   * The registered kernels in registration order, each loaded and made only when the stream
   * reaches it (the other rank program factories, the benchmarks', left out).
   */
  private static Stream<KernelDescriptor<?, ?>> registered() {
    return providers().map(ServiceLoader.Provider::get)
        .<KernelDescriptor<?, ?>>mapMulti((factory, kernels) -> {
          if (factory instanceof KernelDescriptor<?, ?> kernel) {
            kernels.accept(kernel);
          }
        });
  }

  /**
   * The classes of every registered rank program factory, kernels' and others', in registration
   * order, loaded but none of them made: where a program needs to know where the kernels come from
   * (their class path entries), not what they are.
   */
  public static List<Class<? extends RankProgramFactory>> registeredClasses() {
    return providers().<Class<? extends RankProgramFactory>>map(ServiceLoader.Provider::type)
        .toList();
  }

  /** Every registered rank program factory's provider, in registration order, none made yet. */
  private static Stream<ServiceLoader.Provider<RankProgramFactory>> providers() {
    return ServiceLoader.load(RankProgramFactory.class, Kernels.class.getClassLoader()).stream();
  }

  /** Whether a kernel is the one {@code name} names (case-insensitive); none when null. */
  private static Predicate<KernelDescriptor<?, ?>> named(String name) {
    String wanted = name == null ? null : name.toLowerCase(Locale.ROOT);
    return kernel -> kernel.name().equals(wanted);
  }

  /** Every registered kernel, in registration order. */
  public static List<KernelDescriptor<?, ?>> all() {
    return All.KERNELS;
  }

  /**
   * The parameters of {@code kernel} for a run of {@code ranks} ranks with its options given as
   * on the command line ({@code --samples 5}), the others at their defaults: how a program that
   * runs a kernel itself (a benchmark) configures it without naming its parameters record.
   *
   * @throws IllegalArgumentException naming the option at fault, in one line
   */
  public static <P> P parameters(KernelDescriptor<P, ?> kernel, int ranks, List<String> options) {
    KernelOptions<P> values = kernel.options();
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(kernel.name());
    spec.addMixin("kernel", CommandLine.Model.CommandSpec.forAnnotatedObject(values));
    CommandLine line = new CommandLine(spec);
    try {
      CommandLine.ParseResult parsed = line.parseArgs(options.toArray(String[]::new));
      values.given(parsed::hasMatchedOption);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(kernel.name() + ": " + e.getMessage(), e);
    }
    return values.parameters(ranks);
  }

  /** The kernel named {@code name} (case-insensitive), if one is registered. */
  public static Optional<KernelDescriptor<?, ?>> byName(String name) {
    return all().stream().filter(named(name)).findFirst();
  }

  /**
   * A descriptor of its own of the kernel named {@code name} (case-insensitive), as {@link
   * #byName} finds it, loading only the kernels registered before it: for a program that runs one
   * kernel and nothing else. Every rank of a standalone run looks its kernel up in a class loader
   * of its own, where loading all the descriptors (and what they name) cost it about 0.1 s before
   * its kernel could start (docs/standalone.md). Not the instance {@link #all} holds.
   */
  public static Optional<KernelDescriptor<?, ?>> loadOne(String name) {
    return registered().filter(named(name)).findFirst();
  }
}
