package org.mpjbench.lineserver;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Everything a {@link LineServer} is told, checked when the record is made; a message names the
 * {@code mpjbench line-server} option at fault (e.g. "--rate-per-second must be > 0, got 0"). Start
 * from {@link #defaults(LineFile)} and change what differs with the {@code with...} methods.
 *
 * @param bindAddress address to listen on (loopback by default: nothing is exposed by accident)
 * @param port port to listen on; 0 picks a free one ({@link LineServer#address()} tells which)
 * @param file the lines served
 * @param ratePerSecond tokens per second each connection's bucket gains (> 0)
 * @param burst tokens a connection's bucket holds, and starts with (at least 1)
 * @param declineProbability chance that a SENDLINE is declined at random, without taking a token
 * @param maxConnectionsPerAddress open connections allowed from one remote address; 0: no limit
 * @param maxConnections open connections allowed in all
 * @param idleTimeout a connection that does not send a whole line within this long of the server
 *     starting to wait for it (a byte now and then does not count), or does not read its replies
 *     for this long, is closed
 * @param seed seed of the draws (which line, which declines); connections get their own streams,
 *     in the order they are accepted
 * @param dropConnectionEvery for testing clients' reconnection: close each connection right after
 *     its N-th SENDLINE reply; 0: never
 */
public record LineServerConfig(
    InetAddress bindAddress,
    int port,
    LineFile file,
    double ratePerSecond,
    int burst,
    double declineProbability,
    int maxConnectionsPerAddress,
    int maxConnections,
    Duration idleTimeout,
    long seed,
    int dropConnectionEvery) {

  /** Default of {@link #ratePerSecond}. */
  public static final double DEFAULT_RATE_PER_SECOND = 250;
  /** Default of {@link #burst}. */
  public static final int DEFAULT_BURST = 5;
  /** Default of {@link #maxConnections}. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;
  /** Largest {@link #maxConnections}: each connection has its own thread. */
  public static final int MAX_CONNECTIONS_LIMIT = 10_000;
  /**
   * Default of {@link #maxConnectionsPerAddress}: twice the most ranks a run may have (256, each
   * with one connection, all from one address in multicore), so that a cooperative download never
   * reaches it, even while reconnections overlap the connections they replace; and half of {@link
   * #DEFAULT_MAX_CONNECTIONS}, so that one address cannot shut every other client out.
   */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 512;
  /** Default of {@link #idleTimeout}. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
  /**
   * The most a new connection may wait before its first whole request line: a client that
   * connects and never asks is dropped this soon, not after the whole {@link #idleTimeout}, so
   * that idle connections cannot pile up to the server's limit.
   */
  public static final Duration FIRST_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** Default of {@link #seed}. */
  public static final long DEFAULT_SEED = 1;

  /** Longest idle time-out: socket time-outs are ints of milliseconds. */
  private static final Duration MAX_IDLE_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  /** Checks every value. */
  public LineServerConfig {
    if (bindAddress == null) {
      throw new IllegalArgumentException("--bind must name an address of this host");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
    }
    if (file == null) {
      throw new IllegalArgumentException("a file to serve is needed (--file or --lines)");
    }
    if (!(ratePerSecond > 0) || !Double.isFinite(ratePerSecond)) {
      throw new IllegalArgumentException(
          "--rate-per-second must be > 0, got " + plain(ratePerSecond));
    }
    if (burst < 1) {
      throw new IllegalArgumentException("--burst must be at least 1, got " + burst);
    }
    if (!(declineProbability >= 0 && declineProbability < 1)) {
      throw new IllegalArgumentException("--decline-probability must be at least 0 and below 1,"
          + " got " + plain(declineProbability));
    }
    if (maxConnectionsPerAddress < 0) {
      throw new IllegalArgumentException("--max-connections-per-address must be at least 0"
          + " (0: no limit), got " + maxConnectionsPerAddress);
    }
    if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS_LIMIT) {
      throw new IllegalArgumentException("--max-connections must be 1 to " + MAX_CONNECTIONS_LIMIT
          + ", got " + maxConnections);
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("--idle-timeout-s must be positive, got "
          + (idleTimeout == null ? "none" : plain(idleTimeout.toMillis() / 1000.0)));
    }
    if (idleTimeout.compareTo(MAX_IDLE_TIMEOUT) > 0) {
      throw new IllegalArgumentException("--idle-timeout-s must be at most "
          + MAX_IDLE_TIMEOUT.toSeconds() + ", got " + idleTimeout.toSeconds());
    }
    if (dropConnectionEvery < 0) {
      throw new IllegalArgumentException("--drop-connection-every must be at least 0 (0: never),"
          + " got " + dropConnectionEvery);
    }
  }

  /**
   * How long a new connection may take to send its first whole request line: {@link
   * #FIRST_REQUEST_TIMEOUT}, or the idle time-out when that is shorter.
   */
  public Duration firstRequestTimeout() {
    return idleTimeout.compareTo(FIRST_REQUEST_TIMEOUT) < 0 ? idleTimeout : FIRST_REQUEST_TIMEOUT;
  }

  /**
   * {@code file} served with the defaults: loopback, a free port, 250 requests/s per connection
   * with bursts of 5, no random declines, 512 connections per address, 1024 connections, 120 s
   * idle time-out (10 s before the first request), seed 1, no dropped connections.
   */
  public static LineServerConfig defaults(LineFile file) {
    return new LineServerConfig(InetAddress.getLoopbackAddress(), 0, file,
        DEFAULT_RATE_PER_SECOND, DEFAULT_BURST, 0, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_IDLE_TIMEOUT, DEFAULT_SEED, 0);
  }

  /** This configuration listening on {@code value}. */
  public LineServerConfig withBindAddress(InetAddress value) {
    return with(copy -> copy.bindAddress = value);
  }

  /** This configuration on port {@code value}. */
  public LineServerConfig withPort(int value) {
    return with(copy -> copy.port = value);
  }

  /** This configuration serving {@code value}. */
  public LineServerConfig withFile(LineFile value) {
    return with(copy -> copy.file = value);
  }

  /** This configuration with another rate (tokens per second per connection). */
  public LineServerConfig withRatePerSecond(double value) {
    return with(copy -> copy.ratePerSecond = value);
  }

  /** This configuration with another bucket size. */
  public LineServerConfig withBurst(int value) {
    return with(copy -> copy.burst = value);
  }

  /** This configuration with another chance of random declines. */
  public LineServerConfig withDeclineProbability(double value) {
    return with(copy -> copy.declineProbability = value);
  }

  /** This configuration with another limit per remote address (0: none). */
  public LineServerConfig withMaxConnectionsPerAddress(int value) {
    return with(copy -> copy.maxConnectionsPerAddress = value);
  }

  /** This configuration with another limit of open connections. */
  public LineServerConfig withMaxConnections(int value) {
    return with(copy -> copy.maxConnections = value);
  }

  /** This configuration with another idle time-out. */
  public LineServerConfig withIdleTimeout(Duration value) {
    return with(copy -> copy.idleTimeout = value);
  }

  /** This configuration with another seed. */
  public LineServerConfig withSeed(long value) {
    return with(copy -> copy.seed = value);
  }

  /** This configuration dropping each connection after its {@code value}-th SENDLINE reply. */
  public LineServerConfig withDropConnectionEvery(int value) {
    return with(copy -> copy.dropConnectionEvery = value);
  }

  /**
   * This configuration with the fields {@code change} sets on a copy of it: the one place that
   * lists every field, so that each {@code with...} method names only the field it changes. The
   * new record is checked as any other.
   */
  private LineServerConfig with(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy of a configuration's fields, for {@link #with}. */
  private static final class Copy {
    InetAddress bindAddress;
    int port;
    LineFile file;
    double ratePerSecond;
    int burst;
    double declineProbability;
    int maxConnectionsPerAddress;
    int maxConnections;
    Duration idleTimeout;
    long seed;
    int dropConnectionEvery;

    Copy(LineServerConfig of) {
      bindAddress = of.bindAddress;
      port = of.port;
      file = of.file;
      ratePerSecond = of.ratePerSecond;
      burst = of.burst;
      declineProbability = of.declineProbability;
      maxConnectionsPerAddress = of.maxConnectionsPerAddress;
      maxConnections = of.maxConnections;
      idleTimeout = of.idleTimeout;
      seed = of.seed;
      dropConnectionEvery = of.dropConnectionEvery;
    }

    LineServerConfig build() {
      return new LineServerConfig(bindAddress, port, file, ratePerSecond, burst,
          declineProbability, maxConnectionsPerAddress, maxConnections, idleTimeout, seed,
          dropConnectionEvery);
    }
  }

  /** {@code value} without a useless ".0" or exponent (250, 2.5, 0.001), for messages. */
  public static String plain(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }
}
