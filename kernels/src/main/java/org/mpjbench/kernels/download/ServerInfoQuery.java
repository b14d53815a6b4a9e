package org.mpjbench.kernels.download;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.mpjbench.lineserver.protocol.LineProtocol;
import org.mpjbench.lineserver.protocol.LineReader;
import org.mpjbench.lineserver.protocol.ProtocolException;
import org.mpjbench.lineserver.protocol.ServerInfo;

/**
 * Asks a line server {@code INFO} over a connection of its own, once, before a download: our
 * server says its line count, rate and burst; the write-up's answers {@code ERROR}, and any
 * server may say something else, close, or stay silent, which all mean "not told".
 */
final class ServerInfoQuery {
  /** What the server said. */
  sealed interface Answer {
    /** The server told what it serves. */
    record Told(ServerInfo info) implements Answer {}

    /**
     * The server did not tell.
     *
     * @param why what it did instead, for a note (e.g. {@code answered ERROR unknown request})
     */
    record NotTold(String why) implements Answer {}
  }

  private ServerInfoQuery() {}

  /**
   * Connects within {@code connectTimeout}, sends {@code INFO} and reads one reply line of at most
   * {@link LineProtocol#MAX_INFO_REPLY_BYTES} bytes within {@code readTimeout}.
   *
   * @throws IOException when the server cannot be reached; the message, one line, names it
   */
  static Answer ask(InetSocketAddress server, Duration connectTimeout, Duration readTimeout)
      throws IOException {
    try (Socket socket = new Socket()) {
      try {
        socket.connect(server, Math.toIntExact(connectTimeout.toMillis()));
      } catch (IOException e) {
        throw new IOException("cannot reach the line server at " + server.getHostString() + ":"
            + server.getPort() + " within " + connectTimeout.toMillis() + " ms: "
            + e.getMessage(), e);
      }
      socket.setSoTimeout(Math.toIntExact(Math.max(1, readTimeout.toMillis())));
      try {
        OutputStream out = socket.getOutputStream();
        out.write(LineProtocol.infoRequest());
        out.flush();
        byte[] line = new LineReader(socket.getInputStream(), LineProtocol.MAX_INFO_REPLY_BYTES)
            .readLine();
        return answer(line);
      } catch (SocketTimeoutException e) {
        return new Answer.NotTold("gave no reply to INFO within " + readTimeout.toMillis()
            + " ms");
      } catch (LineReader.LineTooLongException e) {
        return new Answer.NotTold("answered INFO with a line longer than "
            + LineProtocol.MAX_INFO_REPLY_BYTES + " bytes");
      } catch (IOException e) {
        return new Answer.NotTold("broke the connection after INFO (" + e.getMessage() + ")");
      }
    }
  }

  /** The answer that the reply line {@code line} (null: the server closed) gives. */
  static Answer answer(byte[] line) {
    if (line == null) {
      return new Answer.NotTold("closed the connection after INFO");
    }
    try {
      return new Answer.Told(LineProtocol.parseInfoReply(line));
    } catch (ProtocolException e) {
      return new Answer.NotTold(e.serverError().map(reason -> "answered ERROR " + reason)
          .orElse("answered INFO with '" + LineProtocol.quote(line) + "'"));
    }
  }
}
