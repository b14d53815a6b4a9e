/**
 * What the two election kernels ({@link org.mpjbench.kernels.ring} and {@link
 * org.mpjbench.kernels.bully}) share: their parameters ({@link
 * org.mpjbench.kernels.election.ElectionParameters}), the configuration resolved for a number of
 * ranks ({@link org.mpjbench.kernels.election.ElectionSetup}), the per-rank report gathered after
 * the election ({@link org.mpjbench.kernels.election.RankReport}) and the agreement checker ({@link
 * org.mpjbench.kernels.election.CoordinatorAgreement}).
 */
package org.mpjbench.kernels.election;
