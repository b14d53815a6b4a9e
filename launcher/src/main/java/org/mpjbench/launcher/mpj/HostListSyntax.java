package org.mpjbench.launcher.mpj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mpjbench.kernels.spi.HostName;

/**
 * Expands one line of a machines file into its hosts, one entry per MPJ slot, whichever
 * scheduler wrote it. A line (already stripped, not blank, not a comment) is one of:
 *
 * <ul>
 *   <li><b>one host name or address</b>: MPJ Express's own machines file, and PBS/Torque's
 *       {@code $PBS_NODEFILE}, which repeats a host on one line per slot;
 *   <li><b>an SGE {@code $PE_HOSTFILE} line</b>, {@code host slots queue processors} (e.g.
 *       {@code node01 4 all.q@node01 UNDEFINED}): the host {@code slots} times. A line counts as
 *       SGE only when it has 2 to 4 fields and the second is a number; the queue and processors
 *       are ignored;
 *   <li><b>a Slurm host list</b>, as {@code $SLURM_JOB_NODELIST} and {@code scontrol show
 *       hostnames} take it: names separated by commas outside brackets, each with bracketed
 *       numbers and ranges, e.g. {@code a[1-2],b3,c[5,7-8]}. A range keeps the zero padding of
 *       its first number ({@code node[01-03]} is node01, node02, node03). Several bracket groups
 *       in one name expand the leftmost slowest, as Slurm does.
 * </ul>
 *
 * <p>Any other line with a space is not a host, as before, and so is a line with a control
 * character (checked as one host, so that the message says so). Failures are {@link BadLine}s
 * that say what the line is not and why, so that the caller can add the file and line.
 */
final class HostListSyntax {
  /** The most hosts (slots) one machines file may give: far beyond any run, far below memory. */
  static final int MAX_HOSTS = 65_536;

  /** The most slots one SGE line may give a host. */
  static final int MAX_SLOTS = 1024;

  static final String HOST = "a host name or address";
  static final String SGE = "an SGE host line (host slots queue processors)";
  static final String SLURM = "a Slurm host list (like node[01-04,07],gpu1)";
  static final String WITHIN_LIMIT = "within the " + MAX_HOSTS + " hosts a machines file may list";

  /** Numbers in brackets of at most 9 digits fit an int, with room to add one. */
  private static final int MAX_RANGE_DIGITS = 9;

  private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s+");
  private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern RANGE = Pattern.compile("([0-9]+)(?:-([0-9]+))?");

  private HostListSyntax() {}

  /** Why a line is not a list of hosts: what it is not, and the reason. */
  static final class BadLine extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String notWhat;
    private final String reason;

    BadLine(String notWhat, String reason) {
      super(notWhat + ": " + reason);
      this.notWhat = notWhat;
      this.reason = reason;
    }

    /** What the line is not, e.g. {@link #SLURM}. */
    String notWhat() {
      return notWhat;
    }

    /** Why not, e.g. "the range '3-1' runs backwards". */
    String reason() {
      return reason;
    }
  }

  /** One bracketed number or range; {@code width} is the zero padding, from the first number. */
  private record Range(int low, int high, int width) {
    int size() {
      return high - low + 1;
    }

    String number(int value) {
      return String.format(Locale.ROOT, "%0" + width + "d", value);
    }
  }

  /**
   * The hosts of one machines file line, one per slot, in order.
   *
   * @param line a stripped line that is neither blank nor a comment
   * @param room how many more hosts the file may list (so that a range cannot explode)
   * @throws BadLine saying what the line is not and why
   */
  static List<String> hosts(String line, int room) {
    String[] fields = FIELD_SEPARATOR.split(line);
    if (fields.length >= 2 && fields.length <= 4 && SIGNED_NUMBER.matcher(fields[1]).matches()) {
      return sgeHosts(fields, room);
    }
    if (fields.length == 1 && (line.contains("[") || line.contains("]") || line.contains(","))
        && line.codePoints().noneMatch(Character::isISOControl)) {
      return slurmHosts(line, room);
    }
    String problem = HostName.problem(line);
    if (problem != null) {
      throw new BadLine(HOST, problem);
    }
    requireRoom(1, room);
    return List.of(line);
  }

  /** An SGE line's host, {@code slots} times. */
  private static List<String> sgeHosts(String[] fields, int room) {
    String host = fields[0];
    String problem = HostName.problem(host);
    if (problem != null) {
      throw new BadLine(SGE, "host '" + abbreviate(host) + "': " + problem);
    }
    int slots = slots(fields[1]);
    if (slots < 1) {
      throw new BadLine(SGE, "its slots '" + abbreviate(fields[1])
          + "' is not a whole number from 1 to " + MAX_SLOTS);
    }
    requireRoom(slots, room);
    return Collections.nCopies(slots, host);
  }

  /** The slot count from 1 to {@link #MAX_SLOTS}, or -1 when {@code text} is not one. */
  static int slots(String text) {
    if (!text.matches("\\+?[0-9]{1,5}")) {
      return -1;
    }
    int slots = Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
    return slots >= 1 && slots <= MAX_SLOTS ? slots : -1;
  }

  /** A Slurm host list, expanded in order; every name must be a host name. */
  private static List<String> slurmHosts(String line, int room) {
    List<String> names = topLevelNames(line);
    long count = 0;
    List<BracketedName> parsed = new ArrayList<>();
    for (String name : names) {
      if (name.isEmpty()) {
        throw new BadLine(SLURM, "it has an empty name between commas");
      }
      BracketedName bracketed = BracketedName.of(name);
      // Counted before anything is expanded: h[1-999999999] must fail, not fill the memory.
      // Saturated at room + 1, which is already too many, so the product cannot overflow.
      long hostsOfName = 1;
      for (List<Range> group : bracketed.groups()) {
        long groupSize = group.stream().mapToLong(Range::size).sum();
        hostsOfName = Math.min(room + 1L, hostsOfName * Math.min(groupSize, room + 1L));
      }
      count += hostsOfName;
      requireRoom(count, room);
      parsed.add(bracketed);
    }
    List<String> hosts = new ArrayList<>((int) count);
    for (BracketedName bracketed : parsed) {
      for (String host : bracketed.expand()) {
        String problem = HostName.problem(host);
        if (problem != null) {
          throw new BadLine(SLURM, "its host '" + abbreviate(host) + "': " + problem);
        }
        hosts.add(host);
      }
    }
    return hosts;
  }

  /** The comma-separated names of a Slurm list; commas in brackets separate ranges instead. */
  private static List<String> topLevelNames(String line) {
    List<String> names = new ArrayList<>();
    boolean inBrackets = false;
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '[') {
        if (inBrackets) {
          throw new BadLine(SLURM, "it nests brackets (a '[' inside '[...]')");
        }
        inBrackets = true;
      } else if (c == ']') {
        if (!inBrackets) {
          throw new BadLine(SLURM, "it has a ']' with no '[' before it");
        }
        inBrackets = false;
      } else if (c == ',' && !inBrackets) {
        names.add(line.substring(start, i));
        start = i + 1;
      }
    }
    if (inBrackets) {
      throw new BadLine(SLURM, "a '[' is not closed by ']'");
    }
    names.add(line.substring(start));
    return names;
  }

  /**
   * One name of a Slurm list: the text around its brackets ({@code literals}, one more than the
   * groups) and the bracket groups, e.g. {@code rack[1-2]-n[1,3]} is rack, -n, "" and [1-2], [1,3].
   */
  private record BracketedName(List<String> literals, List<List<Range>> groups) {
    /** Parses a name whose brackets are known to pair up, none nested. */
    static BracketedName of(String name) {
      List<String> literals = new ArrayList<>();
      List<List<Range>> groups = new ArrayList<>();
      int start = 0;
      int open;
      while ((open = name.indexOf('[', start)) >= 0) {
        int close = name.indexOf(']', open);
        literals.add(name.substring(start, open));
        groups.add(ranges(name.substring(open + 1, close)));
        start = close + 1;
      }
      literals.add(name.substring(start));
      return new BracketedName(literals, groups);
    }

    /** Every name the groups make, the leftmost group varying slowest (Slurm's order). */
    List<String> expand() {
      List<String> names = List.of(literals.get(0));
      for (int g = 0; g < groups.size(); g++) {
        List<String> longer = new ArrayList<>();
        for (String prefix : names) {
          for (Range range : groups.get(g)) {
            for (int value = range.low(); value <= range.high(); value++) {
              longer.add(prefix + range.number(value) + literals.get(g + 1));
            }
          }
        }
        names = longer;
      }
      return names;
    }
  }

  /** The numbers and ranges between one pair of brackets, e.g. {@code 01-03,07}. */
  private static List<Range> ranges(String inBrackets) {
    if (inBrackets.isEmpty()) {
      throw new BadLine(SLURM, "'[]' holds no number");
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : inBrackets.split(",", -1)) {
      Matcher range = RANGE.matcher(part);
      if (!range.matches()) {
        throw new BadLine(SLURM, part.isEmpty() ? "it has an empty range in '[" + abbreviate(
            inBrackets) + "]'" : "'" + abbreviate(part) + "' in brackets is not a number or a"
                + " range of two numbers like 1-4");
      }
      String low = range.group(1);
      String high = range.group(2) == null ? low : range.group(2);
      if (low.length() > MAX_RANGE_DIGITS || high.length() > MAX_RANGE_DIGITS) {
        throw new BadLine(SLURM, "'" + abbreviate(part) + "' in brackets has a number of more"
            + " than " + MAX_RANGE_DIGITS + " digits");
      }
      Range parsed = new Range(Integer.parseInt(low), Integer.parseInt(high), low.length());
      if (parsed.low() > parsed.high()) {
        throw new BadLine(SLURM, "the range '" + part + "' runs backwards (smaller number"
            + " first)");
      }
      ranges.add(parsed);
    }
    return ranges;
  }

  /** Throws when {@code count} more hosts do not fit in the {@code room} left in the file. */
  private static void requireRoom(long count, int room) {
    if (count > room) {
      int before = MAX_HOSTS - room;
      throw new BadLine(WITHIN_LIMIT, before == 0
          ? "it gives more than " + MAX_HOSTS + " hosts"
          : "with the lines before it (" + before + (before == 1 ? " host" : " hosts")
              + "), the file would list more than " + MAX_HOSTS + " hosts");
    }
  }

  /** At most 60 characters, control characters escaped: a message stays one printable line. */
  static String abbreviate(String text) {
    StringBuilder shown = new StringBuilder();
    text.codePoints().forEach(c -> shown.append(Character.isISOControl(c)
        ? String.format(Locale.ROOT, "\\u%04x", c) : Character.toString(c)));
    return shown.length() <= 60 ? shown.toString() : shown.substring(0, 57) + "...";
  }
}
