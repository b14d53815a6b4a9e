/**
 * The line server of the cooperative-download kernel: a TCP server that hands out random lines of
 * a file ({@code SENDLINE}), rate-limited per connection by a token bucket, and accepts the whole
 * file back ({@code SUBMIT}) once a team has reassembled it. The wire protocol is in {@code
 * org.mpjbench.lineserver.protocol}; {@code mpjbench line-server} runs one from the command
 * line.
 *
 * <p>{@link org.mpjbench.lineserver.LineFile} is the file as bytes split at {@code \n}
 * (served exactly as on disk), {@link org.mpjbench.lineserver.LineServerConfig} what
 * a server is told, and {@link org.mpjbench.lineserver.LineServer} the server itself.
 * The server is deliberately unfriendly in controlled ways (rate limits, random declines, limits
 * on connections per address, dropped connections) so that clients have something to cope with.
 */
package org.mpjbench.lineserver;
