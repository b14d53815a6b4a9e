package org.mpjbench.kernels.lamport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * The checkers of a gathered trace, pure functions of the events (in any order).
 *
 * <ul>
 *   <li>{@link #checkStamps}: Lamport's clock condition on the trace's direct edges: every message
 *       was sent once and received once, its send stamped below its receive, and stamps increase
 *       along each rank's events (with transitivity, a happened before b implies L(a) &lt; L(b)).
 *   <li>{@link #checkVectors}: vector clocks characterize causality: for every ordered pair of
 *       events, V(a) &lt; V(b) exactly when a happened before b. Happened-before is computed from
 *       the trace alone (program order per rank plus send-to-receive edges, closed transitively by
 *       a search from every event), never from the stamps. O(n²) time, O(n) memory.
 * </ul>
 */
public final class LamportCheck {
  /** The Lamport property, as the summary prints it. */
  public static final String STAMPS_PROPERTY = "every message's send is stamped below its receive";
  /** The vector property, as the summary prints it. */
  public static final String VECTORS_PROPERTY = "V(a) < V(b) iff a happened before b";

  private LamportCheck() {}

  /** Checks the Lamport stamps of {@code events}. */
  public static PropertyCheck checkStamps(List<LamportEvent> events) {
    Map<Long, LamportEvent> sends = new HashMap<>();
    Map<Long, LamportEvent> receives = new HashMap<>();
    for (LamportEvent event : events) {
      Map<Long, LamportEvent> side = switch (event.type()) {
        case SEND -> sends;
        case RECEIVE -> receives;
        case LOCAL -> null;
      };
      if (side != null && side.put(event.messageId(), event) != null) {
        return PropertyCheck.violated(STAMPS_PROPERTY, "message " + event.messageId() + " has two "
            + event.type().name().toLowerCase(java.util.Locale.ROOT) + " events");
      }
    }
    for (Map.Entry<Long, LamportEvent> entry : sends.entrySet()) {
      LamportEvent send = entry.getValue();
      LamportEvent receive = receives.get(entry.getKey());
      if (receive == null) {
        return PropertyCheck.violated(STAMPS_PROPERTY, "message " + entry.getKey()
            + " was sent (" + send + ") but never received");
      }
      if (send.lamport() >= receive.lamport()) {
        return PropertyCheck.violated(STAMPS_PROPERTY, "message " + entry.getKey() + ": send "
            + send.lamport() + " is not below receive " + receive.lamport() + " (" + send + " -> "
            + receive + ")");
      }
    }
    for (Long id : receives.keySet()) {
      if (!sends.containsKey(id)) {
        return PropertyCheck.violated(STAMPS_PROPERTY, "message " + id
            + " was received but never sent");
      }
    }
    for (List<LamportEvent> line : byRank(events).values()) {
      for (int i = 1; i < line.size(); i++) {
        if (line.get(i).lamport() <= line.get(i - 1).lamport()) {
          return PropertyCheck.violated(STAMPS_PROPERTY, "stamps do not increase along rank "
              + line.get(i).rank() + ": " + line.get(i - 1) + " then " + line.get(i));
        }
      }
    }
    String messages = sends.isEmpty()
        ? "no messages (one rank: local events only), so no send to compare"
        : sends.size() + " messages, each send below its receive";
    return PropertyCheck.held(STAMPS_PROPERTY, messages + "; " + events.size()
        + " events, stamps increasing along every rank");
  }

  /** Checks the vector stamps of {@code events} on {@code ranks} ranks against happened-before. */
  public static PropertyCheck checkVectors(List<LamportEvent> events, int ranks) {
    int n = events.size();
    for (LamportEvent event : events) {
      if (event.vector() == null || event.vector().length != ranks) {
        return PropertyCheck.violated(VECTORS_PROPERTY, event + " has no vector of length "
            + ranks);
      }
    }
    int[][] successors = successors(events);
    if (successors == null) {
      return PropertyCheck.violated(VECTORS_PROPERTY, "the trace's messages do not pair up");
    }
    BitSet reached = new BitSet(n);
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    long ordered = 0;
    for (int a = 0; a < n; a++) {
      reached.clear();
      stack.push(a);
      while (!stack.isEmpty()) {
        for (int next : successors[stack.pop()]) {
          if (!reached.get(next)) {
            reached.set(next);
            stack.push(next);
          }
        }
      }
      if (reached.get(a)) {
        return PropertyCheck.violated(VECTORS_PROPERTY, "the trace has a cycle through "
            + events.get(a));
      }
      long[] va = events.get(a).vector();
      for (int b = 0; b < n; b++) {
        if (b == a) {
          continue;
        }
        boolean happenedBefore = reached.get(b);
        boolean vectorBelow = less(va, events.get(b).vector());
        if (happenedBefore != vectorBelow) {
          return PropertyCheck.violated(VECTORS_PROPERTY, (happenedBefore
              ? events.get(a) + " happened before " + events.get(b) + " but its vector is not below"
              : "V(" + events.get(a) + ") < V(" + events.get(b)
                  + ") but it did not happen before"));
        }
        ordered += happenedBefore ? 1 : 0;
      }
    }
    long pairs = (long) n * (n - 1) / 2;
    return PropertyCheck.held(VECTORS_PROPERTY, n + " events: " + ordered + " of " + pairs
        + " pairs causally ordered, " + (pairs - ordered) + " concurrent, all as the vectors say");
  }

  /** Both checks' verdicts as one: holds when all hold, the first violation's detail first. */
  public static PropertyCheck combine(List<PropertyCheck> checks) {
    String property = checks.stream().map(PropertyCheck::property)
        .collect(Collectors.joining(" and "));
    List<PropertyCheck> failed = checks.stream().filter(c -> !c.holds()).toList();
    List<PropertyCheck> shown = failed.isEmpty() ? checks : failed;
    String detail = shown.stream().map(PropertyCheck::detail).collect(Collectors.joining("; "));
    return new PropertyCheck(property, failed.isEmpty(), detail);
  }

  /** V(a) &lt; V(b): every component at most, one strictly less. */
  static boolean less(long[] a, long[] b) {
    boolean strictly = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
      strictly |= a[i] < b[i];
    }
    return strictly;
  }

  private static Map<Integer, List<LamportEvent>> byRank(List<LamportEvent> events) {
    Map<Integer, List<LamportEvent>> lines = new HashMap<>();
    for (LamportEvent event : events) {
      lines.computeIfAbsent(event.rank(), r -> new ArrayList<>()).add(event);
    }
    lines.values().forEach(l -> l.sort(Comparator.comparingLong(LamportEvent::sequence)));
    return lines;
  }

  /**
   * The direct happened-before edges, as successor lists by index in {@code events}: each event to
   * the next of its rank, each send to its receive. Null when a send or receive has no partner.
   */
  private static int[][] successors(List<LamportEvent> events) {
    int n = events.size();
    Map<LamportEvent, Integer> index = new java.util.IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(events.get(i), i);
    }
    int[] next = new int[n];
    java.util.Arrays.fill(next, -1);
    for (List<LamportEvent> line : byRank(events).values()) {
      for (int i = 1; i < line.size(); i++) {
        next[index.get(line.get(i - 1))] = index.get(line.get(i));
      }
    }
    Map<Long, Integer> sendOf = new HashMap<>();
    Map<Long, Integer> receiveOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      LamportEvent event = events.get(i);
      if (event.type() == LamportEvent.Type.SEND) {
        sendOf.put(event.messageId(), i);
      } else if (event.type() == LamportEvent.Type.RECEIVE) {
        receiveOf.put(event.messageId(), i);
      }
    }
    if (!sendOf.keySet().equals(receiveOf.keySet())) {
      return null;
    }
    int[][] successors = new int[n][];
    for (int i = 0; i < n; i++) {
      LamportEvent event = events.get(i);
      int message = event.type() == LamportEvent.Type.SEND
          ? receiveOf.get(event.messageId()) : -1;
      successors[i] = next[i] < 0 && message < 0 ? new int[0]
          : next[i] < 0 ? new int[] {message}
          : message < 0 ? new int[] {next[i]} : new int[] {next[i], message};
    }
    return successors;
  }
}
