/**
 * Charts of result files, rendered headless to PNG with JFreeChart. The shape follows Caffeine's
 * simulator: small records hold what a chart shows
 * ({@link org.mpjbench.launcher.charts.LinesVsTime},
 * {@link org.mpjbench.launcher.charts.SpeedupPoints},
 * {@link org.mpjbench.launcher.charts.SkewSeries},
 * {@link org.mpjbench.launcher.charts.KernelPoints}), built from
 * {@link org.mpjbench.kernels.results.RunRecord}s by pure functions that are tested without
 * drawing anything; one small renderer per chart turns such a record into a PNG; and
 * {@link org.mpjbench.launcher.charts.Charts#renderAll} draws every chart a set of runs has data
 * for. {@link org.mpjbench.launcher.charts.ResultFiles} reads the runs from files and folders.
 */
package org.mpjbench.launcher.charts;
