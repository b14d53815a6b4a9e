package org.mpjbench.benchmarks;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.cristian.CristianParameters;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.lamport.LamportParameters;
import org.mpjbench.kernels.loadbalance.LoadBalanceParameters;
import org.mpjbench.kernels.multicast.MulticastParameters;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.kernels.naming.NamingParameters;
import org.mpjbench.kernels.remotecall.RemoteCallParameters;

/**
 * The algorithm kernels {@link KernelRunBenchmark} times, one operation being one whole run of the
 * kernel on every rank with the parameters below: each kernel's {@code DEFAULTS}, the run {@code
 * mpjbench run <kernel> -np K} makes, so a score reads as "so many default runs per second".
 *
 * <p>Berkeley and download are not here: they have benchmarks of their own ({@link
 * BerkeleyRoundBenchmark}, {@link DownloadBenchmark}) that time a round or a download inside one
 * long-lived session. The elections' default run crashes the highest rank, so a ring or bully run
 * waits out one time-out ({@code 200 ms}) before it can go on: their score measures that time-out
 * more than the algorithm. The {@code -no-crash} cases run the same election with every rank live,
 * which waits for no time-out, so they measure the messages alone.
 */
public enum KernelCase {
  /** Cristian's clock synchronization (a ping-pong baseline, then 8 samples per client). */
  CRISTIAN("cristian", KernelType.CRISTIAN, 1),
  /** Lamport clocks over a seeded pattern of 200 messages. */
  LAMPORT("lamport", KernelType.LAMPORT, 1),
  /** A ring election after the highest rank crashed: one time-out, then the ring. */
  RING("ring", KernelType.RING, 1),
  /** A ring election with every rank live. */
  RING_NO_CRASH("ring-no-crash", KernelType.RING, 2),
  /** A bully election after the highest rank crashed: one time-out, then the victory. */
  BULLY("bully", KernelType.BULLY, 1),
  /** A bully election with every rank live. */
  BULLY_NO_CRASH("bully-no-crash", KernelType.BULLY, 2),
  /** Suzuki-Kasami mutual exclusion, 20 entries per rank. */
  SUZUKI_KASAMI("suzuki-kasami", KernelType.SUZUKI_KASAMI, 1),
  /** Ricart-Agrawala mutual exclusion, 20 entries per rank. */
  RICART_AGRAWALA("ricart-agrawala", KernelType.RICART_AGRAWALA, 1),
  /** 200 messages multicast by rank 0 with Bcast. */
  MULTICAST("multicast", KernelType.MULTICAST, 1),
  /** 200 seeded tasks under each of the three policies. */
  LOAD_BALANCE("load-balance", KernelType.LOAD_BALANCE, 1),
  /** Registrations and 200 resolutions per client against rank 0's name server. */
  NAMING("naming", KernelType.NAMING, 1),
  /** 200 square-root calls per client to a service found by name. */
  REMOTE_CALL("remote-call", KernelType.REMOTE_CALL, 1);

  /** Every case's name, in declaration order: the values of {@link KernelRunBenchmark#kernel}. */
  public static final List<String> NAMES =
      Arrays.stream(values()).map(KernelCase::benchmarkName).toList();

  private final String benchmarkName;
  private final KernelType type;
  private final int minRanks;

  KernelCase(String benchmarkName, KernelType type, int minRanks) {
    this.benchmarkName = benchmarkName;
    this.type = type;
    this.minRanks = minRanks;
  }

  /** The name in {@code bench --benchmarks}, in JMH's {@code kernel} parameter and the report. */
  public String benchmarkName() {
    return benchmarkName;
  }

  /** The kernel this case runs. */
  public KernelType type() {
    return type;
  }

  /**
   * The fewest ranks the case is run on: 2 for the no-crash elections, which at 1 rank are the
   * very run of their crashing twin (the default crash needs 2 ranks).
   */
  public int minRanks() {
    return minRanks;
  }

  /**
   * The parameters of one timed run: the kernel's defaults, with the mutual-exclusion kernels
   * entering without permission when {@code mutexUnsafe} (to see a violated property fail the
   * bench), and no crash for the {@code -no-crash} elections.
   */
  public Object parameters(boolean mutexUnsafe) {
    return switch (this) {
      case CRISTIAN -> CristianParameters.DEFAULTS;
      case LAMPORT -> LamportParameters.DEFAULTS;
      case RING, BULLY -> ElectionParameters.DEFAULTS;
      case RING_NO_CRASH, BULLY_NO_CRASH -> new ElectionParameters(List.of(),
          ElectionParameters.DEFAULTS.initiator(), ElectionParameters.DEFAULTS.timeoutMs(),
          ElectionParameters.DEFAULTS.seed());
      case SUZUKI_KASAMI, RICART_AGRAWALA -> {
        MutexParameters d = MutexParameters.DEFAULTS;
        yield new MutexParameters(d.entries(), d.holdUs(), d.thinkUs(), d.seed(), mutexUnsafe,
            d.stallTimeoutMs());
      }
      case MULTICAST -> MulticastParameters.DEFAULTS;
      case LOAD_BALANCE -> LoadBalanceParameters.DEFAULTS;
      case NAMING -> NamingParameters.DEFAULTS;
      case REMOTE_CALL -> RemoteCallParameters.DEFAULTS;
    };
  }

  /** The case named {@code name} in {@link #NAMES}. */
  public static Optional<KernelCase> byName(String name) {
    return Arrays.stream(values()).filter(c -> c.benchmarkName.equals(name)).findFirst();
  }

  /**
   * The messages a kernel's result counts: every result type of these kernels has a {@code long
   * messages} component (checked by a unit test for each case).
   *
   * @throws IllegalArgumentException for a result without one
   */
  public static long messages(Object result) {
    RecordComponent[] components = result.getClass().getRecordComponents();
    if (components != null) {
      for (RecordComponent component : components) {
        if (component.getName().equals("messages") && component.getType() == long.class) {
          try {
            return (long) component.getAccessor().invoke(result);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
          }
        }
      }
    }
    throw new IllegalArgumentException(result.getClass().getName() + " has no long messages");
  }
}
