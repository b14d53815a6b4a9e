package org.mpjbench.launcher;

import org.mpjbench.launcher.cli.MpjBenchCommand;

/** Entry point of {@code launcher/mpjbench}: hands the arguments to the picocli command tree. */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its status (0 ok, 1 run failed, 2 bad input). */
  public static void main(String[] args) {
    System.exit(MpjBenchCommand.execute(args));
  }
}
