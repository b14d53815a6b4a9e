/**
 * The picocli command tree of {@code mpjbench}: {@code run <kernel>}, {@code cluster
 * start|stop|status}. Commands are thin: they turn options into typed values (bad values fail here,
 * with one line and exit code 2) and hand over to {@link org.mpjbench.launcher.cli.KernelRun}.
 */
package org.mpjbench.launcher.cli;
