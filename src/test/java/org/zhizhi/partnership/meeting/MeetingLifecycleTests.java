package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhizhi.shared.DomainException;

class MeetingLifecycleTests {

	@Test
	void aPlannedMeetingIsHeldThenMinuted() {
		MeetingState held = MeetingLifecycle.next(MeetingState.PLANNED, MeetingAction.HOLD);
		assertThat(held).isEqualTo(MeetingState.HELD);
		assertThat(MeetingLifecycle.next(held, MeetingAction.MINUTE)).isEqualTo(MeetingState.MINUTED);
	}

	@Test
	void aPlannedMeetingCanBeCancelledOrMovedButNotDecidedOrMinuted() {
		assertThat(MeetingLifecycle.next(MeetingState.PLANNED, MeetingAction.CANCEL)).isEqualTo(MeetingState.CANCELLED);
		assertThat(MeetingLifecycle.next(MeetingState.PLANNED, MeetingAction.RESCHEDULE)).isEqualTo(MeetingState.PLANNED);
		assertRefused(MeetingState.PLANNED, MeetingAction.DECIDE);
		assertRefused(MeetingState.PLANNED, MeetingAction.MINUTE);
	}

	@Test
	void aHeldMeetingTakesDecisionsAttendanceAndAgendaButCannotBeCancelledMovedOrHeldAgain() {
		for (MeetingAction action : EnumSet.of(MeetingAction.DECIDE, MeetingAction.RECORD_ATTENDANCE,
				MeetingAction.EDIT_AGENDA)) {
			assertThat(MeetingLifecycle.next(MeetingState.HELD, action)).isEqualTo(MeetingState.HELD);
		}
		assertRefused(MeetingState.HELD, MeetingAction.CANCEL);
		assertRefused(MeetingState.HELD, MeetingAction.RESCHEDULE);
		assertRefused(MeetingState.HELD, MeetingAction.HOLD);
	}

	@ParameterizedTest
	@EnumSource(value = MeetingState.class, names = { "MINUTED", "CANCELLED" })
	void minutedAndCancelledMeetingsAreFinal(MeetingState state) {
		for (MeetingAction action : MeetingAction.values()) {
			assertRefused(state, action);
			assertThat(MeetingLifecycle.allows(state, action)).isFalse();
		}
	}

	@Test
	void scheduleIsNoStepOfAnExistingMeeting() {
		for (MeetingState state : MeetingState.values()) {
			assertRefused(state, MeetingAction.SCHEDULE);
		}
	}

	@Test
	void allowsAgreesWithNextForEveryPair() {
		Set<String> allowed = new java.util.TreeSet<>();
		for (MeetingState state : MeetingState.values()) {
			for (MeetingAction action : MeetingAction.values()) {
				boolean ok;
				try {
					MeetingLifecycle.next(state, action);
					ok = true;
				}
				catch (DomainException e) {
					ok = false;
				}
				assertThat(MeetingLifecycle.allows(state, action)).as("%s %s", state, action).isEqualTo(ok);
				if (ok) {
					allowed.add(state + " " + action);
				}
			}
		}
		assertThat(allowed).containsExactly("HELD DECIDE", "HELD EDIT_AGENDA", "HELD MINUTE", "HELD RECORD_ATTENDANCE",
				"PLANNED CANCEL", "PLANNED EDIT_AGENDA", "PLANNED HOLD", "PLANNED RECORD_ATTENDANCE",
				"PLANNED RESCHEDULE");
	}

	private static void assertRefused(MeetingState state, MeetingAction action) {
		assertThatThrownBy(() -> MeetingLifecycle.next(state, action)).isInstanceOfSatisfying(DomainException.class,
				e -> {
					assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
					assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
					assertThat(e.args()).containsExactly(state.name(), action.name());
				});
	}
}
