package org.zhizhi.party;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * Who may take which step of a branch meeting: the table's roles, and for a member's own sign-in that he is a member
 * of the organisation (or of a group below it) whose meeting it is. The API, the desk and the phone show exactly these.
 */
public final class BranchMeetingPolicy {

	private BranchMeetingPolicy() {
	}

	/** {@code attendee}: the actor is an active member of the meeting's organisation or one below it. */
	public static Set<MeetingAction> allowedActions(Actor actor, BranchMeeting meeting, boolean attendee) {
		Set<MeetingAction> allowed = EnumSet.noneOf(MeetingAction.class);
		for (MeetingAction action : BranchMeetingLifecycle.TABLE.actionsFrom(meeting.state())) {
			if (refusal(actor, action, attendee) == null) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	/** Why the actor may not take the step whatever the state, or null. */
	static DomainException refusal(Actor actor, MeetingAction action, boolean attendee) {
		if (!BranchMeetingLifecycle.TABLE.mayTake(actor.roles(), action)) {
			return new DomainException(Category.FORBIDDEN, "ROLE_NOT_ALLOWED", "party.meeting.roleNotAllowed");
		}
		if (action == MeetingAction.SIGN_IN && !attendee) {
			return new DomainException(Category.FORBIDDEN, "NOT_AN_ATTENDEE", "party.meeting.notAnAttendee");
		}
		return null;
	}

	static void require(Actor actor, MeetingAction action, boolean attendee) {
		DomainException refused = refusal(actor, action, attendee);
		if (refused != null) {
			throw refused;
		}
	}
}
