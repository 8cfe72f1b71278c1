package org.zhizhi.volunteer;

import static org.zhizhi.volunteer.ParticipationState.ABSENT;
import static org.zhizhi.volunteer.ParticipationState.APPROVED;
import static org.zhizhi.volunteer.ParticipationState.CANCELLED;
import static org.zhizhi.volunteer.ParticipationState.CHECKED_IN;
import static org.zhizhi.volunteer.ParticipationState.CHECKED_OUT;
import static org.zhizhi.volunteer.ParticipationState.SIGNED_UP;
import static org.zhizhi.volunteer.ParticipationState.WAITING;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * SIGNED_UP or WAITING → CANCELLED; WAITING → SIGNED_UP when a place frees; SIGNED_UP → CHECKED_IN → CHECKED_OUT →
 * APPROVED (locked; CORRECT keeps it approved with corrected minutes); SIGNED_UP → ABSENT. {@link Participation} asks
 * it before every step and {@link ParticipationPolicy} before offering one.
 */
public final class ParticipationLifecycle {

	/** Whoever volunteers: residents, party members, grid workers. */
	public static final Set<Role> VOLUNTEERS = EnumSet.of(Role.RESIDENT, Role.PARTY_MEMBER, Role.GRID_WORKER);

	/** Whoever organises: the desk, and the team leader or organiser as whatever role he has (the policy says). */
	static final Set<Role> ORGANISERS = EnumSet.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_ADMIN,
			Role.RESIDENT, Role.PARTY_MEMBER, Role.GRID_WORKER);

	public static final Lifecycle<ParticipationState, ParticipationAction> TABLE = Lifecycle
		.of(ParticipationState.class, ParticipationAction.class, "volunteer.illegalTransition")
		.step(ParticipationAction.CANCEL, EnumSet.of(SIGNED_UP, WAITING), CANCELLED, VOLUNTEERS)
		.step(ParticipationAction.PROMOTE, EnumSet.of(WAITING), SIGNED_UP, Set.of())
		.step(ParticipationAction.CHECK_IN, EnumSet.of(SIGNED_UP), CHECKED_IN, VOLUNTEERS)
		.step(ParticipationAction.CHECK_OUT, EnumSet.of(CHECKED_IN), CHECKED_OUT, VOLUNTEERS)
		.step(ParticipationAction.APPROVE, EnumSet.of(CHECKED_OUT), APPROVED, ORGANISERS)
		.step(ParticipationAction.MARK_ABSENT, EnumSet.of(SIGNED_UP), ABSENT, ORGANISERS)
		.stay(ParticipationAction.CORRECT, EnumSet.of(APPROVED), ORGANISERS)
		.build();

	private ParticipationLifecycle() {
	}
}
