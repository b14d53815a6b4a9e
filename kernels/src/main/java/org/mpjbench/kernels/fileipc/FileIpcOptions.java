package org.mpjbench.kernels.fileipc;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Option;

/** The options of {@code mpjbench run file-ipc}, mixed into its subcommand in this order. */
public final class FileIpcOptions implements KernelOptions<FileIpcParameters> {
  private static final FileIpcParameters D = FileIpcParameters.DEFAULTS;

  @Option(names = "--lines", paramLabel = "N", description = "Records rank 0 writes"
      + " (default: ${DEFAULT-VALUE}).")
  int lines = D.lines();

  @Option(names = "--bytes", paramLabel = "B", description = "Size of one record, header and"
      + " checksum included; the MPI ping-pong sends as much (default: ${DEFAULT-VALUE}).")
  int recordBytes = D.recordBytes();

  @Option(names = "--mode", paramLabel = "MODE", description = "stream (the other ranks follow"
      + " the file) or ping-pong (rank 1 answers each record through a second file)"
      + " (default: ${DEFAULT-VALUE}).")
  String mode = D.mode();

  @Option(names = "--sync", description = "Force each record to the disk as well"
      + " (FileChannel.force).")
  boolean sync = D.sync();

  @Option(names = "--dir", paramLabel = "DIR", description = "An existing folder every rank"
      + " sees; the run creates its two files in it and removes only those (default: a new"
      + " folder under the results folder, removed afterwards).")
  String dir = D.dir();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for the file to"
      + " appear or for its next record before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  /**
   * The parameters (the number of ranks does not limit them). A {@code --dir} is made absolute
   * here, from the launcher's working folder: the ranks may run in another one.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public FileIpcParameters parameters(int ranks) {
    return new FileIpcParameters(lines, recordBytes, mode, sync, absoluteFolder(dir), timeoutMs);
  }

  private static String absoluteFolder(String dir) {
    if (dir == null || dir.isEmpty()) {
      return "";
    }
    Path folder;
    try {
      folder = Path.of(dir).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("--dir is not a path: " + dir);
    }
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("--dir must be an existing folder, got " + folder);
    }
    return folder.toString();
  }
}
