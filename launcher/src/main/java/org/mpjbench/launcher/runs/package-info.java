/**
 * The Java API of runs: {@link org.mpjbench.launcher.runs.Runs} runs a kernel (or the JMH harness)
 * on MPJ Express ranks with {@link org.mpjbench.launcher.runs.RunSettings} and returns its typed
 * {@link org.mpjbench.launcher.runs.RunOutcome}, its result file written. The commands ({@code
 * run}, {@code sweep}, {@code bench}) are shells around it; it knows none of them.
 */
package org.mpjbench.launcher.runs;
