/**
 * Test hosts on one machine: network namespaces joined by a bridge, each with its own address,
 * host name and MPJ Express daemon, so that niodev runs cross a real network stack without a
 * second machine ({@code mpjbench cluster up|down|status|exec|link}).
 */
package org.mpjbench.launcher.cluster;
