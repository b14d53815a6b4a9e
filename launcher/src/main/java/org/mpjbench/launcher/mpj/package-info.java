/**
 * Everything about the MPJ Express installation the launcher drives: where its home is, the
 * devices (multicore, niodev), machines files, and the daemons niodev needs on every host.
 */
package org.mpjbench.launcher.mpj;
