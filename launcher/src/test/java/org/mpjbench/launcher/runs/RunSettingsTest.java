package org.mpjbench.launcher.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.control.FaultInjection;
import org.mpjbench.launcher.mpj.Device;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjPorts;
import org.mpjbench.launcher.settings.RunDefaults;

/** {@link RunSettings}: the defaults of the one settings place, and every check's message. */
class RunSettingsTest {
  @Test
  void theBuilderStartsFromTheDefaults() {
    RunSettings settings = RunSettings.builder().build();
    assertEquals(RunDefaults.RANKS, settings.ranks());
    assertEquals(Device.MULTICORE, settings.device());
    assertEquals(MpjDaemon.DEFAULT_PORT, settings.daemonPort());
    assertEquals(MpjPorts.DEFAULTS, settings.mpjPorts());
    assertEquals(RunDefaults.TIMEOUT_SECONDS, settings.timeoutSeconds());
    assertEquals(RunDefaults.STARTUP_TIMEOUT_SECONDS, settings.startupTimeoutSeconds());
    assertEquals(RunDefaults.SILENCE_TIMEOUT_SECONDS, settings.silenceTimeoutSeconds());
    assertNull(settings.machines());
    assertNull(settings.protocolSwitchBytes(), "MPJ's own limit unless one is given");
    assertEquals(settings, settings.toBuilder().build());
  }

  @Test
  void eachBadValueIsOneLineNamingItsOption() {
    assertProblem("-np must be at least 1, got 0", RunSettings.builder().ranks(0));
    assertProblem("-np must be at most 256, got 257", RunSettings.builder().ranks(257));
    assertProblem("--daemon-port must be 1 to 65535, got 0",
        RunSettings.builder().ports(0, MpjPorts.DEFAULTS));
    assertProblem("--starter-port must differ from --port-manager-port, both are 41000",
        RunSettings.builder().ports(40055, new MpjPorts(41000, 41000)));
    assertProblem("--timeout-s must be 1 to 604800 (a week), got 0",
        RunSettings.builder().timeoutSeconds(0));
    assertProblem("--silence-timeout-s must be 2 to 3600, got 1",
        RunSettings.builder().timeouts(10, 10, 1));
    assertProblem("--machines needs --device niodev or hybdev",
        RunSettings.builder().machines(Path.of("machines")));
    assertProblem("--protocol-switch-bytes needs --device niodev or hybdev (multicore has no"
        + " eager and rendezvous protocols to switch between)",
        RunSettings.builder().protocolSwitchBytes(4_194_304));
    assertProblem("--protocol-switch-bytes must be 1 to 1073741824, got 0",
        RunSettings.builder().device(Device.NIODEV).protocolSwitchBytes(0));
    assertProblem("--inject-fault names rank 2, but the run has only ranks 0 to 1",
        RunSettings.builder().ranks(2).fault(FaultInjection.parse("2:fail")));
    assertProblem("--verbose and --quiet exclude each other",
        RunSettings.builder().verbose(true).quiet(true));
    assertProblem("--mpj-home /no/such/mpj does not exist",
        RunSettings.builder().mpjHome(Path.of("/no/such/mpj")));
    assertProblem("--device must be multicore, niodev or hybdev, got 'shm'", null);
  }

  private static void assertProblem(String message, RunSettings.Builder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> (builder == null ? RunSettings.builder().device(RunSettings.device("shm"))
            : builder).build());
    assertEquals(message, e.getMessage());
  }
}
