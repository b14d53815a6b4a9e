package org.mpjbench.launcher.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.mpjbench.kernels.control.FaultInjection;
import org.mpjbench.launcher.mpj.DaemonLogs;
import org.mpjbench.launcher.mpj.Device;
import org.mpjbench.launcher.mpj.MachinesFile;
import org.mpjbench.launcher.mpj.MpjHome;

/**
 * One MPJ job to run.
 *
 * @param program the rank program every rank runs: a kernel's name, or a {@code
 *     RankProgramFactory}'s
 * @param factoryClass the class that makes the rank program (a kernel's descriptor), named in
 *     the start order so that no rank makes the other registered ones to find it; null leaves the
 *     ranks to find it by name
 * @param parameters its parameters, as the JSON the ranks decode
 * @param ranks number of ranks ({@code -np})
 * @param device multicore or niodev
 * @param machines the hosts (niodev only; null for multicore)
 * @param daemonPort the MPJ daemons' port (niodev only)
 * @param protocolSwitchBytes niodev, hybdev: MPJ's protocol switch limit for its starter's {@code
 *     -psl}, or null for MPJ's default
 * @param mpjHome the MPJ Express installation
 * @param rankClasspath what the ranks need besides MPJ's own jars
 * @param controlBind the local address the control server listens on
 * @param controlHost the address ranks use to reach the control server
 * @param startupTimeout how long every rank has to connect after the job starts
 * @param runTimeout the whole job's bound, start to finish
 * @param fault a fault to inject into one rank, or null
 * @param trace a file to append every control event to as it happens (JSON lines), or null
 * @param silenceTimeout how long a rank may be silent (not even a heartbeat) before the run fails
 *     naming it and its host; ranks halt after the same silence from the launcher
 * @param daemonLogs the daemons' logs this host can read, for the reason ranks did not start
 * @param resultsFolder the run's results folder, told to the ranks (a kernel may keep files
 *     beside it), or null
 */
public record JobSpec(
    String program,
    String factoryClass,
    JsonNode parameters,
    int ranks,
    Device device,
    MachinesFile machines,
    int daemonPort,
    Integer protocolSwitchBytes,
    MpjHome mpjHome,
    List<Path> rankClasspath,
    InetAddress controlBind,
    String controlHost,
    Duration startupTimeout,
    Duration runTimeout,
    FaultInjection fault,
    Path trace,
    Duration silenceTimeout,
    DaemonLogs daemonLogs,
    Path resultsFolder) {
  /** Heartbeats per silence time-out: a few lost or late ones must not fail a run. */
  private static final int HEARTBEATS_PER_SILENCE = 5;

  /** How often each end of the control channel says it is still there. */
  public Duration heartbeatInterval() {
    return silenceTimeout.dividedBy(HEARTBEATS_PER_SILENCE);
  }
}
