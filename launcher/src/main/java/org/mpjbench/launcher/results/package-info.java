/**
 * Result files: one JSON document per run ({@link org.mpjbench.launcher.results.RunRecord}, schema
 * {@value org.mpjbench.launcher.results.RunRecord#SCHEMA}, described in docs/results.md), written
 * atomically under {@code results/}.
 */
package org.mpjbench.launcher.results;
