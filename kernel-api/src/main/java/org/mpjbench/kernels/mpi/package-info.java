/** Small helpers over the MPJ Express API that several kernels share. */
package org.mpjbench.kernels.mpi;
