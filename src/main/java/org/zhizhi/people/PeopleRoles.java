package org.zhizhi.people;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/**
 * Who may touch resident data: the governance roles read it masked; the staff of a scope record it and may show it in
 * full. None of the three administrators (三员) reads it: the security admin and the auditor are not among the
 * business roles, and the system admin, who runs the platform and opens business accounts, has no need to know who
 * lives where.
 */
public final class PeopleRoles {

	public static final Set<Role> READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_STAFF, Role.COMMUNITY_STAFF,
			Role.GRID_WORKER, Role.PARTY_MEMBER);

	public static final Set<Role> WRITERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_STAFF, Role.COMMUNITY_STAFF,
			Role.GRID_WORKER);

	public static final Set<Role> FULL_VIEWERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_STAFF,
			Role.COMMUNITY_STAFF, Role.GRID_WORKER);

	static {
		// resident data is business data: the separated security admin and auditor stay out by construction
		READERS.retainAll(Role.BUSINESS);
		WRITERS.retainAll(Role.BUSINESS);
		FULL_VIEWERS.retainAll(Role.BUSINESS);
	}

	private PeopleRoles() {
	}

	public static boolean mayRead(Actor actor) {
		return actor != null && actor.hasAny(READERS);
	}

	public static boolean mayWrite(Actor actor) {
		return actor != null && actor.hasAny(WRITERS);
	}

	public static boolean mayViewFull(Actor actor) {
		return actor != null && actor.hasAny(FULL_VIEWERS);
	}

	static void requireRead(Actor actor) {
		if (!mayRead(actor)) {
			throw forbidden();
		}
	}

	static void requireWrite(Actor actor) {
		if (!mayWrite(actor)) {
			throw forbidden();
		}
	}

	static void requireFullView(Actor actor) {
		if (!mayViewFull(actor)) {
			throw forbidden();
		}
	}

	private static DomainException forbidden() {
		return new DomainException(DomainException.Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
	}
}
