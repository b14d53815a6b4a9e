/**
 * Remote invocation between MPJ ranks, like a square-root service over Java RMI: a service rank
 * registers "math/sqrt" at a registry on rank 0 (the naming kernel's {@link
 * org.mpjbench.kernels.naming.NameServer}), clients look it up by name and call it with typed
 * requests and replies. The pure parts (the service {@link
 * org.mpjbench.kernels.remotecall.SqrtService}, the seeded arguments {@link
 * org.mpjbench.kernels.remotecall.CallWorkload} and the checker {@link
 * org.mpjbench.kernels.remotecall.RemoteCallCheck}) are separate from the MPI program ({@link
 * org.mpjbench.kernels.remotecall.RemoteCallKernel}).
 */
package org.mpjbench.kernels.remotecall;
