/**
 * {@code mpjbench compare A B}: two result folders of the same kind (sweeps, by their
 * {@code sweep.csv}; benches, by their JMH JSON) side by side, figure by figure: the medians, the
 * ratio B/A with a seeded bootstrap confidence interval over the repeated runs or the JMH
 * iterations, and a verdict (faster, slower, no difference) that knows, per figure, whether less
 * is faster (a time, a skew) or more is (a rate, a score). Reads through the report and bench
 * packages; nothing there depends on this one.
 */
package org.mpjbench.launcher.compare;
