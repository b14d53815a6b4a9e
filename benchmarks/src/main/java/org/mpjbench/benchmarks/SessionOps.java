package org.mpjbench.benchmarks;

import java.util.List;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelSession;
import org.mpjbench.kernels.spi.Kernels;

/**
 * The collective operations that time a kernel step by step through its {@link KernelSession}:
 * open it for a trial, run steps per timed invocation, check it, close it. The kernel is named and
 * configured as on the command line ({@code "berkeley"}, {@code --samples 5}), so the benchmarks
 * name no kernel class: what a step is, and what the check's figure means, is the kernel's.
 */
public final class SessionOps {
  private SessionOps() {}

  /**
   * Opens a session of {@code kernel} on every rank (a trial's setup), replacing the last one.
   *
   * @param kernel the registered kernel's name
   * @param options its options as on the command line; the others at their defaults
   */
  public record Open(String kernel, List<String> options) implements CollectiveOp {
    /** Copies the options. */
    public Open {
      options = List.copyOf(options);
    }

    @Override
    public long run(RankState state) throws Exception {
      KernelDescriptor<?, ?> descriptor = Kernels.byName(kernel).orElseThrow(
          () -> new IllegalArgumentException("no kernel named '" + kernel + "' to time"));
      state.start(new Trial(open(descriptor, state)));
      return 0;
    }

    private <P> KernelSession open(KernelDescriptor<P, ?> descriptor, RankState state)
        throws Exception {
      P parameters = Kernels.parameters(descriptor, state.size(), options);
      return descriptor.session(state.kernelContext(), parameters);
    }
  }

  /**
   * Runs steps of the open session.
   *
   * @param count how many
   */
  public record Steps(int count) implements CollectiveOp {
    @Override
    public long run(RankState state) throws Exception {
      return state.trial(Trial.class).session.steps(count);
    }
  }

  /** Checks the open session; returns the kernel's figure on rank 0 (see its descriptor). */
  public record Check() implements CollectiveOp {
    @Override
    public long run(RankState state) throws Exception {
      return state.trial(Trial.class).session.check();
    }
  }

  /** Closes the open session (its connections) and ends the trial. */
  public record Close() implements CollectiveOp {
    @Override
    public long run(RankState state) {
      Trial trial = state.trial(Trial.class);
      state.end(Trial.class);
      trial.session.close();
      return 0;
    }
  }

  /** One trial on one rank: the session its steps run in. */
  record Trial(KernelSession session) {}
}
