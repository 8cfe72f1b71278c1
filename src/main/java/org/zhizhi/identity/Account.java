package org.zhizhi.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.shared.Role;

/** An account as the account pages and the API show it; never carries the password hash. */
public record Account(UUID id, String username, String displayName, Set<Role> roles, GridPosition gridPosition,
		UUID orgUnitId, String scopePath, boolean enabled, Instant lockedUntil, boolean passwordChangeRequired,
		Instant createdAt) {

	public Account {
		roles = Set.copyOf(roles);
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
