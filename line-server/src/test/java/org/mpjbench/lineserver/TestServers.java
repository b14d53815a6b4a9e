package org.mpjbench.lineserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts line servers for a test and closes them after it, whatever happened: a field with
 * {@code @RegisterExtension}.
 */
final class TestServers implements AfterEachCallback {
  private final List<LineServer> servers = new ArrayList<>();

  /** A server started as {@code config} says, closed after the test. */
  LineServer start(LineServerConfig config) throws IOException {
    LineServer server = LineServer.start(config);
    servers.add(server);
    return server;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    servers.forEach(LineServer::close);
    servers.clear();
  }
}
