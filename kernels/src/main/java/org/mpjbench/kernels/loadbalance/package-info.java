/**
 * Load balancing as an MPJ kernel: rank 0 dispatches a seeded stream of tasks with skewed costs
 * to the workers (ranks 1..K-1) under round robin, least-loaded or work-stealing policies. The
 * pure parts ({@link org.mpjbench.kernels.loadbalance.TaskStream}, {@link
 * org.mpjbench.kernels.loadbalance.Policies}, {@link
 * org.mpjbench.kernels.loadbalance.StealingPool}, {@link
 * org.mpjbench.kernels.loadbalance.LoadBalanceCheck}) are separate from the MPI program ({@link
 * org.mpjbench.kernels.loadbalance.LoadBalanceKernel}).
 */
package org.mpjbench.kernels.loadbalance;
