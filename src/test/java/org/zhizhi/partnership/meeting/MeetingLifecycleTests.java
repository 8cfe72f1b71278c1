package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.Role;

class MeetingLifecycleTests {

	@Test
	void aPlannedMeetingIsHeldThenMinuted() {
		MeetingState held = MeetingLifecycle.TABLE.next(MeetingState.PLANNED, MeetingAction.HOLD);
		assertThat(held).isEqualTo(MeetingState.HELD);
		assertThat(MeetingLifecycle.TABLE.next(held, MeetingAction.MINUTE)).isEqualTo(MeetingState.MINUTED);
	}

	@Test
	void aPlannedMeetingCanBeCancelledOrMovedButNotDecidedOrMinuted() {
		assertThat(MeetingLifecycle.TABLE.next(MeetingState.PLANNED, MeetingAction.CANCEL)).isEqualTo(MeetingState.CANCELLED);
		assertThat(MeetingLifecycle.TABLE.next(MeetingState.PLANNED, MeetingAction.RESCHEDULE)).isEqualTo(MeetingState.PLANNED);
		assertRefused(MeetingState.PLANNED, MeetingAction.DECIDE);
		assertRefused(MeetingState.PLANNED, MeetingAction.MINUTE);
	}

	@Test
	void aHeldMeetingTakesDecisionsAttendanceAndAgendaButCannotBeCancelledMovedOrHeldAgain() {
		for (MeetingAction action : EnumSet.of(MeetingAction.DECIDE, MeetingAction.RECORD_ATTENDANCE,
				MeetingAction.EDIT_AGENDA)) {
			assertThat(MeetingLifecycle.TABLE.next(MeetingState.HELD, action)).isEqualTo(MeetingState.HELD);
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
			assertThat(MeetingLifecycle.TABLE.allows(state, action)).isFalse();
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
					MeetingLifecycle.TABLE.next(state, action);
					ok = true;
				}
				catch (DomainException e) {
					ok = false;
				}
				assertThat(MeetingLifecycle.TABLE.allows(state, action)).as("%s %s", state, action).isEqualTo(ok);
				if (ok) {
					allowed.add(state + " " + action);
				}
			}
		}
		assertThat(allowed).containsExactly("HELD DECIDE", "HELD EDIT_AGENDA", "HELD MINUTE", "HELD RECORD_ATTENDANCE",
				"PLANNED CANCEL", "PLANNED EDIT_AGENDA", "PLANNED HOLD", "PLANNED RECORD_ATTENDANCE",
				"PLANNED RESCHEDULE");
	}

	/** Where each allowed action leads on the table (absent: it leaves the state as it is). */
	private static final Map<MeetingAction, MeetingState> TO = new EnumMap<>(Map.of(MeetingAction.HOLD,
			MeetingState.HELD, MeetingAction.MINUTE, MeetingState.MINUTED, MeetingAction.CANCEL,
			MeetingState.CANCELLED));

	private static final Map<MeetingAction, Set<MeetingState>> FROM = Map.of(
			MeetingAction.RESCHEDULE, EnumSet.of(MeetingState.PLANNED),
			MeetingAction.CANCEL, EnumSet.of(MeetingState.PLANNED),
			MeetingAction.HOLD, EnumSet.of(MeetingState.PLANNED),
			MeetingAction.EDIT_AGENDA, EnumSet.of(MeetingState.PLANNED, MeetingState.HELD),
			MeetingAction.RECORD_ATTENDANCE, EnumSet.of(MeetingState.PLANNED, MeetingState.HELD),
			MeetingAction.DECIDE, EnumSet.of(MeetingState.HELD),
			MeetingAction.MINUTE, EnumSet.of(MeetingState.HELD));

	@Test
	void everyActionFromEveryStateOfTheTableLeadsWhereItSaysOrIsRefusedNamingTheState() {
		assertThat(MeetingLifecycle.TABLE.actions()).isEqualTo(FROM.keySet());
		assertThat(MeetingLifecycle.TABLE.actions()).doesNotContain(MeetingAction.SCHEDULE);
		for (MeetingAction action : MeetingAction.values()) {
			for (MeetingState state : MeetingState.values()) {
				boolean allowed = FROM.getOrDefault(action, Set.of()).contains(state);
				assertThat(MeetingLifecycle.TABLE.allows(state, action)).as("%s from %s", action, state)
					.isEqualTo(allowed);
				if (allowed) {
					assertThat(MeetingLifecycle.TABLE.next(state, action)).as("%s from %s", action, state)
						.isEqualTo(TO.getOrDefault(action, state));
				}
				else {
					assertRefused(state, action);
				}
			}
		}
	}

	@Test
	void theOrganisingStaffTakeEveryStepAndNobodyElse() {
		for (MeetingAction action : MeetingLifecycle.TABLE.actions()) {
			for (Role role : Role.values()) {
				assertThat(MeetingLifecycle.TABLE.mayTake(Set.of(role), action)).as("%s %s", role, action)
					.isEqualTo(MeetingRules.STAFF.contains(role));
			}
		}
	}

	private static void assertRefused(MeetingState state, MeetingAction action) {
		assertThatThrownBy(() -> MeetingLifecycle.TABLE.next(state, action)).isInstanceOfSatisfying(DomainException.class,
				e -> {
					assertThat(e.category()).isEqualTo(DomainException.Category.CONFLICT);
					assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
					assertThat(e.messageKey()).isEqualTo("meeting.illegalTransition");
					assertThat(e.args()).containsExactly(state.name(), action.name());
				});
	}
}
