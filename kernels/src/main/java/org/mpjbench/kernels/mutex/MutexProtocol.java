package org.mpjbench.kernels.mutex;

import mpi.MPIException;

/**
 * One rank's side of a mutual-exclusion algorithm, as {@link MutexLoop} drives it. Every call
 * comes from the rank's single thread; implementations send through MPI and count what they send.
 */
public interface MutexProtocol {
  /** The tags of the algorithm's messages (the loop receives these and hands them over). */
  int[] tags();

  /** The longest message of any tag, in {@code long}s. */
  int maxMessageLongs();

  /** The rank wants the critical section: ask (send requests) unless it may enter already. */
  void request() throws MPIException;

  /** Whether the rank, having asked, may enter now. */
  boolean mayEnter();

  /** The rank enters the critical section. */
  void enter();

  /** The rank leaves the critical section: hand over (token, deferred replies). */
  void release() throws MPIException;

  /** A message of one of {@link #tags()} arrived; {@code length} {@code long}s are valid. */
  void handle(int tag, int source, long[] message, int length) throws MPIException;

  /** Algorithm messages this rank sent so far. */
  long messagesSent();

  /** A figure of the algorithm's own, gathered beside the trace (e.g. entries that had to ask). */
  long extraFigure();
}
