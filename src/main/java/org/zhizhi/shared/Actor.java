package org.zhizhi.shared;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as every module sees him: who he is, what he may do, and the scope all his reads and writes are
 * filtered by. Controllers receive it with {@code @AuthenticationPrincipal Actor actor}. Serializable: it is kept in
 * the web session, which lives in the database.
 */
public record Actor(UUID userId, String username, String displayName, Set<Role> roles, DataScope scope)
		implements Serializable {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Set<Role> candidates) {
		return candidates.stream().anyMatch(roles::contains);
	}

	/** Used in templates: {@code actor.hasRole('AUDITOR')}. */
	public boolean hasRole(String role) {
		return roles.contains(Role.valueOf(role));
	}
}
