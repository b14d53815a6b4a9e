package org.mpjbench.benchmarks;

/**
 * One collective operation of the benchmarks: rank 0 {@linkplain Lockstep#call calls} it, which
 * broadcasts it to every other rank, and then every rank {@linkplain #run runs} it. Each
 * implementation is a record of its typed arguments, registered by name in {@link OpCodec} so that
 * the other ranks can decode it from the broadcast bytes (JSON, not Java serialization: in the
 * multicore device each rank has its own class loader).
 */
public interface CollectiveOp {
  /**
   * Runs the operation on this rank, as every rank does.
   *
   * @param state this rank's communicator, parameters and benchmark state
   * @return the operation's figure on rank 0; 0 when it has none, and on the other ranks
   * @throws Exception when the operation fails, or (on rank 0) when its check does not hold
   */
  long run(RankState state) throws Exception;
}
