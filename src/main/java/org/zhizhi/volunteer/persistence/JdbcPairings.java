package org.zhizhi.volunteer.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.volunteer.Pairing;
import org.zhizhi.volunteer.PairingNeed;
import org.zhizhi.volunteer.PairingState;

/**
 * Pairings (the aggregate, saved against its version, its events published after the save) and their visits
 * (insert-only, one a day). The due day of the next visit is computed in SQL the same way {@link Pairing#dueOn} does,
 * for the lists sorted by it and for the sweep that flags missed visits.
 */
@Repository
public class JdbcPairings {

	private static final String COLUMNS = """
			p.id, p.org_unit_id, p.org_unit_name, p.scope_path, p.district_id, p.team_id, p.helper_id, p.helper_name,
			p.resident_id, p.resident_name, p.dwelling_label, p.need, p.every_days, p.started_on, p.last_visit_on,
			p.visits, p.state, p.ended_on, p.end_reason, p.version""";

	private static final String DUE = "(coalesce(p.last_visit_on, p.started_on) + p.every_days)";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcPairings(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** False if the helper is paired with that person already. */
	public boolean insert(Pairing pairing, UUID createdBy, Instant at) {
		Pairing.Terms t = pairing.terms();
		try {
			return jdbc.sql("""
					INSERT INTO volunteer.pairing (id, org_unit_id, org_unit_name, scope_path, district_id, team_id,
					       helper_id, helper_name, resident_id, resident_name, dwelling_label, need, every_days,
					       started_on, state, created_by, created_at)
					VALUES (:id, :unit, :unitName, :scope, :district, :team, :helper, :helperName, :resident,
					        :residentName, :dwelling, :need, :every, :started, 'ACTIVE', :by, :at)
					ON CONFLICT DO NOTHING""")
				.param("id", pairing.id())
				.param("unit", t.orgUnitId())
				.param("unitName", t.orgUnitName())
				.param("scope", t.scopePath())
				.param("district", t.districtId())
				.param("team", t.teamId())
				.param("helper", t.helperId())
				.param("helperName", t.helperName())
				.param("resident", t.residentId())
				.param("residentName", t.residentName())
				.param("dwelling", t.dwellingLabel())
				.param("need", t.need().name())
				.param("every", t.everyDays())
				.param("started", Date.valueOf(t.startedOn()))
				.param("by", createdBy)
				.param("at", Timestamp.from(at))
				.update() == 1;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	/** Saves the pairing's state against its version and publishes its events; false if someone changed it first. */
	public boolean save(Pairing pairing) {
		int updated = jdbc.sql("""
				UPDATE volunteer.pairing SET last_visit_on = :last, visits = :visits, state = :state, ended_on = :ended,
				       end_reason = :reason, version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("last", pairing.lastVisitOn() == null ? null : Date.valueOf(pairing.lastVisitOn()))
			.param("visits", pairing.visits())
			.param("state", pairing.state().name())
			.param("ended", pairing.endedOn() == null ? null : Date.valueOf(pairing.endedOn()))
			.param("reason", pairing.endReason())
			.param("id", pairing.id())
			.param("version", pairing.version())
			.update();
		if (updated != 1) {
			return false;
		}
		pairing.saved();
		pairing.publishEvents(events::publishEvent);
		return true;
	}

	public Optional<Pairing> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.pairing p WHERE p.id = :id")
			.param("id", id)
			.query(JdbcPairings::pairing)
			.optional();
	}

	/** The helper's running pairings, the next visit due first. */
	public List<Pairing> ofHelper(UUID helperId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.pairing p WHERE p.helper_id = :h AND p.state = 'ACTIVE'"
				+ " ORDER BY " + DUE + ", p.resident_name")
			.param("h", helperId)
			.query(JdbcPairings::pairing)
			.list();
	}

	/** The running pairings of a scope, the most overdue first (a page of them). */
	public List<Pairing> ofScope(DataScope scope, int limit, int offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer.pairing p WHERE p.scope_path LIKE :scope"
				+ " AND p.state = 'ACTIVE' ORDER BY " + DUE + ", p.resident_name, p.id LIMIT :l OFFSET :o")
			.param("scope", scope.likePattern())
			.param("l", limit)
			.param("o", offset)
			.query(JdbcPairings::pairing)
			.list();
	}

	/** How many pairings run in a scope, and how many of them have a visit overdue on that day. */
	public record Counts(long running, long overdue) {
	}

	public Counts counts(DataScope scope, LocalDate today) {
		return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE " + DUE + " < :today) FROM volunteer.pairing p"
				+ " WHERE p.scope_path LIKE :scope AND p.state = 'ACTIVE'")
			.param("scope", scope.likePattern())
			.param("today", Date.valueOf(today))
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** Which of these people are looked after by someone already (the pairing form leaves them out). */
	public java.util.Set<UUID> paired(java.util.Collection<UUID> residentIds) {
		if (residentIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT resident_id FROM volunteer.pairing"
				+ " WHERE resident_id IN (:r) AND state = 'ACTIVE'")
			.param("r", residentIds)
			.query(UUID.class)
			.list());
	}

	// ---- visits

	public record Visit(UUID id, UUID pairingId, LocalDate visitedOn, Instant loggedAt, String note, UUID photoId,
			Double lat, Double lng, UUID loggedBy, String loggedByName) {
	}

	/** False if a visit of that day is logged already. */
	public boolean insert(Visit v) {
		return jdbc.sql("""
				INSERT INTO volunteer.pairing_visit (id, pairing_id, visited_on, logged_at, note, photo_id, lat, lng,
				                                     logged_by, logged_by_name)
				VALUES (:id, :pairing, :on, :at, :note, :photo, :lat, :lng, :by, :byName)
				ON CONFLICT (pairing_id, visited_on) DO NOTHING""")
			.param("id", v.id())
			.param("pairing", v.pairingId())
			.param("on", Date.valueOf(v.visitedOn()))
			.param("at", Timestamp.from(v.loggedAt()))
			.param("note", v.note())
			.param("photo", v.photoId())
			.param("lat", v.lat())
			.param("lng", v.lng())
			.param("by", v.loggedBy())
			.param("byName", v.loggedByName())
			.update() == 1;
	}

	public List<Visit> visits(UUID pairingId, int limit) {
		return jdbc.sql("""
				SELECT id, pairing_id, visited_on, logged_at, note, photo_id, lat, lng, logged_by, logged_by_name
				  FROM volunteer.pairing_visit WHERE pairing_id = :p ORDER BY visited_on DESC LIMIT :l""")
			.param("p", pairingId)
			.param("l", limit)
			.query((rs, n) -> new Visit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getDate(3).toLocalDate(), rs.getTimestamp(4).toInstant(), rs.getString(5),
					rs.getObject(6, UUID.class), (Double) rs.getObject(7), (Double) rs.getObject(8),
					rs.getObject(9, UUID.class), rs.getString(10)))
			.list();
	}

	public Optional<Visit> visit(UUID id) {
		return jdbc.sql("""
				SELECT id, pairing_id, visited_on, logged_at, note, photo_id, lat, lng, logged_by, logged_by_name
				  FROM volunteer.pairing_visit WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new Visit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getDate(3).toLocalDate(), rs.getTimestamp(4).toInstant(), rs.getString(5),
					rs.getObject(6, UUID.class), (Double) rs.getObject(7), (Double) rs.getObject(8),
					rs.getObject(9, UUID.class), rs.getString(10)))
			.optional();
	}

	// ---- missed visits

	/** A pairing whose visit was missed, flagged now: whom to tell. */
	public record Missed(UUID pairingId, UUID helperId, String residentName, LocalDate dueOn, UUID districtId) {
	}

	/**
	 * Flags the running pairings whose visit was due before that day and not yet flagged for that due day — each
	 * once, however many nodes sweep at once (the row's update is the claim).
	 */
	public List<Missed> flagMissed(LocalDate today, int limit) {
		return jdbc.sql("UPDATE volunteer.pairing p SET flagged_due_on = " + DUE + " WHERE p.id IN ("
				+ " SELECT q.id FROM volunteer.pairing q WHERE q.state = 'ACTIVE'"
				+ " AND (coalesce(q.last_visit_on, q.started_on) + q.every_days) < :today"
				+ " AND q.flagged_due_on IS DISTINCT FROM (coalesce(q.last_visit_on, q.started_on) + q.every_days)"
				+ " LIMIT :l FOR UPDATE SKIP LOCKED)"
				+ " AND p.flagged_due_on IS DISTINCT FROM " + DUE
				+ " RETURNING p.id, p.helper_id, p.resident_name, " + DUE + ", p.district_id")
			.param("today", Date.valueOf(today))
			.param("l", limit)
			.query((rs, n) -> new Missed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getDate(4).toLocalDate(), rs.getObject(5, UUID.class)))
			.list();
	}

	static Pairing pairing(ResultSet rs, int n) throws SQLException {
		Pairing.Terms terms = new Pairing.Terms(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getString(8),
				rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11), PairingNeed.valueOf(rs.getString(12)),
				rs.getInt(13), rs.getDate(14).toLocalDate());
		return new Pairing(rs.getObject(1, UUID.class), terms,
				rs.getDate(15) == null ? null : rs.getDate(15).toLocalDate(), rs.getInt(16),
				PairingState.valueOf(rs.getString(17)), rs.getDate(18) == null ? null : rs.getDate(18).toLocalDate(),
				rs.getString(19), rs.getInt(20));
	}
}
