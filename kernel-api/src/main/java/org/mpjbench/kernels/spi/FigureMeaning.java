package org.mpjbench.kernels.spi;

/**
 * What a kernel's figures mean, the same for every run of it: the sweep's table and CSV and the
 * kernel charts label them with this.
 *
 * @param operation what one operation is, a noun: "round", "entry", "election"
 * @param latencyMeaning what the median latency measures, for a legend ("wait to enter"); null
 *     when the kernel has none
 * @param checksProperty whether the kernel checks a correctness property and counts its messages
 * @param expectation the textbook's messages per operation, or null when there is no formula
 */
public record FigureMeaning(String operation, String latencyMeaning, boolean checksProperty,
    Expectation expectation) {}
