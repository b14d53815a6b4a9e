/**
 * Running one kernel as one MPJ Express job and deciding, ourselves, whether it succeeded: the MPJ
 * starter's exit status says nothing (0 even when a rank threw), and a failing niodev rank leaves the
 * others blocked forever. So every rank reports to a {@link org.mpjbench.launcher.job.ControlServer}
 * and the {@link org.mpjbench.launcher.job.JobRunner} watches the job with time-outs and stops every
 * process it caused to start.
 */
package org.mpjbench.launcher.job;
