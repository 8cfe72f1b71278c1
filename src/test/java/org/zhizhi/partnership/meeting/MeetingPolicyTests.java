package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/**
 * Every action on a joint meeting in every state for every role, without Spring: the organising staff take the steps
 * the table allows from the state; nobody else takes any. SCHEDULE creates a meeting and is never offered on one.
 */
class MeetingPolicyTests {

	private static final Map<MeetingState, Set<MeetingAction>> STAFF_MAY = Map.of(
			MeetingState.PLANNED, EnumSet.of(MeetingAction.RESCHEDULE, MeetingAction.EDIT_AGENDA,
					MeetingAction.RECORD_ATTENDANCE, MeetingAction.HOLD, MeetingAction.CANCEL),
			MeetingState.HELD, EnumSet.of(MeetingAction.EDIT_AGENDA, MeetingAction.RECORD_ATTENDANCE,
					MeetingAction.DECIDE, MeetingAction.MINUTE),
			MeetingState.MINUTED, EnumSet.noneOf(MeetingAction.class),
			MeetingState.CANCELLED, EnumSet.noneOf(MeetingAction.class));

	@Test
	void everyRoleInEveryStateMayTakeExactlyItsSteps() {
		for (Role role : Role.values()) {
			Actor actor = new Actor(UUID.randomUUID(), "u", "某人", Set.of(role),
					new DataScope(UUID.randomUUID(), "/500113/"));
			boolean staff = MeetingRules.STAFF.contains(role);
			for (MeetingState state : MeetingState.values()) {
				assertThat(MeetingPolicy.allowedActions(actor, meeting(state))).as("%s, %s", role, state)
					.isEqualTo(staff ? STAFF_MAY.get(state) : EnumSet.noneOf(MeetingAction.class));
			}
		}
	}

	private static JointMeeting meeting(MeetingState state) {
		Instant at = Instant.parse("2026-03-01T02:00:00Z");
		return new JointMeeting(UUID.randomUUID(), UUID.randomUUID(), "/500113/108/003/", MeetingKind.values()[0],
				"季度协商议事会", at, "社区会议室", state, null, null, null, UUID.randomUUID(), at, at);
	}
}
