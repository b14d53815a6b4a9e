/**
 * JMH harnesses that time the kernels on real MPJ Express ranks.
 *
 * <p>Design (why JMH runs inside rank 0): the ranks are the separate JVMs (niodev) or threads
 * (multicore) that MPJ Express starts, and in multicore each rank has its own class loader, so a
 * JMH fork started from a rank could not see that rank's MPI state. So JMH runs in rank 0 without
 * forking ({@code forks(0)}), and the other ranks follow rank 0 in lockstep ({@link
 * org.mpjbench.benchmarks.Lockstep}): every setup, operation and check is a {@link
 * org.mpjbench.benchmarks.CollectiveOp}, a small record of typed arguments that rank 0 broadcasts
 * (as JSON bytes) and then every rank executes collectively. The broadcast is part of every
 * measured operation, in every benchmark alike, and is amortized over many operations per
 * invocation ({@code @OperationsPerInvocation}) where an operation is short. JMH warns that runs
 * without a fork may omit JVM options; that is expected here, the rank JVMs being started by MPJ
 * Express.
 *
 * <p>The algorithm kernels are timed as whole runs ({@link
 * org.mpjbench.benchmarks.KernelRunBenchmark}, one {@link org.mpjbench.benchmarks.KernelCase} per
 * value of its {@code kernel} parameter): each operation is one lockstep operation after which
 * every rank runs the kernel with its defaults, property check included. When a check fails, rank 0
 * fails the run without releasing the followers (they may be anywhere inside a kernel), and the
 * launcher's abort ends them.
 *
 * <p>The OSU-style baselines by message size ({@link org.mpjbench.benchmarks.SizesBenchmark}, one
 * single-shot JMH invocation) time their iterations themselves ({@link
 * org.mpjbench.benchmarks.SizeOps}, batches of timed iterations per lockstep operation), so that
 * the broadcast of an operation is never inside a timed iteration; their table travels as the
 * artifact {@value org.mpjbench.benchmarks.BenchProgram#SIZES_ARTIFACT}.
 */
package org.mpjbench.benchmarks;
