package org.zhizhi.citylink;

import java.util.UUID;

import org.zhizhi.shared.DataScope;

/** A city platform's key as the inbound door knows it: which district it reports into and for which source. */
public record PlatformLink(UUID id, String name, OrderSource source, DataScope scope) {
}
