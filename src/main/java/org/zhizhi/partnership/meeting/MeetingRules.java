package org.zhizhi.partnership.meeting;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Role;

/**
 * Who works with joint meetings and activities: the staff who organise them — of the community, and above it those
 * who oversee several communities — and, reading only, a partner unit's liaison: the meetings his unit is invited
 * to, their agenda and minutes, and his unit's decisions ({@link MeetingQueries}). Everyone else is refused
 * outright; the scope then narrows what staff see.
 */
public final class MeetingRules {

	static final Set<Role> STAFF = EnumSet.of(Role.SYSTEM_ADMIN, Role.DISTRICT_ADMIN, Role.STREET_STAFF,
			Role.COMMUNITY_STAFF);

	private MeetingRules() {
	}

	/** Whether the meetings' pages open for the actor at all (the navigation asks this). */
	public static boolean mayUse(Actor actor) {
		return isStaff(actor) || actor != null && actor.has(Role.PARTNER_LIAISON);
	}

	/** The organisers: every meeting of their scope, its year, its tasks and every step. */
	public static boolean isStaff(Actor actor) {
		return actor != null && actor.hasAny(STAFF);
	}

	static void requireStaff(Actor actor) {
		if (!isStaff(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}
