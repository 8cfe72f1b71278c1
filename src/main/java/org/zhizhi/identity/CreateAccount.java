package org.zhizhi.identity;

import java.util.Set;
import java.util.UUID;

import org.zhizhi.shared.Role;

/** Open an account bound to one node of the tree; the password is an initial one unless said otherwise. */
public record CreateAccount(String username, String displayName, String password, Set<Role> roles, UUID orgUnitId,
		GridPosition gridPosition) {

	public CreateAccount {
		roles = roles == null ? Set.of() : Set.copyOf(roles);
	}
}
