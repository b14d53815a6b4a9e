/**
 * What the mutual-exclusion kernels ({@code suzuki-kasami}, {@code ricart-agrawala}) share: their
 * parameters ({@link org.mpjbench.kernels.mutex.MutexParameters}), the pure checker of a gathered
 * trace of critical-section intervals ({@link org.mpjbench.kernels.mutex.MutexCheck}), and the
 * single-threaded message loop every rank runs ({@link org.mpjbench.kernels.mutex.MutexLoop}),
 * which keeps serving other ranks' messages while it waits, while it is inside the critical
 * section, and after its own entries are done, until every rank has said DONE.
 */
package org.mpjbench.kernels.mutex;
