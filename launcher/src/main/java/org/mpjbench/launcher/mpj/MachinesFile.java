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
 * The hosts of a niodev run, one entry per MPJ slot: a host listed twice gets two slots, as in
 * MPJ. {@link #read} takes the host lists that schedulers give a batch job, line by line, and
 * the formats may be mixed in one file:
 *
 * <ul>
 *   <li>MPJ Express's own machines file: one host name or address per line;
 *   <li>PBS/Torque's {@code $PBS_NODEFILE}: the same, a host repeated once per slot;
 *   <li>SGE's {@code $PE_HOSTFILE}: {@code host slots queue processors}, e.g.
 *       {@code node01 4 all.q@node01 UNDEFINED}, read as the host {@code slots} times (1 to
 *       {@value HostListSyntax#MAX_SLOTS});
 *   <li>Slurm's compressed host lists, as in {@code $SLURM_JOB_NODELIST}: e.g.
 *       {@code node[01-03,07],gpu[1-2],login}, expanded in order with the zero padding kept.
 * </ul>
 *
 * <p>Blank lines and {@code #} comments are skipped (MPJ accepts neither), a file gives at most
 * {@value HostListSyntax#MAX_HOSTS} hosts, and every host must be a well-formed name or address
 * ({@link HostName#problem}). MPJ gets a clean copy, one host per line ({@link #writeForMpj}).
 * {@link HostListSyntax} has the details of each syntax.
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

  /**
   * Reads and checks a machines file in any of the formats above, expanding each line to its
   * hosts.
   *
   * @throws IllegalArgumentException one line naming the file and the line at fault, what the
   *     line is not and why
   */
  public static MachinesFile read(Path file) {
    List<String> hosts = new ArrayList<>();
    List<String> lines = text(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (isHostLine(line)) {
        try {
          hosts.addAll(HostListSyntax.hosts(line, HostListSyntax.MAX_HOSTS - hosts.size()));
        } catch (HostListSyntax.BadLine e) {
          throw new IllegalArgumentException("machines file " + file + ", line " + (i + 1)
              + ": '" + abbreviate(line) + "' is not " + e.getMessage());
        }
      }
    }
    return new MachinesFile(file, hosts);
  }

  /** False for the lines that list nothing: blank ones and {@code #} comments. */
  private static boolean isHostLine(String strippedLine) {
    return !strippedLine.isEmpty() && !strippedLine.startsWith("#");
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

  /**
   * ", line N" of the first line of {@link #source} giving {@code host} (itself, as an SGE line,
   * or in a Slurm list), or "" if unknown.
   */
  private String lineOf(String host) {
    try {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (isHostLine(line)
            && HostListSyntax.hosts(line, HostListSyntax.MAX_HOSTS).contains(host)) {
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
    return HostListSyntax.abbreviate(text);
  }
}
