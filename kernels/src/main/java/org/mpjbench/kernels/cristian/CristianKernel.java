package org.mpjbench.kernels.cristian;

import mpi.MPIException;
import org.mpjbench.kernels.clock.SimulatedClock;
import org.mpjbench.kernels.clock.TimeServer;
import org.mpjbench.kernels.clock.TimeServerKernel;
import org.mpjbench.kernels.mpi.PingPong;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.spi.Latencies;

/**
 * Cristian's clock synchronization over MPJ ranks, in the frame of {@link TimeServerKernel}: rank 0
 * is the time server, every other rank a client. Each client sends {@code samples} requests, one at
 * a time; it computes {@code server + rtt/2 - itsClockAtReceipt} for each reply ({@link
 * CristianEstimator}) and steps its clock by the one of the shortest round trip. Rank 0 checks
 * ({@link CristianCheck#PROMISE}) that each client ended within half its shortest round trip of
 * the server.
 *
 * <p>Tags: {@value #FIRST_TAG} the request ({@code [sequence]}), then the reply ({@code [sequence,
 * serverClockNanos]}), the baseline's ping and pong.
 *
 * <p>Trace events ({@code --trace}) of the clients, between exchanges (outside the round trips):
 * {@code sample} per reply ({@code sequence}, {@code rttNanos}, the {@code offsetNanos} it alone
 * suggests) and {@code sync} when the clock is stepped ({@code offsetNanos} applied, the {@code
 * rttNanos} of the sample chosen). The server traces nothing, so its replies are not delayed.
 */
public final class CristianKernel extends TimeServerKernel<CristianResult> {
  /** The first of the kernel's four tags. */
  public static final int FIRST_TAG = 201;

  /** A kernel that runs with these parameters. */
  public CristianKernel(CristianParameters parameters) {
    super(new Setup("cristian", FIRST_TAG, parameters.samples(), parameters.seed(),
        parameters.spreadNanos(), parameters.driftPpm(), parameters.timeoutNanos(),
        CristianCheck.PROMISE));
  }

  /** A client: asks {@code samples} times and steps its clock by the best estimate. */
  @Override
  protected Sync synchronize(TimeServer server, SimulatedClock clock, long[] roundTrips,
      KernelEvents events) throws MPIException {
    int samples = roundTrips.length;
    CristianEstimator estimator = new CristianEstimator(samples);
    long[] receiptHostNanos = new long[samples];
    for (int sequence = 0; sequence < samples; sequence++) {
      TimeServer.Exchange exchange = server.ask(clock, sequence);
      receiptHostNanos[sequence] = exchange.receiptHostNanos();
      long offset = estimator.add(exchange.sentNanos(), exchange.serverNanos(),
          exchange.receivedNanos());
      roundTrips[sequence] = exchange.roundTripNanos();
      events.event("sample").with("sequence", sequence)
          .with("rttNanos", exchange.roundTripNanos()).with("offsetNanos", offset).emit();
    }
    clock.adjust(estimator.offsetNanos());
    events.event("sync").with("offsetNanos", estimator.offsetNanos())
        .with("rttNanos", estimator.minRoundTripNanos()).emit();
    return new Sync(estimator.offsetNanos(), receiptHostNanos[estimator.bestIndex()],
        estimator.minRoundTripNanos(), estimator.medianRoundTripNanos());
  }

  /** The result, one client record per client. */
  @Override
  protected CristianResult result(Gathered gathered) {
    return new CristianResult(gathered.clients().stream().map(c -> new CristianResult.Client(
        c.rank(), c.sync().roundTripNanos(), c.sync().medianRoundTripNanos(),
        c.sync().offsetNanos(), c.trueErrorBeforeNanos(), c.trueErrorAfterNanos(),
        c.boundNanos(), c.syncNanos())).toList(),
        gathered.maxTrueErrorNanos(false), gathered.maxTrueErrorNanos(true),
        PingPong.median(gathered.clientRoundTripsNanos()), gathered.baselineRoundTripNanos(),
        gathered.maxSyncNanos(), gathered.messages(), gathered.check(),
        Latencies.of(gathered.clients().stream().mapToLong(Client::syncNanos).toArray()));
  }
}
