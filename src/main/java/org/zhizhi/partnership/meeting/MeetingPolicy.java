package org.zhizhi.partnership.meeting;

import java.util.EnumSet;
import java.util.Set;

import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.shared.Actor;

/**
 * The one answer to "what may this person do with this joint meeting now": the steps {@link MeetingLifecycle} allows
 * from its state to his roles. The organising staff are the only relation a meeting has, and the scope it was read in
 * is theirs; the desk offers exactly {@link #allowedActions}, the commands ({@link JointMeetings}) refuse the same.
 */
public final class MeetingPolicy {

	private MeetingPolicy() {
	}

	public static Set<MeetingAction> allowedActions(Actor actor, JointMeeting meeting) {
		Set<MeetingAction> actions = EnumSet.noneOf(MeetingAction.class);
		for (MeetingAction action : MeetingLifecycle.TABLE.actionsFrom(meeting.state())) {
			if (MeetingLifecycle.TABLE.mayTake(actor.roles(), action)) {
				actions.add(action);
			}
		}
		return actions;
	}
}
