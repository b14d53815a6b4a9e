/**
 * The control channel between the launcher and every rank: one TCP connection per rank carrying
 * one JSON object per line ({@link org.mpjbench.kernels.control.ControlMessage}). It is how the
 * launcher hands the job to the ranks, receives progress and the result, learns of a failing rank
 * at once, and stops every rank when the run must end (the MPJ runtime itself reports none of this:
 * a failing rank leaves the others blocked and the starter exits with status 0).
 */
package org.mpjbench.kernels.control;
