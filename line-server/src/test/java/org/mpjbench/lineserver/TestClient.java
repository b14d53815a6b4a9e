package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mpjbench.lineserver.protocol.LineProtocol;
import org.mpjbench.lineserver.protocol.LineReader;
import org.mpjbench.lineserver.protocol.SubmitReply;

/** A plain blocking client of the line server for tests: real socket, short time-outs. */
final class TestClient implements AutoCloseable {
  /** No test waits longer than this for one reply. */
  static final int READ_TIMEOUT_MILLIS = 5000;

  /** One SENDLINE reply. */
  record Reply(long n, byte[] text) {
    boolean declined() {
      return n == LineProtocol.DECLINED;
    }
  }

  final Socket socket;
  private final LineReader reader;
  private final OutputStream out;

  TestClient(InetSocketAddress address) throws IOException {
    socket = new Socket();
    socket.connect(address, READ_TIMEOUT_MILLIS);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    reader = new LineReader(socket.getInputStream(), 1 << 20);
    out = socket.getOutputStream();
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends SENDLINE and reads the reply. */
  Reply sendLine() throws IOException {
    send(LineProtocol.sendLineRequest());
    return readReply();
  }

  /** Sends {@code count} SENDLINE requests in one write, then reads the replies in order. */
  Reply[] sendLines(int count) throws IOException {
    send("SENDLINE\n".repeat(count));
    Reply[] replies = new Reply[count];
    for (int i = 0; i < count; i++) {
      replies[i] = readReply();
    }
    return replies;
  }

  Reply readReply() throws IOException {
    byte[] number = reader.readLine();
    if (number == null) {
      throw new IOException("the server closed the connection instead of replying");
    }
    long n = LineProtocol.parseReplyNumber(number);
    byte[] text = reader.readLine();
    if (n == LineProtocol.DECLINED) {
      assertEquals(0, text.length, "a decline is -1 and an empty line");
    }
    return new Reply(n, text);
  }

  /** The next line as text, or null when the server closed the connection. */
  String readLine() throws IOException {
    byte[] line = reader.readLine();
    return line == null ? null : new String(line, StandardCharsets.UTF_8);
  }

  /** Sends a whole submission: the header, then each pair in the map's order. */
  SubmitReply submit(String id, String team, Map<Integer, byte[]> pairs) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(LineProtocol.submitHeader(id, team, pairs.size()));
    pairs.forEach((n, text) -> request.writeBytes(LineProtocol.submitPair(n, text)));
    send(request.toByteArray());
    return LineProtocol.parseSubmitReply(reader.readLine());
  }

  /**
   * Whether the server has closed the connection: the next read ends the stream (a reset counts
   * only when {@code resetIsClosed}, for closes that may race with what the client sent).
   */
  boolean closedByServer(boolean resetIsClosed) throws IOException {
    try {
      return reader.readLine() == null; // anything else the server sent is not a close
    } catch (SocketException e) {
      if (resetIsClosed) {
        return true;
      }
      throw e;
    }
  }

  /** Waits up to {@code millis} for each read from now on (default {@value #READ_TIMEOUT_MILLIS}). */
  void readTimeoutMillis(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
