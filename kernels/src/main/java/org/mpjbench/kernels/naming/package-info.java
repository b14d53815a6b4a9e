/**
 * A name server as an MPJ kernel: rank 0 holds flat names ("printer-3-4") and hierarchical names
 * ("eu/node-2/sqrt-5", resolved through a tree of directories); every other rank registers names of
 * its own, then resolves names drawn from everybody's plus some unknown ones. The pure parts (the
 * name codec {@link org.mpjbench.kernels.naming.NameCodec}, the directory tree {@link
 * org.mpjbench.kernels.naming.DirectoryTree}, the server logic {@link
 * org.mpjbench.kernels.naming.NameServer}, the seeded workload {@link
 * org.mpjbench.kernels.naming.NamingWorkload} and the checker {@link
 * org.mpjbench.kernels.naming.NamingCheck}) are separate from the MPI program ({@link
 * org.mpjbench.kernels.naming.NamingKernel}) so they can be tested alone.
 */
package org.mpjbench.kernels.naming;
