package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

/** Every step of a deliberation meeting from every state, and the meeting's own steps, without Spring. */
class DeliberationMeetingLifecycleTests {

	private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

	@Test
	void aScheduledMeetingTakesEveryStepAndAnEndedOneNone() {
		for (DeliberationMeetingAction action : EnumSet.complementOf(EnumSet.of(DeliberationMeetingAction.SCHEDULE))) {
			assertThat(DeliberationMeetingLifecycle.TABLE.allows(DeliberationMeetingState.SCHEDULED, action)).as("%s", action).isTrue();
			for (DeliberationMeetingState ended : EnumSet.of(DeliberationMeetingState.HELD, DeliberationMeetingState.CANCELLED)) {
				DomainException refused = catchThrowableOfType(DomainException.class,
						() -> DeliberationMeetingLifecycle.TABLE.require(ended, action));
				assertThat(refused.code()).isEqualTo("ILLEGAL_TRANSITION");
				assertThat(refused.args()).containsExactly(ended.name(), action.name());
			}
		}
		assertThat(DeliberationMeetingLifecycle.TABLE.next(DeliberationMeetingState.SCHEDULED, DeliberationMeetingAction.HOLD)).isEqualTo(DeliberationMeetingState.HELD);
		assertThat(DeliberationMeetingLifecycle.TABLE.next(DeliberationMeetingState.SCHEDULED, DeliberationMeetingAction.CANCEL))
			.isEqualTo(DeliberationMeetingState.CANCELLED);
	}

	@Test
	void residentsOnlySignInTheDeskDoesTheRest() {
		assertThat(DeliberationMeetingLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), DeliberationMeetingAction.SIGN_IN)).isTrue();
		assertThat(DeliberationMeetingLifecycle.TABLE.mayTake(Set.of(Role.RESIDENT), DeliberationMeetingAction.HOLD)).isFalse();
		assertThat(DeliberationMeetingLifecycle.TABLE.mayTake(Set.of(Role.COMMUNITY_STAFF), DeliberationMeetingAction.HOLD)).isTrue();
		assertThat(DeliberationMeetingLifecycle.TABLE.mayTake(Set.of(Role.GRID_WORKER), DeliberationMeetingAction.ADD_TO_AGENDA)).isFalse();
	}

	@Test
	void aHeldMeetingKeepsItsMinutesAndTakesNoMoreAttendees() {
		DeliberationMeeting meeting = DeliberationMeeting.schedule(UUID.randomUUID(), null, MeetingFormat.COURTYARD,
				TopicTests.raised().place(), "生命通道院坝会", "长生雅苑中心院坝", NOW, "123456", UUID.randomUUID(), "社区",
				NOW);
		assertThat(meeting.state()).isEqualTo(DeliberationMeetingState.SCHEDULED);
		meeting.hold("  到会 46 人，一致同意清理消防通道，每周巡查  ", UUID.randomUUID(), "社区", NOW);
		assertThat(meeting.state()).isEqualTo(DeliberationMeetingState.HELD);
		assertThat(meeting.minutes()).isEqualTo("到会 46 人，一致同意清理消防通道，每周巡查");
		assertThat(meeting.events()).extracting(DeliberationMeetingEvent::action)
			.containsExactly(DeliberationMeetingAction.SCHEDULE, DeliberationMeetingAction.HOLD);
		DomainException late = catchThrowableOfType(DomainException.class,
				() -> meeting.told(DeliberationMeetingAction.SIGN_IN, null, null, NOW, null));
		assertThat(late.code()).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void theMonthlyFormatsAreTheTalkOnTheFourthAndTheRepresentatives() {
		assertThat(MeetingFormat.FOURTH_DAY_TALK.monthly()).isTrue();
		assertThat(MeetingFormat.FOURTH_DAY_TALK.defaultDay()).isEqualTo(4);
		assertThat(MeetingFormat.FOURTH_DAY_TALK.estateLevel()).isTrue();
		assertThat(MeetingFormat.REPRESENTATIVES.monthly()).isTrue();
		assertThat(MeetingFormat.COURTYARD.monthly()).isFalse();
	}
}
