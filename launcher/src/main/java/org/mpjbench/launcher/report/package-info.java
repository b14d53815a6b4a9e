/**
 * What a run's result says, in terms every kernel shares: the property verdict, the messages, the
 * operations (what one is depends on the kernel: a sync, an entry, a lookup...), the median latency
 * of one, operations per second, and a one-line headline. {@link
 * org.mpjbench.launcher.report.KernelFigures} holds, kernel by kernel, where each figure sits in
 * the result JSON; the sweep's CSV and table and the kernel charts read runs through it alone.
 */
package org.mpjbench.launcher.report;
