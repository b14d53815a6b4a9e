package org.mpjbench.kernels.multicast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.multicast.SequenceTracker.Arrival;

/** The UDP transport's pure parts: accounting, datagram layout, repair logic, checks, options. */
class MulticastUdpTest {
  private static final MulticastParameters D = MulticastParameters.DEFAULTS;

  @Test
  void trackerCountsLossesDuplicatesAndReorders() {
    SequenceTracker tracker = new SequenceTracker(6);
    assertEquals(Arrival.NEW, tracker.arrive(0));
    assertEquals(Arrival.NEW, tracker.arrive(2));
    assertEquals(Arrival.REORDERED, tracker.arrive(1));
    assertEquals(Arrival.DUPLICATE, tracker.arrive(2));
    assertEquals(Arrival.DUPLICATE, tracker.arrive(0));
    assertEquals(Arrival.NEW, tracker.arrive(5));
    assertEquals(Arrival.INVALID, tracker.arrive(6));
    assertEquals(Arrival.INVALID, tracker.arrive(-1));
    assertEquals(4, tracker.distinct());
    assertEquals(2, tracker.lost(), "3 and 4 never came");
    assertEquals(2, tracker.duplicates());
    assertEquals(1, tracker.reordered());
    assertEquals(2, tracker.invalid());
    assertFalse(tracker.complete());
    assertArrayEquals(new long[] {(1L << 3) | (1L << 4)}, tracker.missingBitmap());
    assertEquals(Arrival.REORDERED, tracker.arrive(3));
    assertEquals(Arrival.REORDERED, tracker.arrive(4));
    assertTrue(tracker.complete());
    assertEquals(0, tracker.lost());
  }

  @Test
  void aDuplicateOfAnEarlyNumberIsNotAReorder() {
    SequenceTracker tracker = new SequenceTracker(3);
    tracker.arrive(0);
    tracker.arrive(1);
    tracker.arrive(0);
    tracker.arrive(2);
    assertEquals(0, tracker.reordered());
    assertEquals(1, tracker.duplicates());
  }

  @Test
  void repairTakesTheUnionOfTheMembersBitmapsAcrossWords() {
    int messages = 130;
    int words = RepairPlan.words(messages);
    assertEquals(3, words);
    SequenceTracker a = new SequenceTracker(messages);
    SequenceTracker b = new SequenceTracker(messages);
    for (int i = 0; i < messages; i++) {
      if (i != 5 && i != 129) {
        a.arrive(i);
      }
      if (i != 5 && i != 64) {
        b.arrive(i);
      }
    }
    long[] gathered = new long[3 * words];
    System.arraycopy(a.missingBitmap(), 0, gathered, words, words);
    System.arraycopy(b.missingBitmap(), 0, gathered, 2 * words, words);
    long[] union = RepairPlan.union(gathered, words, 3);
    assertEquals(3, RepairPlan.count(union));
    assertArrayEquals(new int[] {5, 64, 129}, RepairPlan.ids(union, messages));
    assertArrayEquals(new int[] {5, 129},
        RepairPlan.ids(RepairPlan.of(gathered, words, 1), messages));
    assertArrayEquals(new int[0], RepairPlan.ids(RepairPlan.of(gathered, words, 0), messages));
    assertThrows(IllegalArgumentException.class, () -> RepairPlan.union(new long[4], words, 3));
  }

  @Test
  void repairRepeatsByMulticastThenByMpi() {
    assertTrue(RepairPlan.byMulticast(0, 3));
    assertTrue(RepairPlan.byMulticast(2, 3));
    assertFalse(RepairPlan.byMulticast(3, 3));
    assertFalse(RepairPlan.byMulticast(0, 0), "--repair-rounds 0: straight to MPI");
  }

  @Test
  void aRepairedMemberEndsCompleteAndInOrder() {
    // A member that lost 1 and 3 holds 2 and 4 back, then delivers 1..4 once repaired.
    SequenceTracker tracker = new SequenceTracker(5);
    for (long s : new long[] {0, 2, 4}) {
      tracker.arrive(s);
    }
    int[] missing = RepairPlan.ids(tracker.missingBitmap(), 5);
    assertArrayEquals(new int[] {1, 3}, missing);
    for (int s : missing) {
      assertEquals(Arrival.REORDERED, tracker.arrive(s));
    }
    assertTrue(tracker.complete());
    assertEquals(0, RepairPlan.count(tracker.missingBitmap()));
  }

  @Test
  void datagramsRoundTripAndGarbageIsRefused() {
    int payload = 3;
    int size = UdpDatagram.size(payload);
    assertEquals(UdpDatagram.HEADER_BYTES + 24 + UdpDatagram.TRAILER_BYTES, size);
    byte[] buffer = new byte[size + 1];
    UdpDatagram.encode(buffer, 77L, 12, 999L, payload);
    assertEquals(new UdpDatagram.Decoded(12, 999L), UdpDatagram.decode(buffer, size, 77L,
        payload));
    assertNull(UdpDatagram.decode(buffer, size, 78L, payload), "foreign run");
    assertNull(UdpDatagram.decode(buffer, size - 1, 77L, payload), "short");
    assertNull(UdpDatagram.decode(buffer, size + 1, 77L, payload), "long");
    assertNull(UdpDatagram.decode(buffer, size, 77L, payload + 1), "other size");
    buffer[UdpDatagram.HEADER_BYTES + 5] ^= 1;
    assertNull(UdpDatagram.decode(buffer, size, 77L, payload), "corrupted payload");
    buffer[UdpDatagram.HEADER_BYTES + 5] ^= 1;
    buffer[size - 1] ^= 1;
    assertNull(UdpDatagram.decode(buffer, size, 77L, payload), "corrupted CRC");
    assertNull(UdpDatagram.decode(new byte[size], size, 0L, payload), "zeros");
  }

  @Test
  void plainUdpCheckAcceptsLossesButNotDoubleOrInvalidDeliveries() {
    long[] all = {0, 1, 2, 3};
    PropertyCheck lossy = MulticastCheck.checkUdp(4,
        List.of(all, new long[] {0, 2, 1}, new long[] {}), new long[] {0, 1, 4});
    assertTrue(lossy.holds(), lossy.detail());
    assertTrue(lossy.detail().contains("3 of 8 messages, 5 lost"), lossy.detail());
    PropertyCheck twice = MulticastCheck.checkUdp(4, List.of(all, new long[] {0, 0}),
        new long[] {0, 3});
    assertFalse(twice.holds());
    assertTrue(twice.detail().contains("rank 1 delivered message 0 twice"), twice.detail());
    assertFalse(MulticastCheck.checkUdp(4, List.of(all, new long[] {7}), new long[] {0, 3})
        .holds());
    PropertyCheck dishonest = MulticastCheck.checkUdp(4, List.of(all, new long[] {0}),
        new long[] {0, 1});
    assertFalse(dishonest.holds());
    assertTrue(dishonest.detail().contains("reports 1 lost"), dishonest.detail());
  }

  @Test
  void reliableCheckWantsEverythingOnceInOrder() {
    long[] all = {0, 1, 2};
    assertTrue(MulticastCheck.checkReliable(3, List.of(all, all)).holds());
    assertFalse(MulticastCheck.checkReliable(3, List.of(all, new long[] {0, 2, 1})).holds());
    PropertyCheck missing = MulticastCheck.checkReliable(3, List.of(all, new long[] {0, 1}));
    assertFalse(missing.holds());
    assertTrue(missing.detail().contains("rank 1 delivered 2 of 3"), missing.detail());
    assertFalse(MulticastCheck.checkReliable(3, List.of(all, new long[] {0, 1, 2, 2})).holds());
  }

  @Test
  void udpOptionsAreCheckedAndNameTheOption() {
    assertEquals("mpi", D.transport());
    MulticastParameters udp = udp("239.255.77.1", 0, "auto", true, 3, 8);
    assertTrue(udp.udp());
    assertEquals("--transport must be udp or mpi, got tcp", refused(() -> new MulticastParameters(
        10, "bcast", "none", 0, 1, 100, "tcp", "239.255.77.1", 0, "auto", false, 3)));
    assertTrue(refused(() -> udp("10.0.0.1", 0, "auto", false, 3, 8)).startsWith("--group"));
    assertTrue(refused(() -> udp("239.256.0.1", 0, "auto", false, 3, 8)).startsWith("--group"));
    assertTrue(refused(() -> udp("my.group", 0, "auto", false, 3, 8)).startsWith("--group"));
    assertTrue(refused(() -> udp("239.1.1.1", 65_536, "auto", false, 3, 8))
        .startsWith("--udp-port"));
    assertTrue(refused(() -> udp("239.1.1.1", 5000, "eth0 lo", false, 3, 8))
        .startsWith("--interface"));
    assertTrue(refused(() -> udp("239.1.1.1", 5000, "lo", true, -1, 8))
        .startsWith("--repair-rounds"));
    assertTrue(refused(() -> udp("239.1.1.1", 5000, "lo", false, 3, 9000))
        .startsWith("--payload-longs must be at most 8183"));
    assertEquals("--reliable needs --transport udp", refused(() -> new MulticastParameters(
        10, "bcast", "none", 0, 1, 100, "mpi", "239.255.77.1", 0, "auto", true, 3)));
    assertTrue(refused(() -> new MulticastParameters(10, "p2p", "none", 0, 1, 100, "udp",
        "239.255.77.1", 0, "auto", false, 3)).startsWith("--mode p2p needs --transport mpi"));
    assertTrue(refused(() -> new MulticastParameters(10, "bcast", "sequencer", 0, 1, 100, "udp",
        "239.255.77.1", 0, "auto", false, 3)).startsWith("--total-order sequencer needs"));
  }

  @Test
  void hostHashTellsHostsApart() {
    assertEquals(UdpMulticastRun.hostHash("node1"), UdpMulticastRun.hostHash("node1"));
    assertNotEquals(UdpMulticastRun.hostHash("node1"), UdpMulticastRun.hostHash("node2"));
  }

  private static MulticastParameters udp(String group, int port, String nif, boolean reliable,
      int rounds, int payloadLongs) {
    return new MulticastParameters(10, "bcast", "none", payloadLongs, 1, 100, "udp", group, port,
        nif, reliable, rounds);
  }

  private static String refused(Runnable make) {
    return assertThrows(IllegalArgumentException.class, make::run).getMessage();
  }
}
