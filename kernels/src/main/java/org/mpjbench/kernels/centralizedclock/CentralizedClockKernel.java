package org.mpjbench.kernels.centralizedclock;

import mpi.MPIException;
import org.mpjbench.kernels.clock.ClockSkew;
import org.mpjbench.kernels.clock.SimulatedClock;
import org.mpjbench.kernels.clock.TimeServer;
import org.mpjbench.kernels.clock.TimeServerKernel;
import org.mpjbench.kernels.mpi.PingPong;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.spi.Latencies;

/**
 * Centralized clock synchronization over MPJ ranks, in the frame of {@link TimeServerKernel} that
 * Cristian's kernel uses too: rank 0 is the time server, every other rank a client drawn from the
 * same clock population as Cristian's and Berkeley's for the same options. Each client sends one
 * request and sets its clock to the reading ({@link CentralizedClockCheck#correctionNanos}); it
 * times the round trip on its own clock only to report it and bound its error. Rank 0 checks
 * ({@link CentralizedClockCheck#PROMISE}) that each client ended within its round trip of the
 * server.
 *
 * <p>Tags: {@value #FIRST_TAG} the request ({@code [0]}), then the reply ({@code [0,
 * serverClockNanos]}), the baseline's ping and pong.
 *
 * <p>Trace events ({@code --trace}): {@code sync} on each client once its clock is set ({@code
 * offsetNanos} applied, {@code rttNanos} of the exchange), after the exchange so it does not
 * lengthen it. The server traces nothing, so its replies are not delayed.
 */
public final class CentralizedClockKernel extends TimeServerKernel<CentralizedClockResult> {
  /** The first of the kernel's four tags. */
  public static final int FIRST_TAG = 211;

  /** A kernel that runs with these parameters. */
  public CentralizedClockKernel(CentralizedClockParameters parameters) {
    super(new Setup("centralized-clock", FIRST_TAG, 1, parameters.seed(),
        parameters.spreadNanos(), parameters.driftPpm(), parameters.timeoutNanos(),
        CentralizedClockCheck.PROMISE));
  }

  /** A client: asks once and adopts the reading. */
  @Override
  protected Sync synchronize(TimeServer server, SimulatedClock clock, long[] roundTrips,
      KernelEvents events) throws MPIException {
    TimeServer.Exchange exchange = server.ask(clock, 0);
    long offset = CentralizedClockCheck.correctionNanos(exchange.serverNanos(),
        exchange.receivedNanos());
    clock.adjust(offset);
    roundTrips[0] = exchange.roundTripNanos();
    events.event("sync").with("offsetNanos", offset)
        .with("rttNanos", exchange.roundTripNanos()).emit();
    return new Sync(offset, exchange.receiptHostNanos(), exchange.roundTripNanos(),
        exchange.roundTripNanos());
  }

  /** The result, with Berkeley's skews and the clients' mean error. */
  @Override
  protected CentralizedClockResult result(Gathered gathered) {
    boolean[] noneFaulty = new boolean[0];
    long meanAfter = gathered.clients().isEmpty() ? 0 : Math.round(gathered.clients().stream()
        .mapToLong(Client::trueErrorAfterNanos).average().orElse(0));
    return new CentralizedClockResult(gathered.clients().stream().map(c ->
        new CentralizedClockResult.Client(c.rank(), c.sync().roundTripNanos(),
            c.sync().offsetNanos(), c.trueErrorBeforeNanos(), c.trueErrorAfterNanos(),
            c.boundNanos(), c.syncNanos())).toList(),
        ClockSkew.skewNanos(gathered.errorsBeforeNanos(), noneFaulty),
        ClockSkew.skewNanos(gathered.errorsAfterNanos(), noneFaulty),
        gathered.maxTrueErrorNanos(false), gathered.maxTrueErrorNanos(true), meanAfter,
        PingPong.median(gathered.clientRoundTripsNanos()), gathered.baselineRoundTripNanos(),
        gathered.maxSyncNanos(), gathered.messages(), gathered.check(),
        Latencies.of(gathered.clients().stream().mapToLong(Client::syncNanos).toArray()));
  }
}
