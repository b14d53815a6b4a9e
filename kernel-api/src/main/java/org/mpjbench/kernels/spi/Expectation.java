package org.mpjbench.kernels.spi;

import java.util.function.IntToDoubleFunction;

/**
 * A textbook count of messages per operation, drawn beside the measured one.
 *
 * @param formula in K, the number of ranks: "2(K−1)"
 * @param atMost whether the formula is an upper bound rather than the exact count
 * @param perRanks its value for K ranks
 */
public record Expectation(String formula, boolean atMost, IntToDoubleFunction perRanks) {}
