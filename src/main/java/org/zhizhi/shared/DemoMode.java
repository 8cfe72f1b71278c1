package org.zhizhi.shared;

/**
 * Whether this installation runs as the demo district: on by default on the embedded database, off on an external one
 * unless {@code ZHIZHI_DEMO=true}. In demo mode the demo district and its accounts are loaded on the first start and
 * their shared password need not be changed.
 */
public record DemoMode(boolean enabled) {
}
