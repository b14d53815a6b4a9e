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

  private MulticastCheck() {}

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
      for (int position = 0; position < order.length; position++) {
        long id = order[position];
        if (id < 0 || id >= messages) {
          return PropertyCheck.violated(property, String.format(Locale.ROOT,
              "rank %d delivered an unknown message id %d at position %d", rank, id, position));
        }
        if (seen[(int) id]) {
          return PropertyCheck.violated(property, String.format(Locale.ROOT,
              "rank %d delivered message %d twice (again at position %d)", rank, id, position));
        }
        seen[(int) id] = true;
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
}
