package org.mpjbench.kernels.naming;

import java.util.HashMap;
import java.util.Map;

/**
 * Hierarchical names ({@code region/server/service}) resolved through a tree of directories: every
 * component but the last names a directory, the last an entry bound to an address. Binding creates
 * the missing directories. Pure and not thread-safe.
 */
public final class DirectoryTree {
  private final Directory root = new Directory();
  private int entries;

  private static final class Directory {
    final Map<String, Directory> directories = new HashMap<>();
    final Map<String, Long> entries = new HashMap<>();
  }

  /** Splits {@code name} into components; null if a component is empty (malformed). */
  static String[] components(String name) {
    String[] parts = name.split("/", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        return null;
      }
    }
    return parts;
  }

  /** Binds {@code name} to {@code address}; returns a {@link NameServer} status code. */
  public int bind(String name, long address) {
    String[] parts = components(name);
    if (parts == null || parts.length < 2) {
      return NameServer.STATUS_MALFORMED;
    }
    Directory directory = root;
    for (int i = 0; i < parts.length - 1; i++) {
      if (directory.entries.containsKey(parts[i])) {
        return NameServer.STATUS_MALFORMED; // an entry cannot also be a directory
      }
      directory = directory.directories.computeIfAbsent(parts[i], k -> new Directory());
    }
    String leaf = parts[parts.length - 1];
    if (directory.directories.containsKey(leaf)) {
      return NameServer.STATUS_MALFORMED;
    }
    if (directory.entries.putIfAbsent(leaf, address) != null) {
      return NameServer.STATUS_DUPLICATE;
    }
    entries++;
    return NameServer.STATUS_OK;
  }

  /** Resolves {@code name} by walking the directories. */
  public NameServer.Resolution resolve(String name) {
    String[] parts = components(name);
    if (parts == null || parts.length < 2) {
      return NameServer.Resolution.miss(NameServer.MISS_MALFORMED);
    }
    Directory directory = root;
    for (int i = 0; i < parts.length - 1; i++) {
      directory = directory.directories.get(parts[i]);
      if (directory == null) {
        return NameServer.Resolution.miss(NameServer.MISS_NO_SUCH_DIRECTORY);
      }
    }
    Long address = directory.entries.get(parts[parts.length - 1]);
    return address == null ? NameServer.Resolution.miss(NameServer.MISS_NO_SUCH_NAME)
        : NameServer.Resolution.found(address);
  }

  /** Entries bound so far. */
  public int size() {
    return entries;
  }
}
