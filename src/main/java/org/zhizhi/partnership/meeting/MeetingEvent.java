package org.zhizhi.partnership.meeting;

import java.util.UUID;

/**
 * What a joint meeting's steps tell the module, past tense, registered by {@link Meeting} and published by
 * {@code JdbcMeetings.save} once the step is saved: {@link MeetingNotices} tells the staff and the invited, and
 * {@code DecisionProjects} turns a decision into a project — in the step's transaction.
 */
public sealed interface MeetingEvent
		permits MeetingEvent.MeetingScheduled, MeetingEvent.MeetingRescheduled, MeetingEvent.MeetingCancelled,
		MeetingEvent.MeetingHeld, MeetingEvent.MeetingMinuted, DecisionTaken {

	UUID meetingId();

	/** A meeting was planned; {@code meeting} is as it now stands. */
	record MeetingScheduled(MeetingViews.JointMeeting meeting) implements MeetingEvent {

		@Override
		public UUID meetingId() {
			return meeting.id();
		}
	}

	/** A planned meeting was moved (time and/or place). */
	record MeetingRescheduled(MeetingViews.JointMeeting meeting) implements MeetingEvent {

		@Override
		public UUID meetingId() {
			return meeting.id();
		}
	}

	record MeetingCancelled(MeetingViews.JointMeeting meeting) implements MeetingEvent {

		@Override
		public UUID meetingId() {
			return meeting.id();
		}
	}

	record MeetingHeld(MeetingViews.JointMeeting meeting) implements MeetingEvent {

		@Override
		public UUID meetingId() {
			return meeting.id();
		}
	}

	record MeetingMinuted(MeetingViews.JointMeeting meeting) implements MeetingEvent {

		@Override
		public UUID meetingId() {
			return meeting.id();
		}
	}
}
