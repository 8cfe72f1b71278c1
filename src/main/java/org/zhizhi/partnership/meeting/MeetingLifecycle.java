package org.zhizhi.partnership.meeting;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * The state machine of a joint meeting, free of persistence: PLANNED → HELD → MINUTED, or PLANNED → CANCELLED.
 * A planned meeting may be moved and its agenda and invitations prepared; a held one gets its attendance, decisions and
 * agenda completed until the minutes close it. Minuted and cancelled meetings are final: what was decided stays as it
 * was recorded (its tasks are still marked done, which is no step of the meeting).
 */
public final class MeetingLifecycle {

	private static final Map<MeetingAction, Set<MeetingState>> ALLOWED_FROM = Map.of(
			MeetingAction.RESCHEDULE, EnumSet.of(MeetingState.PLANNED),
			MeetingAction.CANCEL, EnumSet.of(MeetingState.PLANNED),
			MeetingAction.HOLD, EnumSet.of(MeetingState.PLANNED),
			MeetingAction.EDIT_AGENDA, EnumSet.of(MeetingState.PLANNED, MeetingState.HELD),
			MeetingAction.RECORD_ATTENDANCE, EnumSet.of(MeetingState.PLANNED, MeetingState.HELD),
			MeetingAction.DECIDE, EnumSet.of(MeetingState.HELD),
			MeetingAction.MINUTE, EnumSet.of(MeetingState.HELD));

	private MeetingLifecycle() {
	}

	/** The state after the action, or the refusal naming the current state. */
	public static MeetingState next(MeetingState current, MeetingAction action) {
		if (action == MeetingAction.SCHEDULE) {
			throw illegal(current, action);
		}
		if (!ALLOWED_FROM.get(action).contains(current)) {
			throw illegal(current, action);
		}
		return switch (action) {
			case HOLD -> MeetingState.HELD;
			case MINUTE -> MeetingState.MINUTED;
			case CANCEL -> MeetingState.CANCELLED;
			default -> current;
		};
	}

	/** Whether the action may be taken in the state (the pages offer only those). */
	public static boolean allows(MeetingState current, MeetingAction action) {
		Set<MeetingState> from = ALLOWED_FROM.get(action);
		return from != null && from.contains(current);
	}

	/** The refusal of a step from the wrong state: 409 {@code ILLEGAL_TRANSITION} naming the state. */
	public static DomainException illegal(MeetingState current, MeetingAction action) {
		return new DomainException(Category.CONFLICT, "ILLEGAL_TRANSITION", "meeting.illegalTransition",
				current.name(), action.name());
	}
}
