package org.mpjbench.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs {@code mpjbench} in-process with captured stdout and stderr (a test helper). */
record CliRun(int exitCode, String out, String err) {

  /** Parses and executes {@code args} through {@link MpjBenchCommand#commandLine()}. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine commandLine = MpjBenchCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** The lines written to stderr. */
  List<String> errLines() {
    return err.lines().toList();
  }

  /** Everything captured, for assertion messages. */
  String describe() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}
