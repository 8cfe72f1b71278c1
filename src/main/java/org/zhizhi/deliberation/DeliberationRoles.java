package org.zhizhi.deliberation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/** Who does what in deliberation, by role; the relations (his household, his topic) are {@link TopicPolicy}'s. */
public final class DeliberationRoles {

	/** Households act through their residents' accounts: co-sign, vote, rate. */
	static final Set<Role> HOUSEHOLDS = Collections.unmodifiableSet(EnumSet.of(Role.RESIDENT));

	/** The desk that runs deliberation: puts topics on the agenda, opens and closes votes, enters paper ballots. */
	public static final Set<Role> DESK = Collections.unmodifiableSet(EnumSet.of(Role.COMMUNITY_STAFF,
			Role.STREET_STAFF));

	/** Who may raise a topic: residents, and the grid worker, member or desk relaying one. */
	static final Set<Role> RAISERS = Collections.unmodifiableSet(EnumSet.of(Role.RESIDENT, Role.GRID_WORKER,
			Role.PARTY_MEMBER, Role.COMMUNITY_STAFF, Role.STREET_STAFF));

	/** Who may read topics of his scope (residents read those of their home). */
	public static final Set<Role> READERS = Collections.unmodifiableSet(EnumSet.of(Role.RESIDENT, Role.GRID_WORKER,
			Role.PARTY_MEMBER, Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN));

	/** Who may carry out a task of a decision: the desk, grid workers, members, units' liaisons, property staff. */
	static final Set<Role> TASK_OWNERS = Collections.unmodifiableSet(EnumSet.of(Role.COMMUNITY_STAFF,
			Role.STREET_STAFF, Role.GRID_WORKER, Role.PARTY_MEMBER, Role.PARTNER_LIAISON, Role.PROPERTY_STAFF));

	private DeliberationRoles() {
	}

	/** The desk's list of topics ({@code /topics}): the readers who are not residents (those use the phone's). */
	public static boolean readsTopicsAtDesk(Actor actor) {
		return actor.hasAny(READERS) && !actor.has(Role.RESIDENT);
	}

	/** The phone's topics of one's home ({@code /m/topics}) and signing in at a meeting: the households. */
	public static boolean takesPartAsHousehold(Actor actor) {
		return actor.hasAny(HOUSEHOLDS);
	}

	/** The representatives' meetings ({@code /deliberation-meetings}): the desk and the district above it. */
	public static boolean followsMeetings(Actor actor) {
		return actor.hasAny(DESK) || actor.has(Role.DISTRICT_ADMIN);
	}

	static Set<Role> union(Set<Role> a, Set<Role> b) {
		Set<Role> all = EnumSet.noneOf(Role.class);
		all.addAll(a);
		all.addAll(b);
		return all;
	}
}
