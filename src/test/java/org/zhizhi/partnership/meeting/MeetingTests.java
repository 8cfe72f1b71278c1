package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingCancelled;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingHeld;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingMinuted;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingRescheduled;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingScheduled;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.shared.DomainException;

/**
 * The joint meeting as an aggregate, without Spring: every step from every state either does what the lifecycle table
 * says (and registers its event) or is refused naming the state and the step; its own rules; and its view.
 */
class MeetingTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	private static final String PATH = "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/";

	@Test
	void schedulingPlansAMeetingAndTellsTheCommunity() {
		Meeting meeting = Meeting.schedule(UUID.randomUUID(), UUID.randomUUID(), PATH, MeetingKind.QUARTERLY, "季度会",
				NOW.plus(Duration.ofDays(10)), "会议室", UUID.randomUUID(), NOW);

		assertThat(meeting.state()).isEqualTo(MeetingState.PLANNED);
		assertThat(meeting.version()).isZero();
		assertThat(meeting.events()).singleElement().isInstanceOfSatisfying(MeetingScheduled.class,
				e -> assertThat(e.meeting().title()).isEqualTo("季度会"));
	}

	@Test
	void aPlannedMeetingIsMovedHeldAndMinutedRegisteringEachStep() {
		Meeting meeting = in(MeetingState.PLANNED);
		Instant later = NOW.plus(Duration.ofDays(3));

		meeting.reschedule(later, null, NOW);
		assertThat(meeting.view().scheduledAt()).isEqualTo(later);
		assertThat(meeting.view().place()).as("a place left out stays").isEqualTo("会议室");
		assertThat(meeting.moved()).isTrue();

		meeting.hold(NOW.minus(Duration.ofHours(1)), NOW);
		assertThat(meeting.state()).isEqualTo(MeetingState.HELD);
		assertThat(meeting.view().heldAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));

		meeting.minute("纪要", NOW);
		assertThat(meeting.state()).isEqualTo(MeetingState.MINUTED);
		assertThat(meeting.events()).hasExactlyElementsOfTypes(MeetingRescheduled.class, MeetingHeld.class,
				MeetingMinuted.class);
	}

	@Test
	void aMeetingIsNotHeldInTheFutureAndHeldNowWhenNoMomentIsGiven() {
		assertThatThrownBy(() -> in(MeetingState.PLANNED).hold(NOW.plusSeconds(60), NOW))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
						assertThat(p.field()).isEqualTo("heldAt");
						assertThat(p.messageKey()).isEqualTo("meeting.heldInFuture");
					}));
		Meeting now = in(MeetingState.PLANNED);
		now.hold(null, NOW);
		assertThat(now.view().heldAt()).isEqualTo(NOW);
	}

	@Test
	void aCancelledMeetingKeepsItsReason() {
		Meeting meeting = in(MeetingState.PLANNED);
		meeting.cancel("与防汛会议冲突", NOW);
		assertThat(meeting.state()).isEqualTo(MeetingState.CANCELLED);
		assertThat(meeting.view().cancelReason()).isEqualTo("与防汛会议冲突");
		assertThat(meeting.events()).singleElement().isInstanceOf(MeetingCancelled.class);
	}

	@Test
	void aDecisionIsDueNoEarlierThanTheDayTheMeetingWasHeldAndChangesNothingOfTheMeeting() {
		Meeting meeting = in(MeetingState.HELD);
		LocalDate heldOn = LocalDate.ofInstant(meeting.view().heldAt(), ZONE);

		assertThatThrownBy(() -> meeting.decide(UUID.randomUUID(), "认领项目", RefKind.UNIT, null, "木洞小学",
				heldOn.minusDays(1), UUID.randomUUID(), NOW, ZONE))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.fieldProblems()).extracting(p -> p.field()).containsExactly("dueOn"));
		DecisionTaken taken = meeting.decide(UUID.randomUUID(), "认领项目", RefKind.UNIT, null, "木洞小学", heldOn,
				UUID.randomUUID(), NOW, ZONE);

		assertThat(taken.meetingTitle()).isEqualTo(meeting.view().title());
		assertThat(taken.communityPath()).isEqualTo(PATH);
		assertThat(meeting.moved()).as("the decision is a row of its own").isFalse();
		assertThat(meeting.events()).containsExactly(taken);
	}

	@ParameterizedTest
	@EnumSource(MeetingState.class)
	void everyStepFromEveryStateIsTheTablesAnswer(MeetingState state) {
		for (MeetingAction action : MeetingAction.values()) {
			if (action == MeetingAction.SCHEDULE) {
				continue;
			}
			Meeting meeting = in(state);
			boolean allowed = MeetingLifecycle.TABLE.allows(state, action);
			Runnable step = switch (action) {
				case RESCHEDULE -> () -> meeting.reschedule(NOW.plusSeconds(3600), null, NOW);
				case CANCEL -> () -> meeting.cancel("理由", NOW);
				case HOLD -> () -> meeting.hold(null, NOW);
				case MINUTE -> () -> meeting.minute("纪要", NOW);
				case EDIT_AGENDA, RECORD_ATTENDANCE -> () -> meeting.prepare(action);
				case DECIDE -> () -> meeting.decide(UUID.randomUUID(), "事项", RefKind.UNIT, null, "单位",
						LocalDate.of(2030, 1, 1), UUID.randomUUID(), NOW, ZONE);
				case SCHEDULE -> throw new IllegalStateException();
			};
			if (allowed) {
				step.run();
				assertThat(meeting.state()).as("%s from %s", action, state)
					.isEqualTo(MeetingLifecycle.TABLE.next(state, action));
			}
			else {
				assertThatThrownBy(step::run).as("%s from %s", action, state)
					.isInstanceOfSatisfying(DomainException.class,
							e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
				assertThat(meeting.events()).as("nothing registered").isEmpty();
				assertThat(meeting.state()).isEqualTo(state);
			}
		}
	}

	private static Meeting in(MeetingState state) {
		boolean held = state == MeetingState.HELD || state == MeetingState.MINUTED;
		return Meeting.of(new JointMeeting(UUID.randomUUID(), UUID.randomUUID(), PATH, MeetingKind.QUARTERLY, "季度会",
				NOW.minus(Duration.ofDays(1)), "会议室", state, held ? NOW.minus(Duration.ofDays(1)) : null,
				state == MeetingState.MINUTED ? "纪要" : null, state == MeetingState.CANCELLED ? "理由" : null,
				UUID.randomUUID(), NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(9))), 4);
	}
}
