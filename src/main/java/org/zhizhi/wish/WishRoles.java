package org.zhizhi.wish;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/** Who does what with wishes; pages ask the same questions as the commands. */
public final class WishRoles {

	/** A resident for himself or someone near him, a grid worker or the community on a resident's behalf. */
	public static final Set<Role> POSTERS = EnumSet.of(Role.RESIDENT, Role.GRID_WORKER, Role.COMMUNITY_STAFF);

	/** 社区派单: the community (and the levels above it, which may stand in for it) vets and dispatches. */
	public static final Set<Role> VETTERS = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.SYSTEM_ADMIN);

	/**
	 * 党员接单: party members — the wishes of the scope their account is bound to and, for an in-service member, of the
	 * community of his dual registration in the party register (see {@code WishReach}) — and partner units'
	 * liaisons. Volunteers take through their team, recorded by the community.
	 */
	public static final Set<Role> TAKERS = EnumSet.of(Role.PARTY_MEMBER, Role.PARTNER_LIAISON);

	/** Those who read the whole of a scope's wishes with personal details. */
	public static final Set<Role> DESK = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.SYSTEM_ADMIN, Role.GRID_WORKER);

	private WishRoles() {
	}

	/** 我的心愿: a resident's own wishes. */
	public static boolean hasOwnWishes(Actor actor) {
		return actor.has(Role.RESIDENT);
	}

	public static boolean mayPost(Actor actor) {
		return actor.hasAny(POSTERS);
	}

	public static boolean mayVet(Actor actor) {
		return actor.hasAny(VETTERS);
	}

	public static boolean mayTake(Actor actor) {
		return actor.hasAny(TAKERS);
	}

	public static boolean usesDesk(Actor actor) {
		return actor.hasAny(DESK);
	}
}
