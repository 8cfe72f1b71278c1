package org.zhizhi.deliberation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.deliberation.DeliberationMeeting;
import org.zhizhi.deliberation.MeetingAgendaItem;
import org.zhizhi.deliberation.MeetingAttendee;
import org.zhizhi.deliberation.MeetingFormat;
import org.zhizhi.deliberation.DeliberationMeetingState;
import org.zhizhi.deliberation.PlaceKind;
import org.zhizhi.deliberation.Topic;
import org.zhizhi.shared.DataScope;

/**
 * Deliberation meetings and their series: the meeting row saved against its version, its agenda items and attendees
 * one row each. Reads bind the scope.
 */
@Repository
public class JdbcDeliberationMeetings {

	/**
	 * A monthly series: what it is, where, on which day and at what time, and the moment of its latest meeting (null
	 * before the first).
	 */
	public record Series(UUID id, MeetingFormat format, Topic.Place place, String title, String location,
			int dayOfMonth, LocalTime time, Instant latest) {
	}



	private static final String COLUMNS = """
			id, series_id, format, place_kind, place_id, place_name, building_id, estate_id, community_id, district_id,
			scope_path, title, sign_in_code, location, scheduled_at, state, minutes, held_at, held_by_name, cancel_reason,
			updated_at, version""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcDeliberationMeetings(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public void insertSeries(Series s, Instant now, UUID by) {
		Topic.Place p = s.place();
		jdbc.sql("""
				INSERT INTO deliberation.meeting_series (id, format, place_kind, place_id, place_name, building_id,
				       estate_id, community_id, district_id, scope_path, title, location, day_of_month, time_of_day,
				       created_at, created_by)
				VALUES (:id, :format, :kind, :placeId, :placeName, :building, :estate, :community, :district, :scope,
				        :title, :location, :day, :time, :now, :by)""")
			.param("id", s.id())
			.param("format", s.format().name())
			.param("kind", p.kind().name())
			.param("placeId", p.id())
			.param("placeName", p.name())
			.param("building", p.buildingId())
			.param("estate", p.estateId())
			.param("community", p.communityId())
			.param("district", p.districtId())
			.param("scope", p.scopePath())
			.param("title", s.title())
			.param("location", s.location())
			.param("day", s.dayOfMonth())
			.param("time", s.time())
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	/**
	 * Active series with no meeting still waiting to be held: each is owed its next meeting (a missed one keeps
	 * waiting, and is flagged, until the desk holds or cancels it).
	 */
	public List<Series> seriesWithoutNext() {
		return jdbc.sql("""
				SELECT s.id, s.format, s.place_kind, s.place_id, s.place_name, s.building_id, s.estate_id,
				       s.community_id, s.district_id, s.scope_path, s.title, s.location, s.day_of_month, s.time_of_day,
				       (SELECT max(m.scheduled_at) FROM deliberation.meeting m WHERE m.series_id = s.id) AS latest
				  FROM deliberation.meeting_series s
				 WHERE s.active AND NOT EXISTS (SELECT 1 FROM deliberation.meeting m
				                                 WHERE m.series_id = s.id AND m.state = 'SCHEDULED')""")
			.query((rs, n) -> new Series(rs.getObject("id", UUID.class), MeetingFormat.valueOf(rs.getString("format")),
					place(rs), rs.getString("title"), rs.getString("location"), rs.getInt("day_of_month"),
					rs.getObject("time_of_day", LocalTime.class),
					rs.getTimestamp("latest") == null ? null : rs.getTimestamp("latest").toInstant()))
			.list();
	}

	/** Inserts the meeting; false if its series has one that day already (another node scheduled it). */
	public boolean insert(DeliberationMeeting m) {
		String names = COLUMNS.replaceAll("\\s+", " ");
		String values = ":" + String.join(", :", names.split(",\\s*"));
		int rows = jdbc.sql("INSERT INTO deliberation.meeting (" + names + ") VALUES (" + values
				+ ") ON CONFLICT DO NOTHING").params(params(m)).update();
		if (rows == 1) {
			m.publishEvents(events::publishEvent);
		}
		return rows == 1;
	}

	public boolean save(DeliberationMeeting m) {
		int rows = jdbc.sql("""
				UPDATE deliberation.meeting SET location = :location, scheduled_at = :scheduled_at, state = :state,
				       minutes = :minutes, held_at = :held_at, held_by_name = :held_by_name,
				       cancel_reason = :cancel_reason, updated_at = :updated_at, version = version + 1
				 WHERE id = :id AND version = :version""").params(params(m)).update();
		if (rows != 1) {
			return false;
		}
		m.saved();
		m.publishEvents(events::publishEvent);
		return true;
	}

	public void told(DeliberationMeeting m) {
		m.publishEvents(events::publishEvent);
	}

	public Optional<DeliberationMeeting> meeting(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.meeting WHERE id = :id AND scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcDeliberationMeetings::meeting)
			.optional();
	}

	/** Meetings of the scope from {@code from} on (upcoming) or before it (past, newest first). */
	public List<DeliberationMeeting> meetings(DataScope scope, Instant from, boolean upcoming, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.meeting WHERE scope_path LIKE :scope AND "
				+ (upcoming ? "scheduled_at >= :from ORDER BY scheduled_at" : "scheduled_at < :from ORDER BY scheduled_at DESC")
				+ " LIMIT :limit")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("limit", limit)
			.query(JdbcDeliberationMeetings::meeting)
			.list();
	}

	/** Series meetings of the scope still not held days after their date: the group missed its meeting. */
	public List<DeliberationMeeting> missed(DataScope scope, Instant before) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.meeting " + """
				 WHERE scope_path LIKE :scope AND series_id IS NOT NULL AND state = 'SCHEDULED'
				   AND scheduled_at < :before ORDER BY scheduled_at""")
			.param("scope", scope.likePattern())
			.param("before", Timestamp.from(before))
			.query(JdbcDeliberationMeetings::meeting)
			.list();
	}

	/** The scheduled meeting of a community with this code, today: where a resident's code signs him in. */
	public Optional<DeliberationMeeting> byCode(UUID communityId, String code, Instant dayStart, Instant dayEnd) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.meeting " + """
				 WHERE community_id = :community AND sign_in_code = :code AND state = 'SCHEDULED'
				   AND scheduled_at >= :start AND scheduled_at < :end""")
			.param("community", communityId)
			.param("code", code)
			.param("start", Timestamp.from(dayStart))
			.param("end", Timestamp.from(dayEnd))
			.query(JdbcDeliberationMeetings::meeting)
			.optional();
	}

	/** Scheduled meetings between the two moments not yet reminded: their households are told the day before. */
	public List<DeliberationMeeting> dueForReminder(Instant from, Instant until) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.meeting " + """
				 WHERE state = 'SCHEDULED' AND reminded_at IS NULL AND scheduled_at >= :from AND scheduled_at < :until
				 ORDER BY scheduled_at LIMIT 200""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query(JdbcDeliberationMeetings::meeting)
			.list();
	}

	/** Series meetings still not held at {@code before} and not yet flagged: missed, to be told to the community. */
	public List<DeliberationMeeting> missedToFlag(Instant before) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM deliberation.meeting " + """
				 WHERE series_id IS NOT NULL AND state = 'SCHEDULED' AND missed_flagged_at IS NULL
				   AND scheduled_at < :before ORDER BY scheduled_at LIMIT 200""")
			.param("before", Timestamp.from(before))
			.query(JdbcDeliberationMeetings::meeting)
			.list();
	}

	/** Takes the flag of a missed meeting: false if another round took it first. */
	public boolean claimMissedFlag(UUID meetingId, Instant now) {
		return jdbc.sql("""
				UPDATE deliberation.meeting SET missed_flagged_at = :now WHERE id = :id AND missed_flagged_at IS NULL""")
			.param("now", Timestamp.from(now))
			.param("id", meetingId)
			.update() == 1;
	}

	/** Takes the meeting's reminder: false if another round (on any node) took it first. */
	public boolean claimReminder(UUID meetingId, Instant now) {
		return jdbc.sql("UPDATE deliberation.meeting SET reminded_at = :now WHERE id = :id AND reminded_at IS NULL")
			.param("now", Timestamp.from(now))
			.param("id", meetingId)
			.update() == 1;
	}

	/** False if the topic is on this meeting's agenda already. */
	public boolean addToAgenda(UUID meetingId, UUID topicId, UUID by, Instant now) {
		return jdbc.sql("""
				INSERT INTO deliberation.meeting_agenda (meeting_id, topic_id, added_at, added_by)
				VALUES (:meeting, :topic, :now, :by) ON CONFLICT DO NOTHING""")
			.param("meeting", meetingId)
			.param("topic", topicId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	public List<MeetingAgendaItem> agenda(UUID meetingId) {
		return agendas(List.of(meetingId)).getOrDefault(meetingId, List.of());
	}

	/** The agendas of several meetings in one query (a calendar's page), by meeting. */
	public Map<UUID, List<MeetingAgendaItem>> agendas(java.util.Collection<UUID> meetingIds) {
		Map<UUID, List<MeetingAgendaItem>> byMeeting = new java.util.HashMap<>();
		if (meetingIds.isEmpty()) {
			return byMeeting;
		}
		jdbc.sql("""
				SELECT a.meeting_id, a.topic_id, t.title, t.state, a.added_at FROM deliberation.meeting_agenda a
				  JOIN deliberation.topic t ON t.id = a.topic_id
				 WHERE a.meeting_id IN (:meetings) ORDER BY a.added_at, t.title""")
			.param("meetings", meetingIds)
			.query(rs -> {
				byMeeting.computeIfAbsent(rs.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
					.add(new MeetingAgendaItem(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
							rs.getTimestamp(5).toInstant()));
			});
		return byMeeting;
	}

	/** False if this household or name signed in already. */
	public boolean signIn(UUID meetingId, String key, String name, UUID householdId, String how, Instant now) {
		return jdbc.sql("""
				INSERT INTO deliberation.meeting_attendee (meeting_id, attendee_key, name, household_id, how, signed_at)
				VALUES (:meeting, :key, :name, :household, :how, :now) ON CONFLICT DO NOTHING""")
			.param("meeting", meetingId)
			.param("key", key)
			.param("name", name)
			.param("household", householdId)
			.param("how", how)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	public List<MeetingAttendee> attendees(UUID meetingId) {
		return attendees(List.of(meetingId)).getOrDefault(meetingId, List.of());
	}

	/** Who signed in at several meetings, in one query, by meeting. */
	public Map<UUID, List<MeetingAttendee>> attendees(java.util.Collection<UUID> meetingIds) {
		Map<UUID, List<MeetingAttendee>> byMeeting = new java.util.HashMap<>();
		if (meetingIds.isEmpty()) {
			return byMeeting;
		}
		jdbc.sql("""
				SELECT meeting_id, name, household_id IS NOT NULL, how, signed_at FROM deliberation.meeting_attendee
				 WHERE meeting_id IN (:meetings) ORDER BY signed_at, name""")
			.param("meetings", meetingIds)
			.query(rs -> {
				byMeeting.computeIfAbsent(rs.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
					.add(new MeetingAttendee(rs.getString(2), rs.getBoolean(3), rs.getString(4),
							rs.getTimestamp(5).toInstant()));
			});
		return byMeeting;
	}

	private static Map<String, Object> params(DeliberationMeeting m) {
		Map<String, Object> p = new LinkedHashMap<>();
		Topic.Place place = m.place();
		p.put("id", m.id());
		p.put("series_id", m.seriesId());
		p.put("format", m.format().name());
		p.put("place_kind", place.kind().name());
		p.put("place_id", place.id());
		p.put("place_name", place.name());
		p.put("building_id", place.buildingId());
		p.put("estate_id", place.estateId());
		p.put("community_id", place.communityId());
		p.put("district_id", place.districtId());
		p.put("scope_path", place.scopePath());
		p.put("title", m.title());
		p.put("sign_in_code", m.signInCode());
		p.put("location", m.location());
		p.put("scheduled_at", Timestamp.from(m.scheduledAt()));
		p.put("state", m.state().name());
		p.put("minutes", m.minutes());
		p.put("held_at", m.heldAt() == null ? null : Timestamp.from(m.heldAt()));
		p.put("held_by_name", m.heldByName());
		p.put("cancel_reason", m.cancelReason());
		p.put("updated_at", Timestamp.from(m.updatedAt()));
		p.put("version", m.version());
		return p;
	}

	private static Topic.Place place(ResultSet rs) throws SQLException {
		return new Topic.Place(PlaceKind.valueOf(rs.getString("place_kind")), rs.getObject("place_id", UUID.class),
				rs.getString("place_name"), rs.getObject("building_id", UUID.class),
				rs.getObject("estate_id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getObject("district_id", UUID.class), rs.getString("scope_path"));
	}

	private static DeliberationMeeting meeting(ResultSet rs, int row) throws SQLException {
		Timestamp held = rs.getTimestamp("held_at");
		return new DeliberationMeeting(rs.getObject("id", UUID.class), rs.getObject("series_id", UUID.class),
				MeetingFormat.valueOf(rs.getString("format")), place(rs), rs.getString("title"),
				rs.getString("sign_in_code"), rs.getString("location"), rs.getTimestamp("scheduled_at").toInstant(),
				DeliberationMeetingState.valueOf(rs.getString("state")), rs.getString("minutes"),
				held == null ? null : held.toInstant(), rs.getString("held_by_name"), rs.getString("cancel_reason"),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
