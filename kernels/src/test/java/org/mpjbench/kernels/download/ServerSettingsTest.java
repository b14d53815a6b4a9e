package org.mpjbench.kernels.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.lineserver.protocol.ServerInfo;

/** {@link ServerSettings}: what the server tells fills what was not given; otherwise fallback. */
class ServerSettingsTest {
  private static final String SERVER = "127.0.0.1:4000";
  private static final ServerInfoQuery.Answer GPL3 =
      new ServerInfoQuery.Answer.Told(new ServerInfo(674, 2000, 5));
  private static final ServerInfoQuery.Answer ERROR =
      new ServerInfoQuery.Answer.NotTold("answered ERROR unknown command");

  @Test
  void nothingGivenTakesEverythingTheServerTells() {
    ServerSettings settings = ServerSettings.resolve(SERVER, GPL3, null, 1000, 250, false, 5,
        false);
    assertEquals(674, settings.lineCount());
    assertEquals(2000, settings.ratePerSecond());
    assertEquals(5, settings.burst());
    assertEquals(List.of("the line server at 127.0.0.1:4000 serves 674 lines at 2000 requests/s"
        + " per connection, burst 5; the ranks pace at that"), settings.notes());
  }

  @Test
  void givenOptionsWinAndARateAboveTheServersIsNoted() {
    ServerSettings settings = ServerSettings.resolve(SERVER, GPL3, 674, 1000, 4000, true, 2,
        true);
    assertEquals(674, settings.lineCount());
    assertEquals(4000, settings.ratePerSecond());
    assertEquals(2, settings.burst());
    assertEquals("--rate-per-second 4000 is above the server's 2000: expect declined requests",
        settings.notes().get(1));
  }

  @Test
  void aGivenLineCountTheServerContradictsIsOneLineError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServerSettings.resolve(SERVER, GPL3, 1000, 1000, 250, false, 5, false));
    assertEquals("--lines 1000 disagrees with the line server at 127.0.0.1:4000, which serves"
        + " 674 lines; leave --lines out or give 674", e.getMessage());
  }

  @Test
  void aServerWithMoreLinesThanADownloadTakesIsAnError() {
    ServerInfoQuery.Answer huge = new ServerInfoQuery.Answer.Told(
        new ServerInfo(DownloadParameters.MAX_LINE_COUNT + 1, 10, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServerSettings.resolve(SERVER, huge, null, 1000, 250, false, 5, false));
    assertEquals("the line server at 127.0.0.1:4000 serves 10000001 lines; a download takes at"
        + " most 10000000", e.getMessage());
  }

  @Test
  void aServerThatDoesNotTellLeavesTheOptionsAndTheirDefaults() {
    ServerSettings defaults = ServerSettings.resolve(SERVER, ERROR, null, 1000, 250, false, 5,
        false);
    assertEquals(new ServerSettings(1000, 250, 5, List.of("the line server at 127.0.0.1:4000"
        + " does not tell its file (it answered ERROR unknown command): using --lines 1000 (the"
        + " default), --rate-per-second 250 and --burst 5")), defaults);
    ServerSettings given = ServerSettings.resolve(SERVER, ERROR, 674, 1000, 2000, true, 3, true);
    assertEquals(674, given.lineCount());
    assertEquals(2000, given.ratePerSecond());
    assertEquals(3, given.burst());
  }
}
