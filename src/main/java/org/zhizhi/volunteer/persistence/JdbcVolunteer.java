package org.zhizhi.volunteer.persistence;

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
import org.zhizhi.shared.DataScope;
import org.zhizhi.volunteer.Activity;
import org.zhizhi.volunteer.ActivityState;
import org.zhizhi.volunteer.MemberKind;
import org.zhizhi.volunteer.Participation;
import org.zhizhi.volunteer.ParticipationState;
import org.zhizhi.volunteer.Team;
import org.zhizhi.volunteer.TeamKind;
import org.zhizhi.volunteer.VolunteerMonth;

/**
 * Teams, members, activities and participations. A participation's key is (activity, person): two sign-ups at once
 * make one. Sign-ups and cancellations of an activity lock its row, so the places are counted one at a time and the
 * waiting list moves up in order; a participation is saved against its version.
 */
@Repository
public class JdbcVolunteer {

	private static final String TEAM_COLUMNS = """
			t.id, t.org_unit_id, t.org_unit_name, t.scope_path, t.district_id, t.name, t.kind, t.leader_id, t.leader_name,
			t.description, t.recruiting, (SELECT count(*) FROM volunteer.team_member m WHERE m.team_id = t.id),
			t.created_at, t.contact, t.recruitment""";

	private static final String ACTIVITY_COLUMNS = """
			a.id, a.team_id, t.name, a.scope_path, a.district_id, a.title, a.description, a.place, a.lat, a.lng,
			a.starts_at, a.ends_at, a.slots, a.organiser_id, a.organiser_name, a.state, a.created_at""";

	private static final String PARTICIPATION_COLUMNS = """
			activity_id, person_id, person_name, queued_at, state, checked_in_at, check_in_lat, check_in_lng,
			checked_out_at, check_out_lat, check_out_lng, minutes, approved_at, approved_by, approved_by_name, version""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcVolunteer(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	// ---- teams

	public void insert(Team team) {
		jdbc.sql("""
				INSERT INTO volunteer.team (id, org_unit_id, org_unit_name, scope_path, district_id, name, kind, leader_id,
				                            leader_name, description, recruiting, created_at, contact, recruitment)
				VALUES (:id, :unit, :unitName, :scope, :district, :name, :kind, :leader, :leaderName, :description,
				        :recruiting, :at, :contact, :recruitment)""")
			.param("id", team.id())
			.param("unit", team.orgUnitId())
			.param("unitName", team.orgUnitName())
			.param("scope", team.scopePath())
			.param("district", team.districtId())
			.param("name", team.name())
			.param("kind", team.kind().name())
			.param("leader", team.leaderId())
			.param("leaderName", team.leaderName())
			.param("description", team.description())
			.param("recruiting", team.recruiting())
			.param("at", Timestamp.from(team.createdAt()))
			.param("contact", team.contact())
			.param("recruitment", team.recruitment())
			.update();
	}

	public boolean teamNamed(UUID orgUnitId, String name) {
		return jdbc.sql("SELECT count(*) FROM volunteer.team WHERE org_unit_id = :unit AND name = :name")
			.param("unit", orgUnitId)
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	public List<Team> teams(DataScope scope) {
		return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM volunteer.team t WHERE t.scope_path LIKE :scope"
				+ " ORDER BY t.scope_path, t.name")
			.param("scope", scope.likePattern())
			.query(JdbcVolunteer::team)
			.list();
	}

	/** Teams whose place covers the person's: those he may join and whose activities he sees. */
	public List<Team> teamsCovering(String path) {
		return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM volunteer.team t WHERE :path LIKE t.scope_path || '%'"
				+ " ORDER BY t.name")
			.param("path", path)
			.query(JdbcVolunteer::team)
			.list();
	}

	public Optional<Team> team(UUID id) {
		return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM volunteer.team t WHERE t.id = :id")
			.param("id", id)
			.query(JdbcVolunteer::team)
			.optional();
	}

	/** The leader's or the desk's settings of a team: its contact, whether it recruits and what help it seeks. */
	public void settle(UUID teamId, String contact, boolean recruiting, String recruitment) {
		jdbc.sql("UPDATE volunteer.team SET contact = :contact, recruiting = :recruiting, recruitment = :recruitment"
				+ " WHERE id = :id")
			.param("id", teamId)
			.param("contact", contact)
			.param("recruiting", recruiting)
			.param("recruitment", recruitment)
			.update();
	}

	/** False if he is a member already. */
	public boolean join(UUID teamId, UUID personId, String name, MemberKind kind, LocalDate on) {
		return jdbc.sql("""
				INSERT INTO volunteer.team_member (team_id, person_id, person_name, kind, joined_on)
				VALUES (:team, :person, :name, :kind, :on) ON CONFLICT DO NOTHING""")
			.param("team", teamId)
			.param("person", personId)
			.param("name", name)
			.param("kind", kind.name())
			.param("on", on)
			.update() == 1;
	}

	public record Member(UUID personId, String name, MemberKind kind, LocalDate joinedOn) {
	}

	public List<Member> members(UUID teamId) {
		return jdbc.sql("SELECT person_id, person_name, kind, joined_on FROM volunteer.team_member WHERE team_id = :t"
				+ " ORDER BY joined_on, person_name")
			.param("t", teamId)
			.query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), MemberKind.valueOf(rs.getString(3)),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	public boolean isMember(UUID teamId, UUID personId) {
		return jdbc.sql("SELECT count(*) FROM volunteer.team_member WHERE team_id = :t AND person_id = :p")
			.param("t", teamId)
			.param("p", personId)
			.query(Long.class)
			.single() > 0;
	}

	// ---- activities

	public void insert(Activity a, byte[] codeSecret) {
		jdbc.sql("""
				INSERT INTO volunteer.activity (id, team_id, scope_path, district_id, title, description, place, lat, lng,
				                                starts_at, ends_at, slots, organiser_id, organiser_name, code_secret,
				                                state, created_at)
				VALUES (:id, :team, :scope, :district, :title, :description, :place, :lat, :lng, :starts, :ends, :slots,
				        :organiser, :organiserName, :secret, :state, :at)""")
			.param("id", a.id())
			.param("team", a.teamId())
			.param("scope", a.scopePath())
			.param("district", a.districtId())
			.param("title", a.title())
			.param("description", a.description())
			.param("place", a.place())
			.param("lat", a.lat())
			.param("lng", a.lng())
			.param("starts", Timestamp.from(a.startsAt()))
			.param("ends", Timestamp.from(a.endsAt()))
			.param("slots", a.slots())
			.param("organiser", a.organiserId())
			.param("organiserName", a.organiserName())
			.param("secret", codeSecret)
			.param("state", a.state().name())
			.param("at", Timestamp.from(a.createdAt()))
			.update();
	}

	public Optional<Activity> activity(UUID id) {
		return jdbc.sql("SELECT " + ACTIVITY_COLUMNS
				+ " FROM volunteer.activity a JOIN volunteer.team t ON t.id = a.team_id WHERE a.id = :id")
			.param("id", id)
			.query(JdbcVolunteer::activity)
			.optional();
	}

	/** Locks the activity's row: its places are counted one sign-up or cancellation at a time. */
	public Optional<Activity> lockActivity(UUID id) {
		return jdbc.sql("SELECT " + ACTIVITY_COLUMNS + " FROM volunteer.activity a JOIN volunteer.team t"
				+ " ON t.id = a.team_id WHERE a.id = :id FOR UPDATE OF a")
			.param("id", id)
			.query(JdbcVolunteer::activity)
			.optional();
	}

	public byte[] codeSecret(UUID activityId) {
		return jdbc.sql("SELECT code_secret FROM volunteer.activity WHERE id = :id")
			.param("id", activityId)
			.query(byte[].class)
			.single();
	}

	public void cancelActivity(UUID id) {
		jdbc.sql("UPDATE volunteer.activity SET state = 'CANCELLED', version = version + 1 WHERE id = :id")
			.param("id", id)
			.update();
	}

	/** Activities of the scope (or of the places covering a person) from an instant on, soonest first. */
	public List<Activity> activities(DataScope scope, Instant from, int limit) {
		return jdbc.sql("SELECT " + ACTIVITY_COLUMNS + " FROM volunteer.activity a JOIN volunteer.team t"
				+ " ON t.id = a.team_id WHERE a.scope_path LIKE :scope AND a.ends_at >= :from"
				+ " ORDER BY a.starts_at, a.id LIMIT :limit")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("limit", limit)
			.query(JdbcVolunteer::activity)
			.list();
	}

	public List<Activity> activitiesCovering(String path, Instant from, int limit) {
		return jdbc.sql("SELECT " + ACTIVITY_COLUMNS + " FROM volunteer.activity a JOIN volunteer.team t"
				+ " ON t.id = a.team_id WHERE :path LIKE t.scope_path || '%' AND a.ends_at >= :from"
				+ " AND a.state = 'OPEN' ORDER BY a.starts_at, a.id LIMIT :limit")
			.param("path", path)
			.param("from", Timestamp.from(from))
			.param("limit", limit)
			.query(JdbcVolunteer::activity)
			.list();
	}

	/** A team's activities not over yet, the soonest first. */
	public List<Activity> upcomingOfTeam(UUID teamId, Instant now, int limit) {
		return jdbc.sql("SELECT " + ACTIVITY_COLUMNS + " FROM volunteer.activity a JOIN volunteer.team t"
				+ " ON t.id = a.team_id WHERE a.team_id = :team AND a.ends_at > :now ORDER BY a.starts_at, a.id"
				+ " LIMIT :limit")
			.param("team", teamId)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(JdbcVolunteer::activity)
			.list();
	}

	/** A page of a team's activities, the latest first ({@code before}: only those over by then; null: all). */
	public List<Activity> activitiesOfTeam(UUID teamId, Instant before, int limit, int offset) {
		return jdbc.sql("SELECT " + ACTIVITY_COLUMNS + " FROM volunteer.activity a JOIN volunteer.team t"
				+ " ON t.id = a.team_id WHERE a.team_id = :team AND (CAST(:before AS timestamptz) IS NULL"
				+ " OR a.ends_at <= :before) ORDER BY a.starts_at DESC, a.id LIMIT :limit OFFSET :offset")
			.param("team", teamId)
			.param("before", before == null ? null : Timestamp.from(before))
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcVolunteer::activity)
			.list();
	}

	public long activityCount(UUID teamId) {
		return jdbc.sql("SELECT count(*) FROM volunteer.activity WHERE team_id = :team")
			.param("team", teamId)
			.query(Long.class)
			.single();
	}

	// ---- participations

	/** False if the person has his row already (signed up before, or two sign-ups at once). */
	public boolean insert(Participation p) {
		return jdbc.sql("""
				INSERT INTO volunteer.participation (activity_id, person_id, person_name, state, queued_at)
				VALUES (:activity, :person, :name, :state, :at) ON CONFLICT DO NOTHING""")
			.param("activity", p.activityId())
			.param("person", p.personId())
			.param("name", p.personName())
			.param("state", p.state().name())
			.param("at", Timestamp.from(p.queuedAt()))
			.update() == 1;
	}

	public boolean save(Participation p) {
		int updated = jdbc.sql("""
				UPDATE volunteer.participation
				   SET state = :state, checked_in_at = :in, check_in_lat = :inLat, check_in_lng = :inLng,
				       checked_out_at = :out, check_out_lat = :outLat, check_out_lng = :outLng, minutes = :minutes,
				       approved_at = :approvedAt, approved_by = :approvedBy, approved_by_name = :approvedByName,
				       version = version + 1
				 WHERE activity_id = :activity AND person_id = :person AND version = :version""")
			.param("state", p.state().name())
			.param("in", p.checkedInAt() == null ? null : Timestamp.from(p.checkedInAt()))
			.param("inLat", p.checkInLat())
			.param("inLng", p.checkInLng())
			.param("out", p.checkedOutAt() == null ? null : Timestamp.from(p.checkedOutAt()))
			.param("outLat", p.checkOutLat())
			.param("outLng", p.checkOutLng())
			.param("minutes", p.minutes())
			.param("approvedAt", p.approvedAt() == null ? null : Timestamp.from(p.approvedAt()))
			.param("approvedBy", p.approvedBy())
			.param("approvedByName", p.approvedByName())
			.param("activity", p.activityId())
			.param("person", p.personId())
			.param("version", p.version())
			.update();
		if (updated != 1) {
			return false;
		}
		p.saved();
		p.publishEvents(events::publishEvent);
		return true;
	}

	public Optional<Participation> participation(UUID activityId, UUID personId) {
		return jdbc.sql("SELECT " + PARTICIPATION_COLUMNS + " FROM volunteer.participation"
				+ " WHERE activity_id = :a AND person_id = :p")
			.param("a", activityId)
			.param("p", personId)
			.query(JdbcVolunteer::participation)
			.optional();
	}

	public List<Participation> participations(UUID activityId) {
		return jdbc.sql("SELECT " + PARTICIPATION_COLUMNS + " FROM volunteer.participation WHERE activity_id = :a"
				+ " ORDER BY queued_at, person_id")
			.param("a", activityId)
			.query(JdbcVolunteer::participation)
			.list();
	}

	/** Places taken: everyone signed up but the waiting, the cancelled and the absent. */
	public long taken(UUID activityId) {
		return jdbc.sql("SELECT count(*) FROM volunteer.participation WHERE activity_id = :a"
				+ " AND state NOT IN ('WAITING', 'CANCELLED', 'ABSENT')")
			.param("a", activityId)
			.query(Long.class)
			.single();
	}

	public Optional<Participation> firstWaiting(UUID activityId) {
		return jdbc.sql("SELECT " + PARTICIPATION_COLUMNS + " FROM volunteer.participation"
				+ " WHERE activity_id = :a AND state = 'WAITING' ORDER BY queued_at, person_id LIMIT 1")
			.param("a", activityId)
			.query(JdbcVolunteer::participation)
			.optional();
	}

	/** A person's record: every activity he took part in, newest first, with the activity. */
	public record Record(Activity activity, Participation participation) {
	}

	public List<Record> recordOf(UUID personId, int limit) {
		return jdbc.sql("SELECT " + ACTIVITY_COLUMNS + ", " + PARTICIPATION_COLUMNS.replaceAll("(\\w+)", "p.$1")
				+ " FROM volunteer.participation p JOIN volunteer.activity a ON a.id = p.activity_id"
				+ " JOIN volunteer.team t ON t.id = a.team_id WHERE p.person_id = :p ORDER BY a.starts_at DESC LIMIT :l")
			.param("p", personId)
			.param("l", limit)
			.query((rs, n) -> new Record(activity(rs, n), participationAt(rs, 17)))
			.list();
	}

	/** The minutes of a person's approved hours in all. */
	/** The scope's activities starting in [from, to), not cancelled, with who served and the minutes approved. */
	public VolunteerMonth served(DataScope scope, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT count(DISTINCT a.id),
				       count(DISTINCT p.person_id) FILTER (WHERE p.state IN ('CHECKED_OUT', 'APPROVED')),
				       coalesce(sum(p.minutes) FILTER (WHERE p.state = 'APPROVED'), 0)
				  FROM volunteer.activity a
				  LEFT JOIN volunteer.participation p ON p.activity_id = a.id
				 WHERE a.scope_path LIKE :scope AND a.starts_at >= :from AND a.starts_at < :to AND a.state = 'OPEN'""")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new VolunteerMonth(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	public long approvedMinutes(UUID personId) {
		return jdbc.sql("SELECT coalesce(sum(minutes), 0) FROM volunteer.participation WHERE person_id = :p"
				+ " AND state = 'APPROVED'")
			.param("p", personId)
			.query(Long.class)
			.single();
	}

	// ---- corrections

	/** False if a request of his is open already. */
	public boolean requestCorrection(UUID id, UUID activityId, UUID personId, int from, int to, String reason,
			Instant at) {
		return jdbc.sql("""
				INSERT INTO volunteer.hours_correction (id, activity_id, person_id, from_minutes, to_minutes, reason,
				                                        requested_at)
				VALUES (:id, :a, :p, :from, :to, :reason, :at) ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("a", activityId)
			.param("p", personId)
			.param("from", from)
			.param("to", to)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public record Correction(UUID id, UUID activityId, UUID personId, int fromMinutes, int toMinutes, String reason,
			Instant requestedAt, String decision, String decidedByName, String note) {
	}

	public Optional<Correction> openCorrection(UUID activityId, UUID personId) {
		return jdbc.sql("""
				SELECT id, activity_id, person_id, from_minutes, to_minutes, reason, requested_at, decision,
				       decided_by_name, note
				  FROM volunteer.hours_correction WHERE activity_id = :a AND person_id = :p AND decision IS NULL
				   FOR UPDATE""")
			.param("a", activityId)
			.param("p", personId)
			.query(JdbcVolunteer::correction)
			.optional();
	}

	public List<Correction> corrections(UUID activityId) {
		return jdbc.sql("""
				SELECT id, activity_id, person_id, from_minutes, to_minutes, reason, requested_at, decision,
				       decided_by_name, note
				  FROM volunteer.hours_correction WHERE activity_id = :a ORDER BY requested_at""")
			.param("a", activityId)
			.query(JdbcVolunteer::correction)
			.list();
	}

	public void decide(UUID id, String decision, UUID by, String byName, String note, Instant at) {
		jdbc.sql("""
				UPDATE volunteer.hours_correction SET decision = :d, decided_by = :by, decided_by_name = :name,
				       note = :note, decided_at = :at WHERE id = :id AND decision IS NULL""")
			.param("d", decision)
			.param("by", by)
			.param("name", byName)
			.param("note", note)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	static Correction correction(ResultSet rs, int n) throws SQLException {
		return new Correction(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
				rs.getString(9), rs.getString(10));
	}

	static Team team(ResultSet rs, int n) throws SQLException {
		return new Team(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getString(6), TeamKind.valueOf(rs.getString(7)),
				rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10), rs.getBoolean(11), rs.getLong(12),
				rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getString(15));
	}

	static Activity activity(ResultSet rs, int n) throws SQLException {
		return new Activity(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getDouble(9),
				rs.getDouble(10), rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(), rs.getInt(13),
				rs.getObject(14, UUID.class), rs.getString(15), ActivityState.valueOf(rs.getString(16)),
				rs.getTimestamp(17).toInstant());
	}

	static Participation participation(ResultSet rs, int row) throws SQLException {
		return participationAt(rs, 0);
	}

	/** A participation read from the result set's columns after the first {@code o}. */
	static Participation participationAt(ResultSet rs, int o) throws SQLException {
		int minutes = rs.getInt(o + 12);
		Integer served = rs.wasNull() ? null : minutes;
		return new Participation(rs.getObject(o + 1, UUID.class), rs.getObject(o + 2, UUID.class), rs.getString(o + 3),
				rs.getTimestamp(o + 4).toInstant(), ParticipationState.valueOf(rs.getString(o + 5)),
				instant(rs, o + 6), number(rs, o + 7), number(rs, o + 8), instant(rs, o + 9), number(rs, o + 10),
				number(rs, o + 11), served, instant(rs, o + 13), rs.getObject(o + 14, UUID.class), rs.getString(o + 15),
				rs.getInt(o + 16));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static Double number(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}
}
