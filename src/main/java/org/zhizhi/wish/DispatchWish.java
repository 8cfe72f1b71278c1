package org.zhizhi.wish;

import java.util.UUID;

/**
 * 社区派单: to a named account ({@code accountId}, kind MEMBER — a party member or a unit's liaison), or to a volunteer
 * team or unit by {@code name}, whose take the community then records.
 */
public record DispatchWish(DispatchKind kind, UUID accountId, String name) {
}
