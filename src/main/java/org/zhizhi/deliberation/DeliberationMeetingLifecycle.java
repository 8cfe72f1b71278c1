package org.zhizhi.deliberation;

import static org.zhizhi.deliberation.DeliberationRoles.DESK;
import static org.zhizhi.deliberation.DeliberationRoles.HOUSEHOLDS;
import static org.zhizhi.deliberation.DeliberationRoles.union;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;

/**
 * A deliberation meeting's life cycle as a table: SCHEDULED (the agenda is built, attendees sign in — by the meeting
 * code on their phones or ticked by the desk) → HELD with its minutes, or CANCELLED. {@link DeliberationMeeting} asks
 * it before every step.
 */
public final class DeliberationMeetingLifecycle {

	public static final Lifecycle<DeliberationMeetingState, DeliberationMeetingAction> TABLE = Lifecycle
		.of(DeliberationMeetingState.class, DeliberationMeetingAction.class, "deliberation.meeting.illegalTransition")
		.stay(DeliberationMeetingAction.RESCHEDULE, EnumSet.of(DeliberationMeetingState.SCHEDULED), DESK)
		.stay(DeliberationMeetingAction.ADD_TO_AGENDA, EnumSet.of(DeliberationMeetingState.SCHEDULED), DESK)
		.stay(DeliberationMeetingAction.SIGN_IN, EnumSet.of(DeliberationMeetingState.SCHEDULED), union(HOUSEHOLDS, DESK))
		.step(DeliberationMeetingAction.HOLD, EnumSet.of(DeliberationMeetingState.SCHEDULED), DeliberationMeetingState.HELD, DESK)
		.step(DeliberationMeetingAction.CANCEL, EnumSet.of(DeliberationMeetingState.SCHEDULED), DeliberationMeetingState.CANCELLED, DESK)
		.build();

	private DeliberationMeetingLifecycle() {
	}
}
