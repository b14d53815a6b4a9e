/**
 * The line server's wire protocol, byte for byte, shared by the server ({@code
 * org.mpjbench.lineserver}) and the download client.
 *
 * <p>A client sends requests, each made of {@code \n}-terminated lines, and reads one reply per
 * request; requests on one connection are answered in order (pipelining is allowed).
 *
 * <pre>
 * SENDLINE\n                         -&gt; &lt;n&gt;\n&lt;text&gt;\n      line n (0-based, drawn at random)
 *                                    -&gt; -1\n\n               declined (rate limit, or at random)
 * SUBMIT\n&lt;id&gt;@&lt;team&gt;\n&lt;count&gt;\n
 *   then count pairs &lt;n&gt;\n&lt;text&gt;\n   -&gt; SUBMIT OK &lt;count&gt; lines in &lt;millis&gt; ms\n
 *                                    -&gt; SUBMIT FAILED &lt;reason&gt;\n
 * INFO\n                             -&gt; INFO lines=&lt;n&gt; rate=&lt;r&gt; burst=&lt;b&gt;\n
 * anything else                      -&gt; ERROR &lt;reason&gt;\n      (the connection stays usable)
 * </pre>
 *
 * <p>{@code INFO} is our extension, not part of the write-up's protocol (whose server answers it
 * with {@code ERROR}): it tells a client the file's line count, the rate per second each
 * connection is allowed ({@code r}, a plain decimal such as {@code 2000} or {@code 0.5}) and the
 * burst, so that it need not be told them. It takes no token. A client reads at most {@link
 * org.mpjbench.lineserver.protocol.LineProtocol#MAX_INFO_REPLY_BYTES} bytes of the reply and
 * treats {@code ERROR} or anything else as "this server does not say".
 *
 * <ul>
 *   <li>Texts are bytes: the line exactly as it is in the served file, without its {@code \n}; a
 *       {@code \r} is part of the text, and so is any other byte (NUL, invalid UTF-8).
 *   <li>Every other line (commands, {@code id@team}, counts, line numbers) may end in {@code \r\n};
 *       the {@code \r} is ignored. These lines are at most {@link
 *       org.mpjbench.lineserver.protocol.LineProtocol#MAX_REQUEST_LINE_BYTES} bytes; a longer
 *       one gets {@code ERROR request line longer than 65536 bytes} and the connection is closed.
 *   <li>Numbers are unsigned decimal digits. {@code id} and {@code team} are 1 to 64 characters
 *       from {@code A-Z a-z 0-9 . _ + -}.
 *   <li>A {@code count} that is not a number or is larger than the file's line count gets {@code
 *       SUBMIT FAILED ...} and the connection is closed: the pairs that may follow cannot be
 *       framed.
 *   <li>Reasons are printable ASCII; bytes quoted from a request are shown as {@code \xNN} and
 *       abbreviated.
 * </ul>
 *
 * <p>{@link org.mpjbench.lineserver.protocol.LineProtocol} encodes and parses messages, {@link
 * org.mpjbench.lineserver.protocol.LineReader} frames lines as bytes with a bound, and {@link
 * org.mpjbench.lineserver.protocol.RequestParser} turns the server's input lines into typed
 * {@link org.mpjbench.lineserver.protocol.Request}s, without sockets.
 */
package org.mpjbench.lineserver.protocol;
