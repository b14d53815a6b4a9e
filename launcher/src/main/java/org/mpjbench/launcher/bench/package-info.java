/**
 * Merging of JMH result files into one table. The benchmarks module runs each JMH benchmark on K
 * MPJ ranks and writes one JMH JSON file per K ({@code jmh-<K>r.json}); {@link
 * org.mpjbench.launcher.bench.BenchReport#read} merges them, normalizes every score to operations
 * per second and counts each benchmark in MPI ping-pongs, and the report writes itself as CSV,
 * Markdown and console lines. {@link org.mpjbench.launcher.charts.ThroughputChart} draws it.
 */
package org.mpjbench.launcher.bench;
