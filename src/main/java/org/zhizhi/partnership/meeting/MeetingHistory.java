package org.zhizhi.partnership.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.partnership.meeting.MeetingCommands.AddAgendaItem;
import org.zhizhi.partnership.meeting.MeetingCommands.Cancel;
import org.zhizhi.partnership.meeting.MeetingCommands.Hold;
import org.zhizhi.partnership.meeting.MeetingCommands.Minute;
import org.zhizhi.partnership.meeting.MeetingCommands.RecordAttendance;
import org.zhizhi.partnership.meeting.MeetingCommands.ScheduleMeeting;
import org.zhizhi.partnership.meeting.MeetingCommands.TakeDecision;
import org.zhizhi.partnership.meeting.MeetingViews.MeetingDetail;
import org.zhizhi.shared.Actor;

/**
 * Joint meetings written as they happened (the demo's year, a community's paper records brought in): the same steps
 * as the live commands — {@link JointMeetings}' checks, {@link Meeting}'s methods, the same rows and events — each at
 * the moment it happened, so no step is written twice and a February meeting's minutes read February, not the day
 * they were loaded. {@code by} is the desk that kept the records. Only the past: a step dated after the clock's now is
 * refused, because what has not happened yet is scheduled live and stays planned.
 */
@Service
@Transactional
public class MeetingHistory {

	private final JointMeetings meetings;

	private final Clock clock;

	MeetingHistory(JointMeetings meetings, Clock clock) {
		this.meetings = meetings;
		this.clock = clock;
	}

	/** The meeting as planned at {@code at}; answers its id. */
	public UUID scheduled(Actor by, ScheduleMeeting command, Instant at) {
		return meetings.schedule(by, command, past(at)).meeting().id();
	}

	public MeetingDetail agendaItem(Actor by, UUID meeting, AddAgendaItem item, Instant at) {
		return meetings.addAgendaItem(by, meeting, item, past(at));
	}

	/** An invitation while it was planned, or who came once it was held. */
	public MeetingDetail attendance(Actor by, UUID meeting, RecordAttendance attendance, Instant at) {
		return meetings.recordAttendance(by, meeting, attendance, past(at));
	}

	/** The meeting took place at {@code heldAt}; the desk recorded it at {@code recordedAt} (not before). */
	public MeetingDetail held(Actor by, UUID meeting, Instant heldAt, Instant recordedAt) {
		return meetings.hold(by, meeting, new Hold(heldAt), past(recordedAt));
	}

	public MeetingDetail decided(Actor by, UUID meeting, TakeDecision decision, Instant at) {
		return meetings.decide(by, meeting, decision, past(at));
	}

	public MeetingDetail done(Actor by, UUID meeting, UUID decision, Instant at) {
		return meetings.markDone(by, meeting, decision, past(at));
	}

	public MeetingDetail minuted(Actor by, UUID meeting, Minute minutes, Instant at) {
		return meetings.minute(by, meeting, minutes, past(at));
	}

	public MeetingDetail cancelled(Actor by, UUID meeting, Cancel cancel, Instant at) {
		return meetings.cancel(by, meeting, cancel, past(at));
	}

	private Instant past(Instant at) {
		if (at.isAfter(clock.instant())) {
			throw new IllegalArgumentException("a step of the past cannot lie ahead of now: " + at);
		}
		return at;
	}
}
