package org.mpjbench.lineserver.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Turns the lines a client sends into {@link Request}s, one line at a time, so that the server's
 * reading stays a plain loop and the parsing can be tested and fuzzed without sockets. Stateful
 * (a {@code SUBMIT} header spans three lines); one parser per connection; not thread-safe.
 *
 * <p>The parser never throws on input: any line gives either {@code null} (more lines needed) or a
 * request, possibly {@link Request.Invalid} or {@link Request.RejectedSubmit}. The pairs that follow
 * a {@code SUBMIT} header are not its business: the server reads them itself, because checking
 * them needs the file.
 */
public final class RequestParser {
  private enum State {
    COMMAND,
    ID_TEAM,
    COUNT
  }

  private final int maxCount;
  private State state = State.COMMAND;
  /**
   * Between the {@code id@team} line and the count: the two names, or null when the line was
   * malformed (then {@link #nameProblem} says why). Only these are kept, not the line itself, so
   * that a parser holds a few bytes whatever a client sent.
   */
  private String[] idTeam;
  private String nameProblem;

  /** A parser for a file of {@code maxCount} lines (the largest count a SUBMIT may announce). */
  public RequestParser(int maxCount) {
    if (maxCount < 0) {
      throw new IllegalArgumentException("maxCount must not be negative, got " + maxCount);
    }
    this.maxCount = maxCount;
  }

  /**
   * Takes the next line (without its {@code \n}); returns the request it completes, or {@code null}
   * when the request needs more lines (after {@code SUBMIT} and after {@code id@team}).
   */
  public Request accept(byte[] line) {
    if (line == null) {
      throw new IllegalArgumentException("line must not be null");
    }
    switch (state) {
      case ID_TEAM:
        idTeam = splitIdTeam(line);
        nameProblem = idTeam == null
            ? "malformed id@team '" + LineProtocol.quote(line) + "' (each "
                + LineProtocol.nameRule() + ")"
            : null;
        state = State.COUNT;
        return null;
      case COUNT:
        state = State.COMMAND;
        Request request = submit(line);
        idTeam = null;
        nameProblem = null;
        return request;
      default:
        return command(line);
    }
  }

  /** Whether the lines so far end inside a request (a client that stops now left it unfinished). */
  public boolean midRequest() {
    return state != State.COMMAND;
  }

  private Request command(byte[] line) {
    if (LineProtocol.isWord(line, LineProtocol.SENDLINE)) {
      return new Request.SendLine();
    }
    if (LineProtocol.isWord(line, LineProtocol.INFO)) {
      return new Request.Info();
    }
    if (LineProtocol.isWord(line, LineProtocol.SUBMIT)) {
      state = State.ID_TEAM;
      return null;
    }
    if (LineProtocol.withoutCarriageReturn(line) == 0) {
      return new Request.Invalid("empty request line; requests are SENDLINE, SUBMIT and INFO");
    }
    return new Request.Invalid("unknown request '" + LineProtocol.quote(line)
        + "'; requests are SENDLINE, SUBMIT and INFO");
  }

  private Request submit(byte[] countLine) {
    long count = LineProtocol.parseUnsigned(countLine);
    String countProblem = null;
    if (count == LineProtocol.NOT_A_NUMBER) {
      countProblem = "count '" + LineProtocol.quote(countLine) + "' is not a number of lines";
    } else if (count > maxCount) {
      countProblem = "count " + LineProtocol.quote(countLine) + " exceeds the file's " + maxCount
          + (maxCount == 1 ? " line" : " lines");
    }
    if (countProblem != null) {
      // The first problem is the one reported; either way the pairs cannot be framed.
      return new Request.RejectedSubmit(
          nameProblem != null ? nameProblem : countProblem, Request.RejectedSubmit.UNFRAMED);
    }
    if (nameProblem != null) {
      return new Request.RejectedSubmit(nameProblem, (int) count);
    }
    return new Request.Submit(idTeam[0], idTeam[1], (int) count);
  }

  /** {@code {id, team}}, or null when the line is not two valid names joined by one '@'. */
  private static String[] splitIdTeam(byte[] line) {
    int length = LineProtocol.withoutCarriageReturn(line);
    if (length > 2 * LineProtocol.MAX_NAME_CHARS + 1) {
      return null;
    }
    // Valid names are ASCII, so any other byte fails the check below whatever it decodes to.
    String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
    int at = text.indexOf('@');
    if (at < 0) {
      return null;
    }
    String id = text.substring(0, at);
    String team = text.substring(at + 1);
    return LineProtocol.isValidName(id) && LineProtocol.isValidName(team)
        ? new String[] {id, team}
        : null;
  }
}
