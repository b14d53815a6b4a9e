package org.mpjbench.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The message sizes of the {@value BenchParameters#OSU} sweep, as {@code --sizes} gives them: a
 * comma-separated list of sizes in bytes and of ranges {@code FROM:TO}, a range standing for every
 * power of two from {@code FROM} to {@code TO} (with {@code FROM} itself, and {@code TO} when it
 * is not one). Sizes are 1 B to {@value #MAX_BYTES} B; the list is sorted and duplicates dropped.
 */
public final class MessageSizes {
  /** The largest size: 64 MiB (a window of 64 such messages is 4 GiB in flight already). */
  public static final int MAX_BYTES = 64 << 20;

  /** The default of {@code --sizes}: 1 B to 1 MiB in powers of two, OSU's range. */
  public static final String DEFAULT_TEXT = "1:1048576";

  /** {@link #DEFAULT_TEXT}'s sizes. */
  public static final List<Integer> DEFAULT = parse(DEFAULT_TEXT);

  private MessageSizes() {}

  /**
   * The sizes {@code text} stands for, ascending.
   *
   * @throws IllegalArgumentException naming {@code --sizes} for an empty list or element, a
   *     non-number, a size below 1 B or above {@value #MAX_BYTES} B, or a range that runs backward
   */
  public static List<Integer> parse(String text) {
    if (text == null || text.isBlank()) {
      throw bad("lists no size", text);
    }
    TreeSet<Integer> sizes = new TreeSet<>();
    for (String element : text.split(",", -1)) {
      String item = element.strip();
      int colon = item.indexOf(':');
      if (colon < 0) {
        sizes.add(size(item, text));
        continue;
      }
      int from = size(item.substring(0, colon), text);
      int to = size(item.substring(colon + 1), text);
      if (to < from) {
        throw bad("range " + item + " runs backward", text);
      }
      sizes.add(from);
      for (long power = Long.highestOneBit(from) << 1; power <= to; power <<= 1) {
        sizes.add((int) power);
      }
      sizes.add(to);
    }
    return List.copyOf(sizes);
  }

  /**
   * {@code sizes} checked: every one from 1 to {@value #MAX_BYTES}, ascending without duplicates.
   */
  static List<Integer> check(List<Integer> sizes) {
    List<Integer> checked = new ArrayList<>();
    for (Integer size : sizes) {
      if (size == null || size < 1 || size > MAX_BYTES) {
        throw new IllegalArgumentException("--sizes: every size must be 1 to " + MAX_BYTES
            + " bytes, got " + size);
      }
      if (!checked.isEmpty() && checked.get(checked.size() - 1) >= size) {
        throw new IllegalArgumentException("--sizes must ascend without duplicates, got "
            + sizes);
      }
      checked.add(size);
    }
    return List.copyOf(checked);
  }

  private static int size(String item, String text) {
    long value;
    try {
      value = Long.parseLong(item.strip());
    } catch (NumberFormatException e) {
      throw bad("'" + item.strip() + "' is not a size in bytes", text);
    }
    if (value < 1 || value > MAX_BYTES) {
      throw bad("a size must be 1 to " + MAX_BYTES + " bytes (64 MiB), not " + value, text);
    }
    return (int) value;
  }

  private static IllegalArgumentException bad(String why, String text) {
    return new IllegalArgumentException("--sizes: " + why + " (in '" + text
        + "'; give sizes in bytes and ranges FROM:TO of powers of two, e.g. 1,8,1024 or "
        + DEFAULT_TEXT + ")");
  }
}
