package org.mpjbench.kernels;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.mpjbench.kernels.berkeley.BerkeleyKernel;
import org.mpjbench.kernels.berkeley.BerkeleyParameters;
import org.mpjbench.kernels.berkeley.BerkeleyResult;
import org.mpjbench.kernels.download.DownloadKernel;
import org.mpjbench.kernels.download.DownloadParameters;
import org.mpjbench.kernels.download.DownloadResult;
import org.mpjbench.kernels.rank.RankProgram;

/**
 * The catalogue of kernels: each constant knows its command-line name, the type of its parameters
 * and result (for JSON on the control channel), and creates the program every rank runs.
 *
 * <p>Creating the program is deferred to the rank: the launcher JVM has no MPI classes on its class
 * path and only uses the name and the types.
 */
public enum KernelType {
  /** Berkeley clock synchronization (Gusella and Zatti's TEMPO): see {@link BerkeleyKernel}. */
  BERKELEY(
      "berkeley",
      BerkeleyParameters.class,
      BerkeleyResult.class,
      p -> new BerkeleyKernel((BerkeleyParameters) p)),
  /** Cooperative file download from a rate-limited line server: see {@link DownloadKernel}. */
  DOWNLOAD(
      "download",
      DownloadParameters.class,
      DownloadResult.class,
      p -> new DownloadKernel((DownloadParameters) p)),
  /** Cristian's clock synchronization (a time server, RTT/2): see its kernel class. */
  CRISTIAN(
      "cristian",
      org.mpjbench.kernels.cristian.CristianParameters.class,
      org.mpjbench.kernels.cristian.CristianResult.class,
      p -> new org.mpjbench.kernels.cristian.CristianKernel(
          (org.mpjbench.kernels.cristian.CristianParameters) p)),
  /** A name server with flat and hierarchical names: see its kernel class. */
  NAMING(
      "naming",
      org.mpjbench.kernels.naming.NamingParameters.class,
      org.mpjbench.kernels.naming.NamingResult.class,
      p -> new org.mpjbench.kernels.naming.NamingKernel(
          (org.mpjbench.kernels.naming.NamingParameters) p)),
  /** Remote invocation of a square-root service found by name: see its kernel class. */
  REMOTE_CALL(
      "remote-call",
      org.mpjbench.kernels.remotecall.RemoteCallParameters.class,
      org.mpjbench.kernels.remotecall.RemoteCallResult.class,
      p -> new org.mpjbench.kernels.remotecall.RemoteCallKernel(
          (org.mpjbench.kernels.remotecall.RemoteCallParameters) p)),
  /** Multicast to the group, optionally totally ordered by a sequencer: see its kernel class. */
  MULTICAST(
      "multicast",
      org.mpjbench.kernels.multicast.MulticastParameters.class,
      org.mpjbench.kernels.multicast.MulticastResult.class,
      p -> new org.mpjbench.kernels.multicast.MulticastKernel(
          (org.mpjbench.kernels.multicast.MulticastParameters) p)),
  /** Load balancing of skewed tasks under three policies: see its kernel class. */
  LOAD_BALANCE(
      "load-balance",
      org.mpjbench.kernels.loadbalance.LoadBalanceParameters.class,
      org.mpjbench.kernels.loadbalance.LoadBalanceResult.class,
      p -> new org.mpjbench.kernels.loadbalance.LoadBalanceKernel(
          (org.mpjbench.kernels.loadbalance.LoadBalanceParameters) p)),
  /** Lamport logical clocks, optionally vector clocks: see its kernel class. */
  LAMPORT(
      "lamport",
      org.mpjbench.kernels.lamport.LamportParameters.class,
      org.mpjbench.kernels.lamport.LamportResult.class,
      p -> new org.mpjbench.kernels.lamport.LamportKernel(
          (org.mpjbench.kernels.lamport.LamportParameters) p)),
  /** Ring election (ELECTION collects ids around the live ring): see its kernel class. */
  RING(
      "ring",
      org.mpjbench.kernels.election.ElectionParameters.class,
      org.mpjbench.kernels.ring.RingResult.class,
      p -> new org.mpjbench.kernels.ring.RingKernel(
          (org.mpjbench.kernels.election.ElectionParameters) p)),
  /** Bully election (the highest live rank takes over): see its kernel class. */
  BULLY(
      "bully",
      org.mpjbench.kernels.election.ElectionParameters.class,
      org.mpjbench.kernels.bully.BullyResult.class,
      p -> new org.mpjbench.kernels.bully.BullyKernel(
          (org.mpjbench.kernels.election.ElectionParameters) p)),
  /** Suzuki-Kasami token-based mutual exclusion: see its kernel class. */
  SUZUKI_KASAMI(
      "suzuki-kasami",
      org.mpjbench.kernels.mutex.MutexParameters.class,
      org.mpjbench.kernels.suzukikasami.SuzukiKasamiResult.class,
      p -> new org.mpjbench.kernels.suzukikasami.SuzukiKasamiKernel(
          (org.mpjbench.kernels.mutex.MutexParameters) p)),
  /** Ricart-Agrawala permission-based mutual exclusion: see its kernel class. */
  RICART_AGRAWALA(
      "ricart-agrawala",
      org.mpjbench.kernels.mutex.MutexParameters.class,
      org.mpjbench.kernels.ricartagrawala.RicartAgrawalaResult.class,
      p -> new org.mpjbench.kernels.ricartagrawala.RicartAgrawalaKernel(
          (org.mpjbench.kernels.mutex.MutexParameters) p));

  private final String cliName;
  private final Class<?> parametersType;
  private final Class<?> resultType;
  private final Function<Object, RankProgram<?>> factory;

  KernelType(
      String cliName,
      Class<?> parametersType,
      Class<?> resultType,
      Function<Object, RankProgram<?>> factory) {
    this.cliName = cliName;
    this.parametersType = parametersType;
    this.resultType = resultType;
    this.factory = factory;
  }

  /** The name used on the command line and in result files, e.g. {@code berkeley}. */
  public String cliName() {
    return cliName;
  }

  /** The record type holding this kernel's parameters. */
  public Class<?> parametersType() {
    return parametersType;
  }

  /** The record type rank 0 reports as this kernel's result. */
  public Class<?> resultType() {
    return resultType;
  }

  /** Creates the program a rank runs; the parameters must be of {@link #parametersType()}. */
  public RankProgram<?> create(Object parameters) {
    if (!parametersType.isInstance(parameters)) {
      throw new IllegalArgumentException(
          cliName + " takes " + parametersType.getSimpleName() + ", not " + parameters);
    }
    return factory.apply(parameters);
  }

  /** Looks a kernel up by its command-line name. */
  public static Optional<KernelType> byName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.cliName.equals(wanted)).findFirst();
  }
}
