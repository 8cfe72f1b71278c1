package org.zhizhi.party;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Lifecycle;
import org.zhizhi.shared.Role;

/**
 * A branch meeting's life cycle as a table: SCHEDULED (members sign in on their phones, the secretary records who came
 * and who was absent and why) → HELD with its minutes (attendance may still be completed from the sign-in sheet), or
 * CANCELLED. {@link BranchMeeting} asks it before every step; {@link BranchMeetingPolicy} adds who the member is.
 */
public final class BranchMeetingLifecycle {

	/** The staff who keep a branch's organisational life: the party registry's writers. */
	static final Set<Role> DESK = PartyRules.WRITERS;

	public static final Lifecycle<MeetingState, MeetingAction> TABLE = Lifecycle
		.of(MeetingState.class, MeetingAction.class, "party.meeting.illegalTransition")
		.stay(MeetingAction.SIGN_IN, EnumSet.of(MeetingState.SCHEDULED), Set.of(Role.PARTY_MEMBER))
		.stay(MeetingAction.RECORD_ATTENDANCE, EnumSet.of(MeetingState.SCHEDULED, MeetingState.HELD), DESK)
		.step(MeetingAction.HOLD, EnumSet.of(MeetingState.SCHEDULED), MeetingState.HELD, DESK)
		.step(MeetingAction.CANCEL, EnumSet.of(MeetingState.SCHEDULED), MeetingState.CANCELLED, DESK)
		.build();

	private BranchMeetingLifecycle() {
	}
}
