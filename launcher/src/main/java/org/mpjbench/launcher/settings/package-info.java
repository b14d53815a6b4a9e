/**
 * The launcher's settings that every command shares: the project's folders. Depends on nothing
 * else of the launcher.
 */
package org.mpjbench.launcher.settings;
