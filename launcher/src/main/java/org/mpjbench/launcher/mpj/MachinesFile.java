package org.mpjbench.launcher.mpj;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The hosts of a niodev run, one per line as MPJ Express reads them. We accept blank lines and
 * {@code #} comments (MPJ does not) and hand MPJ a clean copy.
 *
 * @param source where the hosts were read from (null when made in code)
 * @param hosts the host names or addresses, in order
 */
public record MachinesFile(Path source, List<String> hosts) {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9:][A-Za-z0-9._:-]{0,252}");

  /** Validates the host list. */
  public MachinesFile {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException(
          "machines file " + (source == null ? "" : source + " ") + "lists no host");
    }
  }

  /** Just this machine: what a niodev run uses without {@code --machines}. */
  public static MachinesFile localhost() {
    return new MachinesFile(null, List.of("localhost"));
  }

  /** Reads and checks a machines file; the message names the file and line at fault. */
  public static MachinesFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("machines file " + file + " does not exist");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "machines file " + file + " cannot be read: " + e.getMessage());
    }
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!HOST.matcher(line).matches()) {
        throw new IllegalArgumentException(
            "machines file " + file + ", line " + (i + 1) + ": '" + abbreviate(line)
                + "' is not a host name or address");
      }
      hosts.add(line);
    }
    return new MachinesFile(file, hosts);
  }

  /** Writes the hosts in MPJ's format (one per line, nothing else). */
  public void writeForMpj(Path file) throws IOException {
    Files.write(file, hosts, StandardCharsets.UTF_8);
  }

  /** True when every host is this machine (loopback, its name, or one of its addresses). */
  public boolean allLocal() {
    return hosts.stream().allMatch(MachinesFile::isLocal);
  }

  /** The distinct hosts, in order of first appearance. */
  public List<String> distinctHosts() {
    return hosts.stream().distinct().toList();
  }

  /** Whether {@code host} names this machine. */
  public static boolean isLocal(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      InetAddress address = InetAddress.getByName(host);
      return address.isLoopbackAddress()
          || address.isAnyLocalAddress()
          || NetworkInterface.getByInetAddress(address) != null;
    } catch (UnknownHostException | SocketException e) {
      return false;
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
