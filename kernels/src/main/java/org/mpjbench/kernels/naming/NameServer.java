package org.mpjbench.kernels.naming;

import java.util.HashMap;
import java.util.Map;

/**
 * The name server's logic without MPI: flat names in a table, names containing {@code '/'} in a
 * {@link DirectoryTree}. Not thread-safe (one server rank runs it).
 */
public final class NameServer {
  /** Registration accepted. */
  public static final int STATUS_OK = 0;
  /** Registration refused: the name is already bound. */
  public static final int STATUS_DUPLICATE = 1;
  /** Registration refused: empty component, or a path crossing an entry. */
  public static final int STATUS_MALFORMED = 2;

  /** Miss reason: no entry of that name. */
  public static final long MISS_NO_SUCH_NAME = 1;
  /** Miss reason: a directory on the path does not exist. */
  public static final long MISS_NO_SUCH_DIRECTORY = 2;
  /** Miss reason: the name is malformed (empty component). */
  public static final long MISS_MALFORMED = 3;

  /**
   * The answer to a resolution.
   *
   * @param found whether the name is bound
   * @param value the address if found, else the miss reason code
   */
  public record Resolution(boolean found, long value) {
    /** A hit. */
    public static Resolution found(long address) {
      return new Resolution(true, address);
    }

    /** A miss with a reason code. */
    public static Resolution miss(long reason) {
      return new Resolution(false, reason);
    }
  }

  private final Map<String, Long> flat = new HashMap<>();
  private final DirectoryTree tree = new DirectoryTree();

  /** Registers {@code name} at {@code address}; returns a status code. */
  public int register(String name, long address) {
    if (name.contains("/")) {
      return tree.bind(name, address);
    }
    if (name.isEmpty()) {
      return STATUS_MALFORMED;
    }
    return flat.putIfAbsent(name, address) == null ? STATUS_OK : STATUS_DUPLICATE;
  }

  /** Resolves {@code name}. */
  public Resolution resolve(String name) {
    if (name.contains("/")) {
      return tree.resolve(name);
    }
    if (name.isEmpty()) {
      return Resolution.miss(MISS_MALFORMED);
    }
    Long address = flat.get(name);
    return address == null ? Resolution.miss(MISS_NO_SUCH_NAME) : Resolution.found(address);
  }

  /** Names registered (flat and hierarchical). */
  public int size() {
    return flat.size() + tree.size();
  }
}
