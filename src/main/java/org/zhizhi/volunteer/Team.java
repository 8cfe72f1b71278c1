package org.zhizhi.volunteer;

import java.time.Instant;
import java.util.UUID;

/**
 * A volunteer team of a node: its kind, its leader (an account, or a name the desk recorded), whether it recruits and
 * what help it seeks, and the contact its certificates print.
 */
public record Team(UUID id, UUID orgUnitId, String orgUnitName, String scopePath, UUID districtId, String name,
		TeamKind kind, UUID leaderId, String leaderName, String description, boolean recruiting, long members,
		Instant createdAt, String contact, String recruitment) {
}
