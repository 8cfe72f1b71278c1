package org.zhizhi.partnership.meeting;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.Role;

/**
 * Who works with joint meetings and activities: the staff who organise them — of the community, and above it those
 * who oversee several communities. Everyone else is refused outright; the scope then narrows what staff see.
 */
public final class MeetingRules {

	static final Set<Role> STAFF = EnumSet.of(Role.SYSTEM_ADMIN, Role.DISTRICT_ADMIN, Role.STREET_STAFF,
			Role.COMMUNITY_STAFF);

	private MeetingRules() {
	}

	/** Used by the navigation: {@code T(org.zhizhi.partnership.meeting.MeetingRules).mayUse(actor)}. */
	public static boolean mayUse(Actor actor) {
		return actor != null && actor.hasAny(STAFF);
	}

	static void requireStaff(Actor actor) {
		if (!mayUse(actor)) {
			throw new DomainException(Category.FORBIDDEN, "FORBIDDEN", "problem.forbidden");
		}
	}
}
