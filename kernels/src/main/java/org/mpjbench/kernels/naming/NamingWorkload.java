package org.mpjbench.kernels.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded names every rank registers and the lookups every rank makes, with their true answers,
 * so that every rank (and the checker on rank 0) computes the same ground truth from the seed.
 * Names of rank {@code r} at index {@code i}: even indexes flat ({@code "printer-r-i"}), odd ones
 * hierarchical ({@code "eu/node-r/sqrt-i"}), bound to address {@code (r << 32) | i}. Unknown names
 * are {@code "ghost-r-j"} (miss: no such name) and {@code "mars/node-r/ghost-j"} (miss: no such
 * directory; no region is called mars).
 */
public final class NamingWorkload {
  private static final String[] KINDS = {"printer", "disk", "scanner", "queue", "db"};
  private static final String[] REGIONS = {"eu", "us", "asia"};
  private static final String[] SERVICES = {"sqrt", "time", "files", "mail"};

  /**
   * One lookup and its true answer.
   *
   * @param name the name looked up
   * @param expected the answer the server must give
   */
  public record Lookup(String name, NameServer.Resolution expected) {}

  private final long seed;
  private final int size;
  private final int names;
  private final int lookups;
  private final double missRatio;

  /** The workload of a run with {@code size} ranks. */
  public NamingWorkload(long seed, int size, int names, int lookups, double missRatio) {
    this.seed = seed;
    this.size = size;
    this.names = names;
    this.lookups = lookups;
    this.missRatio = missRatio;
  }

  /** The ranks that register and look up: 1..K-1, or rank 0 alone with one rank. */
  public List<Integer> clients() {
    List<Integer> clients = new ArrayList<>();
    for (int rank = size == 1 ? 0 : 1; rank < size; rank++) {
      clients.add(rank);
    }
    return clients;
  }

  /** The address of name {@code index} of {@code rank}. */
  public static long address(int rank, int index) {
    return ((long) rank << 32) | index;
  }

  /** Name {@code index} of {@code rank}. */
  public String name(int rank, int index) {
    SplittableRandom random = new SplittableRandom(mix(rank, index));
    if (index % 2 == 0) {
      return KINDS[random.nextInt(KINDS.length)] + "-" + rank + "-" + index;
    }
    return REGIONS[random.nextInt(REGIONS.length)] + "/node-" + rank + "/"
        + SERVICES[random.nextInt(SERVICES.length)] + "-" + index;
  }

  /** The lookups {@code rank} makes, in order, with their true answers. */
  public List<Lookup> lookups(int rank) {
    List<Integer> owners = clients();
    SplittableRandom random = new SplittableRandom(mix(rank, -1));
    List<Lookup> list = new ArrayList<>(lookups);
    for (int j = 0; j < lookups; j++) {
      if (random.nextDouble() < missRatio) {
        list.add(j % 2 == 0
            ? new Lookup("ghost-" + rank + "-" + j,
                NameServer.Resolution.miss(NameServer.MISS_NO_SUCH_NAME))
            : new Lookup("mars/node-" + rank + "/ghost-" + j,
                NameServer.Resolution.miss(NameServer.MISS_NO_SUCH_DIRECTORY)));
      } else {
        int owner = owners.get(random.nextInt(owners.size()));
        int index = random.nextInt(names);
        list.add(new Lookup(name(owner, index),
            NameServer.Resolution.found(address(owner, index))));
      }
    }
    return list;
  }

  private long mix(int rank, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + rank * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }
}
