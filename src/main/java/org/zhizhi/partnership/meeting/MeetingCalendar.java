package org.zhizhi.partnership.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhizhi.calendar.CalendarEvent;
import org.zhizhi.calendar.CalendarSource;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.shared.Actor;

/**
 * The joint meetings in the feeds of the staff who may read them (the same list their meeting pages show, in their
 * scope): title, place, time and kind — nothing about who is invited. A cancelled meeting stays, marked cancelled, so
 * that a phone that had it removes it.
 */
@Component
class MeetingCalendar implements CalendarSource {

	/** Meetings have a start only; a joint meeting takes a morning or an afternoon: two hours in a calendar. */
	static final Duration LENGTH = Duration.ofHours(2);

	private final MeetingQueries meetings;

	private final MessageSource messages;

	private final ZoneId zone;

	MeetingCalendar(MeetingQueries meetings, MessageSource messages, ZoneId zone) {
		this.meetings = meetings;
		this.messages = messages;
		this.zone = zone;
	}

	@Override
	public List<CalendarEvent> events(Actor subscriber, Instant from, Instant to) {
		if (!MeetingRules.isStaff(subscriber)) {
			return List.of();
		}
		List<CalendarEvent> events = new ArrayList<>();
		for (int year = from.atZone(zone).getYear(); year <= to.atZone(zone).getYear(); year++) {
			for (JointMeeting meeting : meetings.list(subscriber, null, year, null)) {
				if (!meeting.scheduledAt().isBefore(from) && meeting.scheduledAt().isBefore(to)) {
					events.add(event(meeting));
				}
			}
		}
		return events;
	}

	private CalendarEvent event(JointMeeting meeting) {
		String kind = messages.getMessage("meetingKind." + meeting.kind().name(), null, meeting.kind().name(),
				Locale.SIMPLIFIED_CHINESE);
		// every change moves updated_at on: minutes since creation grow with each reschedule or cancellation
		int revision = (int) Math.max(0, Duration.between(meeting.createdAt(), meeting.updatedAt()).toMinutes());
		return new CalendarEvent(meeting.id() + "@zhizhi", meeting.title(), kind, meeting.place(),
				meeting.scheduledAt(), LENGTH, meeting.state() == MeetingState.CANCELLED, revision);
	}
}
