package org.zhizhi.deliberation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.deliberation.persistence.JdbcDeliberationMeetings;

/**
 * A deliberation meeting as the desk sees it: when and where, its agenda, who signed in, its minutes, and the code
 * attendees sign in with (shown on the organiser's phone) while it is scheduled.
 */
public record DeliberationMeetingView(UUID id, UUID seriesId, MeetingFormat format, PlaceKind placeKind, String placeName,
		String title, String location, Instant scheduledAt, DeliberationMeetingState state, String signInCode,
		List<MeetingAgendaItem> agenda, List<MeetingAttendee> attendees, String minutes, Instant heldAt,
		String heldByName, String cancelReason, Set<DeliberationMeetingAction> allowedActions, int version) {

	static DeliberationMeetingView of(DeliberationMeeting m, List<MeetingAgendaItem> agenda,
			List<MeetingAttendee> attendees, Set<DeliberationMeetingAction> allowed) {
		return new DeliberationMeetingView(m.id(), m.seriesId(), m.format(), m.place().kind(), m.place().name(), m.title(),
				m.location(), m.scheduledAt(), m.state(),
				m.state() == DeliberationMeetingState.SCHEDULED ? m.signInCode() : null, agenda, attendees, m.minutes(),
				m.heldAt(), m.heldByName(), m.cancelReason(), allowed, m.version());
	}
}
