package org.mpjbench.kernels.multicast;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * The checker of a multicast run: every member delivered every message id {@code 0..messages-1}
 * exactly once; under total order, every member delivered them in the same order as rank 0.
 */
public final class MulticastCheck {
  /** The property without total order. */
  public static final String PROPERTY = "every member delivers every message exactly once";
  /** The property with total order. */
  public static final String PROPERTY_TOTAL =
      "every member delivers every message exactly once, all in the same order";

  /** The property of plain UDP multicast, which may lose, duplicate and reorder. */
  public static final String PROPERTY_UDP = "no corrupted or foreign datagram delivered, every"
      + " delivered sequence number valid and delivered once, losses reported";
  /** The property of reliable UDP multicast. */
  public static final String PROPERTY_RELIABLE =
      "every member delivers every message exactly once, in sequence order";

  private MulticastCheck() {}

  /**
   * Checks plain UDP: every delivered number is in range and delivered once by its member (the
   * decoder has dropped corrupted and foreign datagrams before), rank 0 delivered everything, and
   * each member's reported loss is exactly what it did not deliver, so the figures are honest.
   *
   * @param lostPerRank each rank's reported first-pass loss, in rank order
   */
  public static PropertyCheck checkUdp(int messages, List<long[]> deliveryOrders,
      long[] lostPerRank) {
    long lost = 0;
    for (int rank = 0; rank < deliveryOrders.size(); rank++) {
      long[] order = deliveryOrders.get(rank);
      boolean[] seen = new boolean[messages];
      String wrong = markDelivered(order, seen, rank, "an invalid sequence number");
      if (wrong != null) {
        return PropertyCheck.violated(PROPERTY_UDP, wrong);
      }
      if (rank == 0 && order.length != messages) {
        return PropertyCheck.violated(PROPERTY_UDP, String.format(Locale.ROOT,
            "rank 0, the sender, delivered %d of its %d messages", order.length, messages));
      }
      if (order.length + lostPerRank[rank] != messages) {
        return PropertyCheck.violated(PROPERTY_UDP, String.format(Locale.ROOT,
            "rank %d delivered %d and reports %d lost, not %d in all", rank, order.length,
            lostPerRank[rank], messages));
      }
      lost += lostPerRank[rank];
    }
    return PropertyCheck.held(PROPERTY_UDP, String.format(Locale.ROOT,
        "%d member(s) besides rank 0 delivered %d of %d messages, %d lost",
        deliveryOrders.size() - 1, (long) messages * (deliveryOrders.size() - 1) - lost,
        (long) messages * (deliveryOrders.size() - 1), lost));
  }

  /** Checks reliable UDP: every rank delivered exactly {@code 0..messages-1}, in that order. */
  public static PropertyCheck checkReliable(int messages, List<long[]> deliveryOrders) {
    for (int rank = 0; rank < deliveryOrders.size(); rank++) {
      long[] order = deliveryOrders.get(rank);
      for (int position = 0; position < order.length; position++) {
        if (order[position] != position) {
          return PropertyCheck.violated(PROPERTY_RELIABLE, String.format(Locale.ROOT,
              "rank %d delivered message %d at position %d", rank, order[position], position));
        }
      }
      if (order.length != messages) {
        return PropertyCheck.violated(PROPERTY_RELIABLE, String.format(Locale.ROOT,
            "rank %d delivered %d of %d messages", rank, order.length, messages));
      }
    }
    return PropertyCheck.held(PROPERTY_RELIABLE, String.format(Locale.ROOT,
        "%d member(s) each delivered all %d messages once, in order", deliveryOrders.size(),
        messages));
  }

  /**
   * Checks the delivery orders, one per rank in rank order (the message ids in the order that rank
   * delivered them).
   */
  public static PropertyCheck check(int messages, List<long[]> deliveryOrders,
      boolean totalOrder) {
    String property = totalOrder ? PROPERTY_TOTAL : PROPERTY;
    for (int rank = 0; rank < deliveryOrders.size(); rank++) {
      long[] order = deliveryOrders.get(rank);
      boolean[] seen = new boolean[messages];
      String wrong = markDelivered(order, seen, rank, "an unknown message id");
      if (wrong != null) {
        return PropertyCheck.violated(property, wrong);
      }
      for (int id = 0; id < messages; id++) {
        if (!seen[id]) {
          return PropertyCheck.violated(property, String.format(Locale.ROOT,
              "rank %d never delivered message %d (%d of %d delivered)", rank, id,
              order.length, messages));
        }
      }
    }
    if (totalOrder) {
      long[] reference = deliveryOrders.get(0);
      for (int rank = 1; rank < deliveryOrders.size(); rank++) {
        long[] order = deliveryOrders.get(rank);
        int mismatch = Arrays.mismatch(reference, order);
        if (mismatch >= 0) {
          return PropertyCheck.violated(property, String.format(Locale.ROOT,
              "rank %d delivered message %d at position %d where rank 0 delivered message %d",
              rank, order[mismatch], mismatch, reference[mismatch]));
        }
      }
    }
    return PropertyCheck.held(property, String.format(Locale.ROOT,
        "%d member(s) each delivered all %d messages once%s", deliveryOrders.size(), messages,
        totalOrder ? ", in one order" : ""));
  }

  /**
   * Marks in {@code seen} (one flag per message id) each id of one rank's delivery order; returns
   * what is wrong with the order, an id out of range ({@code outOfRange} says what it is called)
   * or an id delivered twice, or null if nothing is.
   */
  private static String markDelivered(long[] order, boolean[] seen, int rank,
      String outOfRange) {
    for (int position = 0; position < order.length; position++) {
      long id = order[position];
      if (id < 0 || id >= seen.length) {
        return String.format(Locale.ROOT, "rank %d delivered %s %d at position %d", rank,
            outOfRange, id, position);
      }
      if (seen[(int) id]) {
        return String.format(Locale.ROOT,
            "rank %d delivered message %d twice (again at position %d)", rank, id, position);
      }
      seen[(int) id] = true;
    }
    return null;
  }
}
