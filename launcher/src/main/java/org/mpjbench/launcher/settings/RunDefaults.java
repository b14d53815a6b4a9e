package org.mpjbench.launcher.settings;

/**
 * The defaults of a run and of the commands that make runs ({@code run}, {@code sweep}, {@code
 * bench}), in one place: the options' defaults and the Java API's ({@code RunSettings}) both read
 * them here. Compile-time constants, so that picocli's {@code defaultValue} can name them.
 */
public final class RunDefaults {
  /** Ranks of a run. */
  public static final int RANKS = 4;
  /** The most ranks a run takes: more is a typo on these machines, and MPJ's ports run out. */
  public static final int MAX_RANKS = 256;
  /** The MPJ device of a run: every rank a thread of one JVM. */
  public static final String DEVICE = "multicore";
  /** Bound of one kernel run. */
  public static final long TIMEOUT_SECONDS = 300;
  /** Bound of one run in a sweep (the sweep's runs are larger than a quick {@code run}). */
  public static final long SWEEP_TIMEOUT_SECONDS = 600;
  /** Bound of one JMH run: JMH takes its time, a dozen kernel cases on every rank count. */
  public static final long JMH_TIMEOUT_SECONDS = 900;
  /** How long every rank has to start and say hello. */
  public static final long STARTUP_TIMEOUT_SECONDS = 60;
  /** How long a rank may send nothing, not even its heartbeat, before the run fails. */
  public static final long SILENCE_TIMEOUT_SECONDS = 30;
  /** A week: longer bounds are typos, and would overflow when turned into nanoseconds. */
  public static final long MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;
  /** Rank counts of a sweep and of a bench. */
  public static final String RANK_COUNTS = "1,2,3,4";
  /** Runs per kernel and rank count in a sweep. */
  public static final int SWEEP_REPEAT = 3;

  private RunDefaults() {}
}
