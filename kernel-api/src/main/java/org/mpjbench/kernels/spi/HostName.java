package org.mpjbench.kernels.spi;

import java.util.regex.Pattern;

/**
 * Checks the shape of a host name or IP address as a user gives it (a machines file line,
 * {@code --control-host}, {@code --server}), without any name look-up, so that a typo fails at
 * once with its reason instead of stalling on DNS or failing later inside MPJ.
 */
public final class HostName {
  /** The longest DNS name (RFC 1035), without the final dot. */
  public static final int MAX_LENGTH = 253;

  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
  private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?");

  private HostName() {}

  /** Null when {@code text} is a well-formed host name, IPv4 or IPv6 address; else why not. */
  public static String problem(String text) {
    if (text.isEmpty()) {
      return "it is empty";
    }
    if (text.codePoints().anyMatch(Character::isWhitespace)) {
      return "it holds a space (one host name or address, nothing else)";
    }
    if (text.codePoints().anyMatch(Character::isISOControl)) {
      return "it holds a control character";
    }
    if (text.length() > MAX_LENGTH) {
      return "it is longer than " + MAX_LENGTH + " characters";
    }
    if (text.startsWith("-")) {
      return "it starts with '-'";
    }
    if (text.contains(":")) {
      return IPV6.matcher(text).matches() && ipv6(text) ? null : "it is not an IPv6 address";
    }
    if (DOTTED_NUMBERS.matcher(text).matches()) {
      return ipv4(text) ? null : "it is not an IPv4 address (four numbers from 0 to 255)";
    }
    for (String label : text.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return "it is not a host name (letters, digits, '-' and '_' between dots, at most 63"
            + " between two dots)";
      }
    }
    return null;
  }

  /** Throws when the value of {@code option} is not a well-formed host; the message says why. */
  public static void require(String option, String text) {
    String problem = problem(text);
    if (problem != null) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not a host name or address: " + problem);
    }
  }

  private static boolean ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean ipv6(String text) {
    // In brackets, Java parses an IPv6 literal or fails: it never falls back to a name look-up.
    try {
      java.net.InetAddress.getByName("[" + text + "]");
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
