/**
 * JMH harnesses that time the kernels on real MPJ Express ranks.
 *
 * <p>Design (why JMH runs inside rank 0): the ranks are the separate JVMs (niodev) or threads
 * (multicore) that MPJ Express starts, and in multicore each rank has its own class loader, so a JMH
 * fork started from a rank could not see that rank's MPI state. So JMH runs in rank 0 without
 * forking ({@code forks(0)}), and the other ranks follow rank 0 in lockstep ({@link
 * org.mpjbench.benchmarks.Lockstep}): every setup, operation and check is a command that rank 0
 * broadcasts and then every rank executes collectively. The broadcast is part of every measured
 * operation, in every benchmark alike, and is amortized over many operations per invocation
 * ({@code @OperationsPerInvocation}) where an operation is short. JMH warns that runs without a
 * fork may omit JVM options; that is expected here, the rank JVMs being started by MPJ Express.
 */
package org.mpjbench.benchmarks;
