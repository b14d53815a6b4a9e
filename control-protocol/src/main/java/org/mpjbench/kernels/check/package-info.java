/**
 * The correctness property every algorithm kernel checks at the end of its run ({@link
 * org.mpjbench.kernels.check.PropertyCheck}): a run whose property does not hold fails loudly.
 */
package org.mpjbench.kernels.check;
