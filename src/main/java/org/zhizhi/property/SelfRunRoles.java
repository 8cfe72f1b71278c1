package org.zhizhi.property;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/** Who keeps a self-run estate's books: the community's desk (and above) of its scope. */
public final class SelfRunRoles {

	public static final Set<Role> DESK = Collections.unmodifiableSet(EnumSet.of(Role.COMMUNITY_STAFF,
			Role.STREET_STAFF, Role.DISTRICT_ADMIN));

	private SelfRunRoles() {
	}

	/** The books of the self-run estates of a scope ({@code /m/fees}). */
	public static boolean keepsBooks(Actor actor) {
		return actor.hasAny(DESK);
	}
}
