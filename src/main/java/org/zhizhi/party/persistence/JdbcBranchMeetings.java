package org.zhizhi.party.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.party.BranchMeeting;
import org.zhizhi.party.MeetingKind;
import org.zhizhi.party.MeetingRhythm;
import org.zhizhi.party.MeetingState;
import org.zhizhi.party.PartyLevel;
import org.zhizhi.shared.DataScope;

/**
 * Branch meetings (三会一课, 主题党日), their attendance rows and the rhythm table. A meeting is saved against its
 * version and its events published after the save; attendance is written by one statement whose row count says whether
 * this call made the member present.
 */
@Repository
public class JdbcBranchMeetings {

	private static final String MEETING = """
			SELECT b.id, b.org_id, o.name AS org_name, b.kind, b.topic, b.place, b.starts_at, b.state, b.minutes,
			       b.held_at, b.cancel_reason, b.version
			  FROM party.branch_meeting b
			  JOIN party.party_org o ON o.id = b.org_id
			""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcBranchMeetings(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public void insert(BranchMeeting meeting, String scopePath, UUID districtId, Instant now, UUID by) {
		jdbc.sql("""
				INSERT INTO party.branch_meeting (id, org_id, kind, topic, place, starts_at, state, scope_path,
				       district_id, created_at, created_by)
				VALUES (:id, :orgId, :kind, :topic, :place, :startsAt, :state, :scopePath, :districtId, :now, :by)
				""")
			.param("id", meeting.id())
			.param("orgId", meeting.orgId())
			.param("kind", meeting.kind().name())
			.param("topic", meeting.topic())
			.param("place", meeting.place())
			.param("startsAt", Timestamp.from(meeting.startsAt()))
			.param("state", meeting.state().name())
			.param("scopePath", scopePath)
			.param("districtId", districtId)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
		meeting.publishEvents(events::publishEvent);
	}

	/**
	 * The meeting inside the scope; {@code lockShared} holds it against a concurrent hold or cancel while attendance
	 * is written (a sign-in never lands on a meeting cancelled in between), as sign-ins do not block one another.
	 */
	public Optional<BranchMeeting> find(DataScope scope, UUID id, boolean lockShared) {
		return jdbc.sql(MEETING + " WHERE b.id = :id AND b.scope_path LIKE :scope"
				+ (lockShared ? " FOR SHARE OF b" : ""))
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcBranchMeetings::meeting)
			.optional();
	}

	/** Saves the meeting's state if nobody changed it since it was read; false when someone was first. */
	public boolean save(BranchMeeting meeting, UUID by) {
		int rows = jdbc.sql("""
				UPDATE party.branch_meeting
				   SET state = :state, minutes = :minutes, held_at = :heldAt, held_by = :by,
				       cancel_reason = :cancelReason, version = version + 1
				 WHERE id = :id AND version = :version
				""")
			.param("id", meeting.id())
			.param("state", meeting.state().name())
			.param("minutes", meeting.minutes())
			.param("heldAt", meeting.heldAt() == null ? null : Timestamp.from(meeting.heldAt()))
			.param("by", meeting.state() == MeetingState.HELD ? by : null)
			.param("cancelReason", meeting.cancelReason())
			.param("version", meeting.version())
			.update();
		if (rows == 1) {
			meeting.saved();
			meeting.publishEvents(events::publishEvent);
		}
		return rows == 1;
	}

	/** Publishes what a step that wrote only attendance registered. */
	public void publish(BranchMeeting meeting) {
		meeting.publishEvents(events::publishEvent);
	}

	/**
	 * Marks the member present unless he is already: a new row, or an absence turned into presence. True when this
	 * call made him present — of two sign-ins at once, one; a second sign-in, none.
	 */
	public boolean markPresent(UUID meetingId, UUID memberId, boolean self, UUID districtId, Instant now, UUID by) {
		return jdbc.sql("""
				INSERT INTO party.attendance (meeting_id, member_id, present, signed_in_self, recorded_at, recorded_by,
				       district_id)
				VALUES (:meetingId, :memberId, true, :self, :now, :by, :districtId)
				ON CONFLICT (meeting_id, member_id) DO UPDATE
				   SET present = true, absence_reason = NULL, signed_in_self = excluded.signed_in_self,
				       recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
				 WHERE NOT party.attendance.present
				""")
			.param("meetingId", meetingId)
			.param("memberId", memberId)
			.param("self", self)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("districtId", districtId)
			.update() == 1;
	}

	/**
	 * Records the member absent with his reason unless he is present (a presence earned his points and stands); false
	 * when he is.
	 */
	public boolean markAbsent(UUID meetingId, UUID memberId, String reason, UUID districtId, Instant now, UUID by) {
		return jdbc.sql("""
				INSERT INTO party.attendance (meeting_id, member_id, present, absence_reason, signed_in_self,
				       recorded_at, recorded_by, district_id)
				VALUES (:meetingId, :memberId, false, :reason, false, :now, :by, :districtId)
				ON CONFLICT (meeting_id, member_id) DO UPDATE
				   SET absence_reason = excluded.absence_reason, recorded_at = excluded.recorded_at,
				       recorded_by = excluded.recorded_by
				 WHERE NOT party.attendance.present
				""")
			.param("meetingId", meetingId)
			.param("memberId", memberId)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.param("districtId", districtId)
			.update() == 1;
	}

	/** A line of a meeting's attendance sheet. */
	public record AttendanceRow(UUID memberId, String memberName, String orgName, Boolean present,
			String absenceReason, boolean signedInSelf, Instant recordedAt) {
	}

	/**
	 * The sheet: every active member of the organisation and those below it, with his row if he has one (present,
	 * absent, or not yet recorded: {@code present} null), and anyone recorded who has since left; by name.
	 */
	public List<AttendanceRow> sheet(UUID meetingId, UUID orgId) {
		return jdbc.sql("""
				WITH RECURSIVE within (id) AS (
				    SELECT CAST(:orgId AS uuid)
				    UNION ALL
				    SELECT c.id FROM party.party_org c JOIN within w ON c.parent_id = w.id)
				SELECT m.id, m.name, o.name AS org_name, a.present, a.absence_reason,
				       coalesce(a.signed_in_self, false) AS signed_in_self, a.recorded_at
				  FROM party.member m
				  JOIN party.party_org o ON o.id = m.org_id
				  LEFT JOIN party.attendance a ON a.meeting_id = :meetingId AND a.member_id = m.id
				 WHERE a.member_id IS NOT NULL
				    OR (m.org_id IN (SELECT id FROM within) AND m.status = 'ACTIVE'
				        AND m.kind IN ('REGULAR', 'IN_SERVICE', 'INCOMING'))
				 ORDER BY m.name, m.id
				""")
			.param("meetingId", meetingId)
			.param("orgId", orgId)
			.query((rs, row) -> {
				Timestamp recorded = rs.getTimestamp("recorded_at");
				return new AttendanceRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("org_name"),
						(Boolean) rs.getObject("present"), rs.getString("absence_reason"),
						rs.getBoolean("signed_in_self"), recorded == null ? null : recorded.toInstant());
			})
			.list();
	}

	/** Whether the member is recorded present (true) or absent (false) at the meeting; empty when not recorded. */
	public Optional<Boolean> presence(UUID meetingId, UUID memberId) {
		return jdbc.sql("SELECT present FROM party.attendance WHERE meeting_id = :meetingId AND member_id = :memberId")
			.param("meetingId", meetingId)
			.param("memberId", memberId)
			.query(Boolean.class)
			.optional();
	}

	/** The meetings inside the scope, of one organisation if given, from a moment on if given: latest first. */
	public List<BranchMeeting> list(DataScope scope, UUID orgId, Instant from, int limit) {
		return jdbc.sql(MEETING + """
				 WHERE b.scope_path LIKE :scope
				   AND (CAST(:orgId AS uuid) IS NULL OR b.org_id = CAST(:orgId AS uuid))
				   AND (CAST(:from AS timestamptz) IS NULL OR b.starts_at >= CAST(:from AS timestamptz))
				 ORDER BY b.starts_at DESC, b.id
				 LIMIT :limit
				""")
			.param("scope", scope.likePattern())
			.param("orgId", orgId)
			.param("from", from == null ? null : Timestamp.from(from))
			.param("limit", limit)
			.query(JdbcBranchMeetings::meeting)
			.list();
	}

	/** The meetings of the organisations the member belongs to (his own and those above it), latest first. */
	public List<BranchMeeting> ofMember(UUID memberId, Instant from, int limit) {
		return jdbc.sql("""
				WITH RECURSIVE above (id) AS (
				    SELECT org_id FROM party.member WHERE id = :memberId
				    UNION ALL
				    SELECT p.parent_id FROM party.party_org p JOIN above a ON p.id = a.id WHERE p.parent_id IS NOT NULL)
				""" + MEETING + """
				 WHERE b.org_id IN (SELECT id FROM above) AND b.starts_at >= :from
				 ORDER BY b.starts_at DESC, b.id
				 LIMIT :limit
				""")
			.param("memberId", memberId)
			.param("from", Timestamp.from(from))
			.param("limit", limit)
			.query(JdbcBranchMeetings::meeting)
			.list();
	}

	/** Whether the member belongs to the organisation or one below it. */
	public boolean belongsTo(UUID memberId, UUID orgId) {
		return jdbc.sql("""
				WITH RECURSIVE within (id) AS (
				    SELECT CAST(:orgId AS uuid)
				    UNION ALL
				    SELECT c.id FROM party.party_org c JOIN within w ON c.parent_id = w.id)
				SELECT count(*) FROM party.member m WHERE m.id = :memberId AND m.org_id IN (SELECT id FROM within)
				""")
			.param("memberId", memberId)
			.param("orgId", orgId)
			.query(Long.class)
			.single() > 0;
	}

	// --- rhythm --------------------------------------------------------------------------------------------------

	public List<MeetingRhythm> rhythms() {
		return jdbc.sql("SELECT kind, org_level, months, warn_days FROM party.meeting_rhythm ORDER BY org_level, kind")
			.query((rs, row) -> new MeetingRhythm(MeetingKind.valueOf(rs.getString(1)),
					PartyLevel.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	/** A meeting's organisation, kind, local day and state, for the rhythm's count. */
	public record Dated(UUID orgId, MeetingKind kind, LocalDate day, MeetingState state) {
	}

	/** The held and scheduled meetings inside the scope starting on or after a day (in the zone), for rhythms. */
	public List<Dated> datedSince(DataScope scope, UUID orgId, Instant from, String zone) {
		return jdbc.sql("""
				SELECT b.org_id, b.kind, (b.starts_at AT TIME ZONE :zone)::date AS day, b.state
				  FROM party.branch_meeting b
				 WHERE b.scope_path LIKE :scope AND b.starts_at >= :from AND b.state <> 'CANCELLED'
				   AND (CAST(:orgId AS uuid) IS NULL OR b.org_id = CAST(:orgId AS uuid))
				""")
			.param("scope", scope.likePattern())
			.param("orgId", orgId)
			.param("from", Timestamp.from(from))
			.param("zone", zone)
			.query((rs, row) -> new Dated(rs.getObject(1, UUID.class), MeetingKind.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), MeetingState.valueOf(rs.getString(4))))
			.list();
	}

	/** When each organisation inside the scope was founded (created), for rhythms. */
	public List<Founded> founded(DataScope scope, UUID orgId) {
		return jdbc.sql("""
				SELECT o.id, o.name, o.level, o.created_at, o.scope_path FROM party.party_org o
				 WHERE o.scope_path LIKE :scope AND (CAST(:orgId AS uuid) IS NULL OR o.id = CAST(:orgId AS uuid))
				 ORDER BY o.scope_path, o.name
				""")
			.param("scope", scope.likePattern())
			.param("orgId", orgId)
			.query((rs, row) -> new Founded(rs.getObject(1, UUID.class), rs.getString(2),
					PartyLevel.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	public record Founded(UUID orgId, String name, PartyLevel level, Instant createdAt, String scopePath) {
	}

	private static BranchMeeting meeting(ResultSet rs, int row) throws SQLException {
		Timestamp held = rs.getTimestamp("held_at");
		return new BranchMeeting(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
				rs.getString("org_name"), MeetingKind.valueOf(rs.getString("kind")), rs.getString("topic"),
				rs.getString("place"), rs.getTimestamp("starts_at").toInstant(),
				MeetingState.valueOf(rs.getString("state")), rs.getString("minutes"),
				held == null ? null : held.toInstant(), rs.getString("cancel_reason"), rs.getInt("version"));
	}
}
