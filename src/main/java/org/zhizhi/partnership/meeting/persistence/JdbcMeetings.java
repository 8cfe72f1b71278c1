package org.zhizhi.partnership.meeting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.partnership.meeting.Meeting;
import org.zhizhi.partnership.meeting.MeetingAction;
import org.zhizhi.partnership.meeting.MeetingEvent.MeetingRescheduled;
import org.zhizhi.partnership.meeting.MeetingKind;
import org.zhizhi.partnership.meeting.MeetingState;
import org.zhizhi.partnership.meeting.MeetingViews.AgendaItem;
import org.zhizhi.partnership.meeting.MeetingViews.AgendaKind;
import org.zhizhi.partnership.meeting.MeetingViews.Attendee;
import org.zhizhi.partnership.meeting.MeetingViews.Decision;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.partnership.meeting.MeetingViews.Step;
import org.zhizhi.shared.DataScope;

/** Joint meetings and their agenda, attendance, decisions, steps and reminders; every read bounded by a scope path. */
@Repository
public class JdbcMeetings {

	private static final String COLUMNS = """
			id, community_id, community_path, kind, title, scheduled_at, place, state, held_at, minutes,
			cancel_reason, created_by, created_at, updated_at""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcMeetings(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** A new meeting, and what it registered. */
	public void insert(Meeting meeting, UUID districtId) {
		JointMeeting m = meeting.view();
		jdbc.sql("""
				insert into partnership.joint_meeting (id, district_id, community_id, community_path, kind, title,
				       scheduled_at, place, state, created_by, created_at, updated_at)
				values (:id, :district, :community, :path, :kind, :title, :scheduled, :place, :state, :by, :at, :at)""")
			.param("id", m.id())
			.param("district", districtId)
			.param("community", m.communityId())
			.param("path", m.communityPath())
			.param("kind", m.kind().name())
			.param("title", m.title())
			.param("scheduled", Timestamp.from(m.scheduledAt()))
			.param("place", m.place(), Types.VARCHAR)
			.param("state", m.state().name())
			.param("by", m.createdBy())
			.param("at", Timestamp.from(m.createdAt()))
			.update();
		meeting.publishEvents(events::publishEvent);
	}

	public Optional<JointMeeting> find(DataScope scope, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from partnership.joint_meeting where id = :id and community_path like :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcMeetings::meeting)
			.optional();
	}

	/**
	 * The meetings of a community a unit is invited to (an attendee, present or not), latest first. A unit is named by
	 * its id, or by its name alone where the meeting recorded no id.
	 */
	public List<JointMeeting> invited(UUID communityId, UUID partnerId, String unitName, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from partnership.joint_meeting m
				where m.community_id = :community
				  and exists (select 1 from partnership.joint_meeting_attendee a
				               where a.meeting_id = m.id and a.kind = 'UNIT'
				                 and (a.ref_id = :partner or a.ref_id is null and a.name = :name))
				order by coalesce(m.held_at, m.scheduled_at) desc, m.id
				limit :limit""")
			.param("community", communityId)
			.param("partner", partnerId)
			.param("name", unitName)
			.param("limit", limit)
			.query(JdbcMeetings::meeting)
			.list();
	}

	/** The one meeting, if the unit is invited to it; empty as for a meeting that does not exist. */
	public Optional<JointMeeting> findInvited(UUID id, UUID communityId, UUID partnerId, String unitName) {
		return jdbc.sql("select " + COLUMNS + """
				 from partnership.joint_meeting m
				where m.id = :id and m.community_id = :community
				  and exists (select 1 from partnership.joint_meeting_attendee a
				               where a.meeting_id = m.id and a.kind = 'UNIT'
				                 and (a.ref_id = :partner or a.ref_id is null and a.name = :name))""")
			.param("id", id)
			.param("community", communityId)
			.param("partner", partnerId)
			.param("name", unitName)
			.query(JdbcMeetings::meeting)
			.optional();
	}

	/**
	 * The meeting, its row locked until the transaction ends: every command reads the state, checks the step against
	 * it and writes, and the lock makes a second command on the same meeting wait and then see the new state. With the
	 * version its save is conditional on.
	 */
	public Optional<Meeting> lock(DataScope scope, UUID id) {
		return jdbc.sql("select " + COLUMNS + ", version"
				+ " from partnership.joint_meeting where id = :id and community_path like :scope for update")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query((rs, n) -> Meeting.of(meeting(rs, n), rs.getInt("version")))
			.optional();
	}

	/** Meetings of the scope (optionally one community) held or planned in [from, to), by date. */
	public List<JointMeeting> list(DataScope scope, UUID communityId, Instant from, Instant to, MeetingState state,
			int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from partnership.joint_meeting
				where community_path like :scope
				  and (cast(:community as uuid) is null or community_id = :community)
				  and coalesce(held_at, scheduled_at) >= :from and coalesce(held_at, scheduled_at) < :to
				  and (cast(:state as text) is null or state = :state)
				order by coalesce(held_at, scheduled_at), id
				limit :limit""")
			.param("scope", scope.likePattern())
			.param("community", communityId, Types.OTHER)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("state", state == null ? null : state.name(), Types.VARCHAR)
			.param("limit", limit)
			.query(JdbcMeetings::meeting)
			.list();
	}

	/** How many meetings each community of the scope held (HELD or MINUTED) in [from, to). */
	public Map<UUID, Integer> heldCounts(DataScope scope, Instant from, Instant to) {
		Map<UUID, Integer> counts = new HashMap<>();
		jdbc.sql("""
				select community_id, count(*) as held
				  from partnership.joint_meeting
				 where community_path like :scope and state in ('HELD', 'MINUTED')
				   and held_at >= :from and held_at < :to
				 group by community_id""")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> counts.put(rs.getObject("community_id", UUID.class), rs.getInt("held")))
			.list();
		return counts;
	}

	/**
	 * Saves a step against the version the meeting was read with and publishes what it registered; false, saving and
	 * publishing nothing, when somebody moved it first. A step that changed nothing of the meeting's own row (agenda,
	 * attendance, a decision) writes no row and keeps the version, but its events are published all the same.
	 */
	public boolean save(Meeting meeting) {
		if (meeting.moved()) {
			JointMeeting m = meeting.view();
			boolean saved = jdbc.sql("""
					update partnership.joint_meeting
					   set scheduled_at = :scheduled, place = :place, state = :state, held_at = :held,
					       minutes = :minutes, cancel_reason = :reason, updated_at = :now, version = version + 1
					 where id = :id and version = :version""")
				.param("id", m.id())
				.param("version", meeting.version())
				.param("scheduled", Timestamp.from(m.scheduledAt()))
				.param("place", m.place(), Types.VARCHAR)
				.param("state", m.state().name())
				.param("held", m.heldAt() == null ? null : Timestamp.from(m.heldAt()), Types.TIMESTAMP)
				.param("minutes", m.minutes(), Types.VARCHAR)
				.param("reason", m.cancelReason(), Types.VARCHAR)
				.param("now", Timestamp.from(m.updatedAt()))
				.update() == 1;
			if (!saved) {
				return false;
			}
			if (meeting.events().stream().anyMatch(MeetingRescheduled.class::isInstance)) {
				// reminders count from the new date
				jdbc.sql("delete from partnership.joint_meeting_reminder where meeting_id = :id")
					.param("id", m.id())
					.update();
			}
			meeting.saved();
			meeting.stored();
		}
		meeting.publishEvents(events::publishEvent);
		return true;
	}

	public void step(UUID id, UUID meetingId, MeetingAction action, MeetingState from, MeetingState to, UUID actorId,
			String actorName, Instant at, String note) {
		jdbc.sql("""
				insert into partnership.joint_meeting_step (id, meeting_id, action, from_state, to_state, actor_id,
				       actor_name, at, note)
				values (:id, :meeting, :action, :from, :to, :actor, :name, :at, :note)""")
			.param("id", id)
			.param("meeting", meetingId)
			.param("action", action.name())
			.param("from", from == null ? null : from.name(), Types.VARCHAR)
			.param("to", to.name())
			.param("actor", actorId)
			.param("name", actorName)
			.param("at", Timestamp.from(at))
			.param("note", note, Types.VARCHAR)
			.update();
	}

	public List<Step> steps(UUID meetingId) {
		return jdbc.sql("""
				select action, from_state, to_state, actor_name, at, note from partnership.joint_meeting_step
				 where meeting_id = :meeting order by at, id""")
			.param("meeting", meetingId)
			.query((rs, n) -> new Step(MeetingAction.valueOf(rs.getString("action")),
					rs.getString("from_state") == null ? null : MeetingState.valueOf(rs.getString("from_state")),
					MeetingState.valueOf(rs.getString("to_state")), rs.getString("actor_name"),
					rs.getTimestamp("at").toInstant(), rs.getString("note")))
			.list();
	}

	// --- agenda ---------------------------------------------------------------------------------------------------

	/** Appends an item; false if the same list item or incident is already on the agenda. */
	public boolean addAgendaItem(UUID id, UUID meetingId, AgendaKind kind, UUID refId, String title, String note,
			UUID by, Instant at) {
		return jdbc.sql("""
				insert into partnership.joint_meeting_agenda_item (id, meeting_id, position, kind, ref_id, title, note,
				       created_by, created_at)
				values (:id, :meeting,
				        (select coalesce(max(position), 0) + 1 from partnership.joint_meeting_agenda_item
				          where meeting_id = :meeting),
				        :kind, :ref, :title, :note, :by, :at)
				on conflict (meeting_id, kind, ref_id) where ref_id is not null do nothing""")
			.param("id", id)
			.param("meeting", meetingId)
			.param("kind", kind.name())
			.param("ref", refId, Types.OTHER)
			.param("title", title)
			.param("note", note, Types.VARCHAR)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public boolean removeAgendaItem(UUID meetingId, UUID itemId) {
		return jdbc.sql("delete from partnership.joint_meeting_agenda_item where id = :id and meeting_id = :meeting")
			.param("id", itemId)
			.param("meeting", meetingId)
			.update() == 1;
	}

	public List<AgendaItem> agenda(UUID meetingId) {
		return jdbc.sql("""
				select id, position, kind, ref_id, title, note from partnership.joint_meeting_agenda_item
				 where meeting_id = :meeting order by position""")
			.param("meeting", meetingId)
			.query((rs, n) -> new AgendaItem(rs.getObject("id", UUID.class), rs.getInt("position"),
					AgendaKind.valueOf(rs.getString("kind")), rs.getObject("ref_id", UUID.class),
					rs.getString("title"), rs.getString("note")))
			.list();
	}

	// --- attendance -----------------------------------------------------------------------------------------------

	/** Invites or records one attendee; the same unit or person named again updates whether he was present. */
	public void recordAttendee(UUID id, UUID meetingId, RefKind kind, UUID refId, String name, boolean present,
			UUID by, Instant at) {
		jdbc.sql("""
				insert into partnership.joint_meeting_attendee (id, meeting_id, kind, ref_id, name, present,
				       recorded_by, recorded_at)
				values (:id, :meeting, :kind, :ref, :name, :present, :by, :at)
				on conflict (meeting_id, kind, name) do update
				   set present = excluded.present, ref_id = coalesce(excluded.ref_id, joint_meeting_attendee.ref_id),
				       recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
			.param("id", id)
			.param("meeting", meetingId)
			.param("kind", kind.name())
			.param("ref", refId, Types.OTHER)
			.param("name", name)
			.param("present", present)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	public List<Attendee> attendees(UUID meetingId) {
		return jdbc.sql("""
				select id, kind, ref_id, name, present from partnership.joint_meeting_attendee
				 where meeting_id = :meeting order by kind desc, recorded_at, name""")
			.param("meeting", meetingId)
			.query((rs, n) -> new Attendee(rs.getObject("id", UUID.class), RefKind.valueOf(rs.getString("kind")),
					rs.getObject("ref_id", UUID.class), rs.getString("name"), rs.getBoolean("present")))
			.list();
	}

	/** The accounts invited or recorded as persons: the ones the reminders go to beside the community's staff. */
	public List<UUID> personAccounts(UUID meetingId) {
		return jdbc.sql("""
				select ref_id from partnership.joint_meeting_attendee
				 where meeting_id = :meeting and kind = 'PERSON' and ref_id is not null""")
			.param("meeting", meetingId)
			.query(UUID.class)
			.list();
	}

	// --- decisions ------------------------------------------------------------------------------------------------

	public void insertDecision(Decision d, UUID districtId, String communityPath, UUID by) {
		jdbc.sql("""
				insert into partnership.joint_meeting_decision (id, meeting_id, district_id, community_path, text,
				       owner_kind, owner_id, owner_name, due_on, created_by, created_at)
				values (:id, :meeting, :district, :path, :text, :ownerKind, :ownerId, :ownerName, :due, :by, :at)""")
			.param("id", d.id())
			.param("meeting", d.meetingId())
			.param("district", districtId)
			.param("path", communityPath)
			.param("text", d.text())
			.param("ownerKind", d.ownerKind().name())
			.param("ownerId", d.ownerId(), Types.OTHER)
			.param("ownerName", d.ownerName())
			.param("due", d.dueOn())
			.param("by", by)
			.param("at", Timestamp.from(d.createdAt()))
			.update();
	}

	public List<Decision> decisions(UUID meetingId) {
		return jdbc.sql("select " + DECISION_COLUMNS
				+ " from partnership.joint_meeting_decision where meeting_id = :meeting order by created_at, id")
			.param("meeting", meetingId)
			.query(JdbcMeetings::decision)
			.list();
	}

	/** The open decisions (tasks) of the scope, the earliest due first. */
	public List<Decision> openDecisions(DataScope scope, int limit) {
		return jdbc.sql("select " + DECISION_COLUMNS + """
				 from partnership.joint_meeting_decision
				where community_path like :scope and done_at is null
				order by due_on, id limit :limit""")
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query(JdbcMeetings::decision)
			.list();
	}

	/** Marks a decision's task done; false if it was done already (a repeat is harmless). */
	public boolean markDone(UUID meetingId, UUID decisionId, UUID by, Instant at) {
		return jdbc.sql("""
				update partnership.joint_meeting_decision set done_at = :at, done_by = :by
				 where id = :id and meeting_id = :meeting and done_at is null""")
			.param("id", decisionId)
			.param("meeting", meetingId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public boolean decisionExists(UUID meetingId, UUID decisionId) {
		return jdbc.sql("select count(*) from partnership.joint_meeting_decision where id = :id and meeting_id = :meeting")
			.param("id", decisionId)
			.param("meeting", meetingId)
			.query(Integer.class)
			.single() > 0;
	}

	// --- reminders ------------------------------------------------------------------------------------------------

	public record Upcoming(UUID id, UUID communityId, String communityPath, UUID districtId, MeetingKind kind,
			String title, Instant scheduledAt, String place) {
	}

	/** The planned meetings that start after {@code now} and no later than {@code until}. */
	public List<Upcoming> plannedBetween(Instant now, Instant until, int limit) {
		return jdbc.sql("""
				select id, community_id, community_path, district_id, kind, title, scheduled_at, place
				  from partnership.joint_meeting
				 where state = 'PLANNED' and scheduled_at > :now and scheduled_at <= :until
				 order by scheduled_at limit :limit""")
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(until))
			.param("limit", limit)
			.query((rs, n) -> new Upcoming(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
					rs.getString("community_path"), rs.getObject("district_id", UUID.class),
					MeetingKind.valueOf(rs.getString("kind")), rs.getString("title"),
					rs.getTimestamp("scheduled_at").toInstant(), rs.getString("place")))
			.list();
	}

	/** Records that the reminder of this threshold went out; false if it had already (then nobody sends it again). */
	public boolean claimReminder(UUID meetingId, int daysBefore, Instant at) {
		return jdbc.sql("""
				insert into partnership.joint_meeting_reminder (meeting_id, days_before, sent_at)
				values (:meeting, :days, :at) on conflict do nothing""")
			.param("meeting", meetingId)
			.param("days", daysBefore)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	private static final String DECISION_COLUMNS = """
			id, meeting_id, text, owner_kind, owner_id, owner_name, due_on, done_at, created_at""";

	private static Decision decision(ResultSet rs, int n) throws SQLException {
		return new Decision(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
				rs.getString("text"), RefKind.valueOf(rs.getString("owner_kind")), rs.getObject("owner_id", UUID.class),
				rs.getString("owner_name"), rs.getObject("due_on", LocalDate.class), instant(rs, "done_at"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static JointMeeting meeting(ResultSet rs, int n) throws SQLException {
		return new JointMeeting(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("community_path"), MeetingKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getTimestamp("scheduled_at").toInstant(), rs.getString("place"),
				MeetingState.valueOf(rs.getString("state")), instant(rs, "held_at"), rs.getString("minutes"),
				rs.getString("cancel_reason"), rs.getObject("created_by", UUID.class),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
