package org.mpjbench.kernels.suzukikasami;

/**
 * One rank's Suzuki-Kasami state, without MPI: RN[] (the highest request number heard from every
 * rank), the token when this rank holds it, and whether it is asking or inside. Each method says
 * what to send; the kernel sends it.
 */
public final class SuzukiKasamiState {
  /** Returned by {@link #request()} when the token is here and nobody needs asking. */
  public static final long NO_REQUEST = -1;

  /**
   * The token leaving this rank.
   *
   * @param to the rank it goes to
   * @param token the token as it leaves (no longer part of this state)
   */
  public record Handover(int to, Token token) {}

  private final int rank;
  private final int size;
  private final long[] requestNumbers;
  private Token token;
  private boolean requesting;
  private boolean inside;

  /** The state of {@code rank} of {@code size}; rank 0 starts with the token. */
  public SuzukiKasamiState(int rank, int size) {
    this.rank = rank;
    this.size = size;
    this.requestNumbers = new long[size];
    this.token = rank == 0 ? new Token(size) : null;
  }

  /** Whether this rank holds the token. */
  public boolean hasToken() {
    return token != null;
  }

  /** The token while held (for tests), else null. */
  public Token token() {
    return token;
  }

  /** RN[j]. */
  public long requestNumber(int j) {
    return requestNumbers[j];
  }

  /**
   * The rank wants the critical section. Returns the request number to broadcast in
   * REQUEST(rank, n), or {@link #NO_REQUEST} when it holds the token and needs nobody.
   */
  public long request() {
    if (requesting || inside) {
      throw new IllegalStateException("rank " + rank + " asked twice");
    }
    requesting = true;
    if (token != null) {
      return NO_REQUEST;
    }
    requestNumbers[rank]++;
    return requestNumbers[rank];
  }

  /** Whether the rank, asking, may enter: it holds the token. */
  public boolean mayEnter() {
    return requesting && token != null;
  }

  /** Enters the critical section (the token must be here). */
  public void enter() {
    if (!mayEnter()) {
      throw new IllegalStateException("rank " + rank + " entered without the token");
    }
    requesting = false;
    inside = true;
  }

  /**
   * REQUEST(j, n) arrived: RN[j] = max(RN[j], n). Returns the token's handover to j, or null: the
   * token moves only if it is here, idle (not inside, not about to enter) and j's request is
   * outstanding (RN[j] = LN[j] + 1); a stale request (already served) moves nothing.
   */
  public Handover onRequest(int j, long n) {
    requestNumbers[j] = Math.max(requestNumbers[j], n);
    if (token != null && !inside && !requesting && j != rank
        && requestNumbers[j] == token.lastServed(j) + 1) {
      Token leaving = token;
      token = null;
      return new Handover(j, leaving);
    }
    return null;
  }

  /** The token arrived. */
  public void onToken(Token arrived) {
    if (token != null) {
      throw new IllegalStateException("rank " + rank + " received a second token");
    }
    token = arrived;
  }

  /**
   * Leaves the critical section: LN[rank] = RN[rank]; every j with an outstanding request (RN[j]
   * = LN[j] + 1) not already queued joins the queue, scanning from rank+1 round the ring so no
   * rank is favoured; if the queue is not empty the token goes to its head. Returns that
   * handover, or null when nobody is waiting (the token stays here).
   */
  public Handover release() {
    if (!inside) {
      throw new IllegalStateException("rank " + rank + " released without being inside");
    }
    inside = false;
    token.served(rank, requestNumbers[rank]);
    for (int step = 1; step < size; step++) {
      int j = (rank + step) % size;
      if (requestNumbers[j] == token.lastServed(j) + 1 && !token.isQueued(j)) {
        token.enqueue(j);
      }
    }
    int head = token.pollHead();
    if (head < 0) {
      return null;
    }
    Token leaving = token;
    token = null;
    return new Handover(head, leaving);
  }
}
