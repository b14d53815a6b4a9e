/**
 * The picocli command tree of {@code mpjbench}: {@code run <kernel>}, {@code sweep}, {@code bench},
 * {@code plot}, {@code cluster}, {@code line-server}. Commands are thin: they turn options into
 * typed values (bad values fail here, with one line and exit code 2), call the run API ({@link
 * org.mpjbench.launcher.runs.Runs}) and print what it returns.
 */
package org.mpjbench.launcher.cli;
