package org.zhizhi.partnership.meeting;

import static org.zhizhi.partnership.meeting.MeetingState.CANCELLED;
import static org.zhizhi.partnership.meeting.MeetingState.HELD;
import static org.zhizhi.partnership.meeting.MeetingState.MINUTED;
import static org.zhizhi.partnership.meeting.MeetingState.PLANNED;

import java.util.EnumSet;

import org.zhizhi.shared.Lifecycle;

/**
 * The joint meeting's life cycle as a table ({@link Lifecycle}): PLANNED → HELD → MINUTED, or PLANNED → CANCELLED.
 * A planned meeting may be moved and its agenda and invitations prepared; a held one gets its attendance, decisions and
 * agenda completed until the minutes close it. Minuted and cancelled meetings are final: what was decided stays as it
 * was recorded (its tasks are still marked done, which is no step of the meeting). SCHEDULE is no row: it creates the
 * meeting. The organising staff ({@link MeetingRules}) take every step; the scope narrows which meetings they reach.
 */
public final class MeetingLifecycle {

	public static final Lifecycle<MeetingState, MeetingAction> TABLE = Lifecycle
		.of(MeetingState.class, MeetingAction.class, "meeting.illegalTransition")
		.stay(MeetingAction.RESCHEDULE, EnumSet.of(PLANNED), MeetingRules.STAFF)
		.stay(MeetingAction.EDIT_AGENDA, EnumSet.of(PLANNED, HELD), MeetingRules.STAFF)
		.stay(MeetingAction.RECORD_ATTENDANCE, EnumSet.of(PLANNED, HELD), MeetingRules.STAFF)
		.step(MeetingAction.HOLD, EnumSet.of(PLANNED), HELD, MeetingRules.STAFF)
		.stay(MeetingAction.DECIDE, EnumSet.of(HELD), MeetingRules.STAFF)
		.step(MeetingAction.MINUTE, EnumSet.of(HELD), MINUTED, MeetingRules.STAFF)
		.step(MeetingAction.CANCEL, EnumSet.of(PLANNED), CANCELLED, MeetingRules.STAFF)
		.build();

	private MeetingLifecycle() {
	}
}
