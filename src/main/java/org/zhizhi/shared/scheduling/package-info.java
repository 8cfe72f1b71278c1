/**
 * Scheduled work that runs once per schedule however many nodes serve the platform: each pass takes a lock row in
 * PostgreSQL first (ShedLock), and a node that finds it taken skips the pass.
 */
@org.springframework.modulith.NamedInterface("scheduling")
package org.zhizhi.shared.scheduling;
