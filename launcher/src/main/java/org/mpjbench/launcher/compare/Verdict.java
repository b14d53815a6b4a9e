package org.mpjbench.launcher.compare;

/** What a row of the comparison says about B against A. */
public enum Verdict {
  /** B is faster: the interval of B/A lies wholly on the faster side of 1. */
  FASTER("faster"),
  /** B is slower: the interval lies wholly on the slower side of 1. */
  SLOWER("slower"),
  /** The interval holds 1, or there is none (a side with one sample and no threshold passed). */
  NO_DIFFERENCE("no difference"),
  /** No ratio: the median of A is 0 (a skew with one rank). */
  NO_RATIO("no ratio");

  private final String text;

  Verdict(String text) {
    this.text = text;
  }

  /** As in the table. */
  @Override
  public String toString() {
    return text;
  }
}
