package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.party.BranchMeetingEvent.MeetingHeld;
import org.zhizhi.party.BranchMeetingEvent.MemberAttended;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** A branch meeting's table walked action by action from every state, its sign-in window, and its policy, without Spring. */
class BranchMeetingLifecycleTests {

	private static final Instant START = Instant.parse("2026-06-10T01:00:00Z");

	private static final Map<MeetingAction, Set<MeetingState>> ALLOWED = Map.of(
			MeetingAction.SIGN_IN, Set.of(MeetingState.SCHEDULED),
			MeetingAction.RECORD_ATTENDANCE, Set.of(MeetingState.SCHEDULED, MeetingState.HELD),
			MeetingAction.HOLD, Set.of(MeetingState.SCHEDULED),
			MeetingAction.CANCEL, Set.of(MeetingState.SCHEDULED));

	private static BranchMeeting in(MeetingState state) {
		return new BranchMeeting(UUID.randomUUID(), UUID.randomUUID(), "攀钢家属区第1网格党支部", MeetingKind.THEME_DAY,
				"学习贯彻党的二十届三中全会精神", "社区党群服务中心", START, state,
				state == MeetingState.HELD ? "记录" : null, state == MeetingState.HELD ? START : null,
				state == MeetingState.CANCELLED ? "暴雨" : null, 3);
	}

	private static Actor actor(Role role) {
		return new Actor(UUID.randomUUID(), "u", "u", Set.of(role), new DataScope(UUID.randomUUID(), "/a/"));
	}

	@Test
	void everyActionIsAllowedFromExactlyItsStates() {
		for (MeetingAction action : MeetingAction.values()) {
			for (MeetingState state : MeetingState.values()) {
				assertThat(BranchMeetingLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state)
					.isEqualTo(ALLOWED.get(action).contains(state));
			}
		}
	}

	@Test
	void holdingAndCancellingLeadToTheirStatesAndRegisterTheirEvents() {
		Instant during = START.plusSeconds(3600);
		BranchMeeting held = in(MeetingState.SCHEDULED);
		held.hold("  会议传达学习了文件精神，讨论了小区停车整治方案。 ", UUID.randomUUID(), during);
		assertThat(held.state()).isEqualTo(MeetingState.HELD);
		assertThat(held.minutes()).isEqualTo("会议传达学习了文件精神，讨论了小区停车整治方案。");
		assertThat(held.events()).singleElement().isInstanceOf(MeetingHeld.class);

		BranchMeeting cancelled = in(MeetingState.SCHEDULED);
		cancelled.cancel("暴雨红色预警", UUID.randomUUID(), during);
		assertThat(cancelled.state()).isEqualTo(MeetingState.CANCELLED);
		for (MeetingState state : Set.of(MeetingState.HELD, MeetingState.CANCELLED)) {
			assertThatThrownBy(() -> in(state).hold("会议记录会议记录会议记录", UUID.randomUUID(), during))
				.isInstanceOfSatisfying(DomainException.class,
						e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
			assertThatThrownBy(() -> in(state).cancel("原因", UUID.randomUUID(), during))
				.isInstanceOf(DomainException.class);
		}
	}

	@Test
	void aMeetingIsNotHeldBeforeItStarts() {
		assertThatThrownBy(() -> in(MeetingState.SCHEDULED).hold("会议记录会议记录会议记录", UUID.randomUUID(),
				START.minusSeconds(60)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("MEETING_NOT_STARTED"));
	}

	@Test
	void aMemberSignsInFromAnHourBeforeTheStartToFourHoursAfter() {
		BranchMeeting meeting = in(MeetingState.SCHEDULED);
		meeting.checkAttendance(true, START.minusSeconds(3600));
		meeting.checkAttendance(true, START.plusSeconds(4 * 3600));
		assertThatThrownBy(() -> meeting.checkAttendance(true, START.minusSeconds(3601)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("SIGN_IN_CLOSED"));
		assertThatThrownBy(() -> meeting.checkAttendance(true, START.plusSeconds(4 * 3600 + 1)))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("SIGN_IN_CLOSED"));
		// the secretary completes the sheet from paper whenever, and after the meeting was held
		meeting.checkAttendance(false, START.plusSeconds(86_400));
		in(MeetingState.HELD).checkAttendance(false, START.plusSeconds(86_400));

		meeting.attended(UUID.randomUUID(), UUID.randomUUID(), true, START);
		assertThat(meeting.events()).singleElement().isInstanceOf(MemberAttended.class);
	}

	@Test
	void thePolicyOffersAMembersSignInOnlyToMembersOfTheOrganisation() {
		BranchMeeting meeting = in(MeetingState.SCHEDULED);
		assertThat(BranchMeetingPolicy.allowedActions(actor(Role.PARTY_MEMBER), meeting, true))
			.containsExactly(MeetingAction.SIGN_IN);
		assertThat(BranchMeetingPolicy.allowedActions(actor(Role.PARTY_MEMBER), meeting, false)).isEmpty();
		assertThat(BranchMeetingPolicy.allowedActions(actor(Role.COMMUNITY_STAFF), meeting, false))
			.containsExactlyInAnyOrder(MeetingAction.RECORD_ATTENDANCE, MeetingAction.HOLD, MeetingAction.CANCEL);
		assertThat(BranchMeetingPolicy.allowedActions(actor(Role.COMMUNITY_STAFF), in(MeetingState.HELD), false))
			.containsExactly(MeetingAction.RECORD_ATTENDANCE);
		assertThat(BranchMeetingPolicy.allowedActions(actor(Role.RESIDENT), meeting, false)).isEmpty();
		assertThat(BranchMeetingPolicy.allowedActions(actor(Role.GRID_WORKER), in(MeetingState.CANCELLED), false))
			.isEmpty();
	}
}
