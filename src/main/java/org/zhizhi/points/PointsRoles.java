package org.zhizhi.points;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/** Who does what with points. */
public final class PointsRoles {

	/** The desk of a scheme's scope: runs schemes and rules, vets claims, corrects the ledger, keeps sponsors. */
	public static final Set<Role> DESK = Collections.unmodifiableSet(EnumSet.of(Role.DISTRICT_ADMIN,
			Role.STREET_STAFF, Role.COMMUNITY_STAFF));

	/** Who may nominate someone for a deed: the desk, grid workers and (as building heads) party members. */
	public static final Set<Role> NOMINATORS = Collections.unmodifiableSet(EnumSet.of(Role.DISTRICT_ADMIN,
			Role.STREET_STAFF, Role.COMMUNITY_STAFF, Role.GRID_WORKER, Role.PARTY_MEMBER));

	/** Who earns and redeems for himself. */
	public static final Set<Role> EARNERS = Collections.unmodifiableSet(EnumSet.of(Role.RESIDENT, Role.PARTY_MEMBER,
			Role.GRID_WORKER));

	private PointsRoles() {
	}

	/** 积分管理 ({@code /points}). */
	public static boolean mayOpenDesk(Actor actor) {
		return actor.hasAny(DESK);
	}

	/** 我的积分 ({@code /m/points}). */
	public static boolean earns(Actor actor) {
		return actor.hasAny(EARNERS);
	}

	/** 积分兑换确认 ({@code /m/points/confirm}): a sponsor's liaison confirms a redemption by the person's code. */
	public static boolean confirmsRedemptions(Actor actor) {
		return actor.has(Role.PARTNER_LIAISON);
	}
}
