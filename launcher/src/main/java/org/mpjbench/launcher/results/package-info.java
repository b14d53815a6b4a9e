/**
 * What the launcher adds to result files ({@link org.mpjbench.kernels.results.RunRecord}): the
 * environment a run had (host, Java, MPJ home, machines).
 */
package org.mpjbench.launcher.results;
