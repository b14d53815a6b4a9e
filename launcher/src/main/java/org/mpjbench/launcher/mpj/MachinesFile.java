package org.mpjbench.launcher.mpj;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpjbench.kernels.spi.HostName;

/**
 * The hosts of a niodev run, one per line as MPJ Express reads them. We accept blank lines and
 * {@code #} comments (MPJ does not) and hand MPJ a clean copy.
 *
 * @param source where the hosts were read from (null when made in code)
 * @param hosts the host names or addresses, in order
 */
public record MachinesFile(Path source, List<String> hosts) {
  /** The largest machines file read: it lists hosts, one a line. */
  private static final int MAX_BYTES = 1 << 20;

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
    List<String> hosts = new ArrayList<>();
    List<String> lines = text(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String problem = HostName.problem(line);
      if (problem != null) {
        throw new IllegalArgumentException(
            "machines file " + file + ", line " + (i + 1) + ": '" + abbreviate(line)
                + "' is not a host name or address: " + problem);
      }
      hosts.add(line);
    }
    return new MachinesFile(file, hosts);
  }

  /** The file as text, or an exception saying why it is not a machines file. */
  private static String text(Path file) {
    String name = "machines file " + file;
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(name + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(name + " is a folder, not a file");
    }
    if (!Files.isRegularFile(file)) {
      // A pipe or a device could block the read, or never end.
      throw new IllegalArgumentException(name + " is not a regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new IllegalArgumentException(name + " cannot be read ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(name + " is larger than " + MAX_BYTES / 1024
          + " KiB: not a list of hosts");
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new IllegalArgumentException(name + " is binary (it holds NUL bytes), not a list"
            + " of hosts");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(name + " is not UTF-8 text, not a list of hosts");
    }
  }

  /**
   * Resolves every host, so that a misspelt one is named (with its line) before anything starts,
   * not found later as an "unresolved address" of no name.
   *
   * @throws IllegalArgumentException naming the file, the line and the host that does not resolve
   */
  public void checkResolvable() {
    for (String host : distinctHosts()) {
      try {
        InetAddress.getByName(host);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException((source == null ? "" : "machines file " + source
            + lineOf(host) + ": ") + "host '" + abbreviate(host) + "' cannot be resolved (unknown"
            + " host; fix the name, or add it to /etc/hosts or DNS)");
      }
    }
  }

  /** ", line N" of the first line of {@link #source} naming {@code host}, or "" if unknown. */
  private String lineOf(String host) {
    try {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().equals(host)) {
          return ", line " + (i + 1);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The file changed or vanished since it was read: the host name alone still says it.
    }
    return "";
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

  /** At most 60 characters, control characters escaped: the message stays one printable line. */
  private static String abbreviate(String text) {
    StringBuilder shown = new StringBuilder();
    text.codePoints().forEach(c -> shown.append(Character.isISOControl(c)
        ? String.format(java.util.Locale.ROOT, "\\u%04x", c) : Character.toString(c)));
    return shown.length() <= 60 ? shown.toString() : shown.substring(0, 57) + "...";
  }
}
