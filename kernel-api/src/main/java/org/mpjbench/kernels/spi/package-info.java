/**
 * What a kernel is to the rest of mpjbench: a {@link org.mpjbench.kernels.spi.KernelDescriptor} in
 * the kernel's own package (its name, description, options, rank program, typed result, summary,
 * figures and benchmark cases), registered with one line in {@code
 * META-INF/services/org.mpjbench.kernels.program.RankProgramFactory} and found through {@link
 * org.mpjbench.kernels.spi.Kernels}. The rank runtime finds the same descriptors as rank program
 * factories, so it imports no kernel.
 */
package org.mpjbench.kernels.spi;
