// The exchanges of a Berkeley round on bare MPJ Express (docs/berkeley-scale.md#mpjs-own-floor).
// javac -cp $MPJ_HOME/lib/mpj.jar -d /tmp/floor BerkeleyExchanges.java
// java -jar $MPJ_HOME/lib/starter.jar -np 64 -dev multicore -cp /tmp/floor BerkeleyExchanges
import mpi.*;
import java.util.Arrays;

/**
 * Berkeley's exchanges without Berkeley: rank 0 ping-pongs (two longs each way) 250 times in a row
 * with each other rank (the kernel's baseline), then does 40 rounds of: 6 exchanges with each other
 * rank in turn (the kernel's warm-up poll and 5 samples), a Scatter of two longs a rank (timed
 * with the round, as the kernel's), and a Gather (after the timed part, as the kernel's).
 */
public class BerkeleyExchanges {
  public static void main(String[] args) throws Exception {
    MPI.Init(args);
    int rank = MPI.COMM_WORLD.Rank(), size = MPI.COMM_WORLD.Size();
    long[] buf = new long[2], sc = new long[2 * size], mine = new long[2];
    int perTurn = 6, turns = 40, inRow = 250;
    if (rank == 0) {
      long[] a = new long[(size - 1) * 200];
      int na = 0;
      for (int s = 1; s < size; s++) {
        for (int i = 0; i < inRow; i++) {
          long t = System.nanoTime();
          MPI.COMM_WORLD.Send(buf, 0, 2, MPI.LONG, s, 1);
          MPI.COMM_WORLD.Recv(buf, 0, 2, MPI.LONG, s, 2);
          if (i >= 50) {
            a[na++] = System.nanoTime() - t;
          }
        }
      }
      long[] rounds = new long[turns];
      for (int r = 0; r < turns; r++) {
        long start = System.nanoTime();
        for (int s = 1; s < size; s++) {
          for (int i = 0; i < perTurn; i++) {
            MPI.COMM_WORLD.Send(buf, 0, 2, MPI.LONG, s, 1);
            MPI.COMM_WORLD.Recv(buf, 0, 2, MPI.LONG, s, 2);
          }
        }
        MPI.COMM_WORLD.Scatter(sc, 0, 2, MPI.LONG, mine, 0, 2, MPI.LONG, 0);
        rounds[r] = System.nanoTime() - start;
        MPI.COMM_WORLD.Gather(mine, 0, 2, MPI.LONG, sc, 0, 2, MPI.LONG, 0);
      }
      long rt = med(a);
      int bound = (size - 1) * 5 + 1;
      System.out.printf("ranks %d: round trip %.1f us; round %.2f ms = %.0f round trips = %.2f x"
          + " the kernel's bound %d%n", size, rt / 1e3, med(rounds) / 1e6,
          med(rounds) / (double) rt, med(rounds) / (double) rt / bound, bound);
    } else {
      for (int i = 0; i < inRow; i++) {
        MPI.COMM_WORLD.Recv(buf, 0, 2, MPI.LONG, 0, 1);
        MPI.COMM_WORLD.Send(buf, 0, 2, MPI.LONG, 0, 2);
      }
      for (int r = 0; r < turns; r++) {
        for (int i = 0; i < perTurn; i++) {
          MPI.COMM_WORLD.Recv(buf, 0, 2, MPI.LONG, 0, 1);
          MPI.COMM_WORLD.Send(buf, 0, 2, MPI.LONG, 0, 2);
        }
        MPI.COMM_WORLD.Scatter(sc, 0, 2, MPI.LONG, mine, 0, 2, MPI.LONG, 0);
        MPI.COMM_WORLD.Gather(mine, 0, 2, MPI.LONG, sc, 0, 2, MPI.LONG, 0);
      }
    }
    MPI.Finalize();
  }

  static long med(long[] v) {
    long[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
