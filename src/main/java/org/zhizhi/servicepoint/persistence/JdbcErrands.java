package org.zhizhi.servicepoint.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.servicepoint.Errand;
import org.zhizhi.servicepoint.ErrandAction;
import org.zhizhi.servicepoint.ErrandChannel;
import org.zhizhi.servicepoint.ErrandState;
import org.zhizhi.shared.DataScope;
import org.zhizhi.servicepoint.ErrandKind;
import org.zhizhi.servicepoint.ErrandStep;

/**
 * Errands (the aggregate, saved against its version, its events published after the save), their insert-only history
 * and the kinds of errand (data).
 */
@Repository
public class JdbcErrands {

	private static final String COLUMNS = """
			e.id, e.kind, e.channel, e.details, e.resident_id, e.resident_name, e.household_id, e.dwelling_label,
			       e.org_unit_id, e.org_unit_name, e.scope_path, e.district_id, e.requested_by, e.requested_by_name,
			       e.requested_at, e.state, e.runner_id, e.runner_name, e.assigned_at, e.done_at, e.proof_note,
			       e.proof_photo_id, e.money_received, e.money_spent, e.confirmed_at, e.confirmed_by_name,
			       e.cancel_reason, e.version""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcErrands(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}


	public List<ErrandKind> kinds() {
		return jdbc.sql("SELECT code, name_zh, name_en FROM servicepoint.errand_kind ORDER BY sort_order")
			.query((rs, n) -> new ErrandKind(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public void insert(Errand errand) {
		Errand.Terms t = errand.terms();
		jdbc.sql("""
				INSERT INTO servicepoint.errand (id, kind, channel, details, resident_id, resident_name, household_id,
				       dwelling_label, org_unit_id, org_unit_name, scope_path, district_id, requested_by,
				       requested_by_name, requested_at, state)
				VALUES (:id, :kind, :channel, :details, :resident, :residentName, :household, :dwelling, :unit,
				        :unitName, :scope, :district, :by, :byName, :at, :state)""")
			.param("id", errand.id())
			.param("kind", t.kind())
			.param("channel", t.channel().name())
			.param("details", t.details())
			.param("resident", t.residentId())
			.param("residentName", t.residentName())
			.param("household", t.householdId())
			.param("dwelling", t.dwellingLabel())
			.param("unit", t.orgUnitId())
			.param("unitName", t.orgUnitName())
			.param("scope", t.scopePath())
			.param("district", t.districtId())
			.param("by", t.requestedBy())
			.param("byName", t.requestedByName())
			.param("at", Timestamp.from(t.requestedAt()))
			.param("state", errand.state().name())
			.update();
	}

	/** Saves the errand against its version and publishes its events; false if someone changed it first. */
	public boolean save(Errand errand) {
		Errand.Proof proof = errand.proof();
		int updated = jdbc.sql("""
				UPDATE servicepoint.errand SET state = :state, runner_id = :runner, runner_name = :runnerName,
				       assigned_at = :assigned, done_at = :done, proof_note = :note, proof_photo_id = :photo,
				       money_received = :received, money_spent = :spent, confirmed_at = :confirmed,
				       confirmed_by_name = :confirmedBy, cancel_reason = :reason, version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("state", errand.state().name())
			.param("runner", errand.runnerId())
			.param("runnerName", errand.runnerName())
			.param("assigned", ts(errand.assignedAt()))
			.param("done", ts(errand.doneAt()))
			.param("note", proof == null ? null : proof.note())
			.param("photo", proof == null ? null : proof.photoId())
			.param("received", proof == null ? null : proof.moneyReceived())
			.param("spent", proof == null ? null : proof.moneySpent())
			.param("confirmed", ts(errand.confirmedAt()))
			.param("confirmedBy", errand.confirmedByName())
			.param("reason", errand.cancelReason())
			.param("id", errand.id())
			.param("version", errand.version())
			.update();
		if (updated != 1) {
			return false;
		}
		errand.saved();
		errand.publishEvents(events::publishEvent);
		return true;
	}

	public Optional<Errand> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM servicepoint.errand e WHERE e.id = :id")
			.param("id", id)
			.query(JdbcErrands::errand)
			.optional();
	}

	/** The errands of a scope in a state (null: all), the oldest open first, then the latest. */
	public List<Errand> ofScope(DataScope scope, ErrandState state, int limit, int offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM servicepoint.errand e WHERE e.scope_path LIKE :scope"
				+ " AND (CAST(:state AS varchar) IS NULL OR e.state = :state)"
				+ " ORDER BY CASE WHEN e.state IN ('REQUESTED', 'ASSIGNED', 'DONE') THEN 0 ELSE 1 END,"
				+ " CASE WHEN e.state IN ('REQUESTED', 'ASSIGNED', 'DONE') THEN e.requested_at END,"
				+ " e.requested_at DESC, e.id LIMIT :l OFFSET :o")
			.param("scope", scope.likePattern())
			.param("state", state == null ? null : state.name())
			.param("l", limit)
			.param("o", offset)
			.query(JdbcErrands::errand)
			.list();
	}

	/** Every errand of a scope, for the export, oldest first, streamed. */
	public void eachOfScope(DataScope scope, Consumer<Errand> sink) {
		jdbc.sql("SELECT " + COLUMNS + " FROM servicepoint.errand e WHERE e.scope_path LIKE :scope"
				+ " ORDER BY e.requested_at, e.id")
			.param("scope", scope.likePattern())
			.query(JdbcErrands::errand)
			.stream()
			.forEach(sink);
	}

	/** The errands a person asked, runs, or that are his household's; open ones first. */
	public List<Errand> ofPerson(UUID accountId, UUID householdId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM servicepoint.errand e WHERE e.requested_by = :a"
				+ " OR e.runner_id = :a OR (CAST(:h AS uuid) IS NOT NULL AND e.household_id = :h)"
				+ " ORDER BY CASE WHEN e.state IN ('CONFIRMED', 'CANCELLED') THEN 1 ELSE 0 END,"
				+ " e.requested_at DESC LIMIT :l")
			.param("a", accountId)
			.param("h", householdId)
			.param("l", limit)
			.query(JdbcErrands::errand)
			.list();
	}

	/** Per state, how many errands a scope has. */
	public java.util.Map<ErrandState, Long> counts(DataScope scope) {
		java.util.Map<ErrandState, Long> counts = new java.util.EnumMap<>(ErrandState.class);
		for (ErrandState s : ErrandState.values()) {
			counts.put(s, 0L);
		}
		jdbc.sql("SELECT state, count(*) FROM servicepoint.errand WHERE scope_path LIKE :scope GROUP BY state")
			.param("scope", scope.likePattern())
			.query((rs, n) -> counts.put(ErrandState.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	// ---- history


	public void insert(ErrandStep step) {
		jdbc.sql("""
				INSERT INTO servicepoint.errand_step (id, errand_id, action, state, at, by_id, by_name, note)
				VALUES (:id, :errand, :action, :state, :at, :by, :byName, :note)""")
			.param("id", step.id())
			.param("errand", step.errandId())
			.param("action", step.action() == null ? "REQUEST" : step.action().name())
			.param("state", step.state().name())
			.param("at", Timestamp.from(step.at()))
			.param("by", step.byId())
			.param("byName", step.byName())
			.param("note", step.note())
			.update();
	}

	/** The errand's history, oldest first; the request itself has no action (null). */
	public List<ErrandStep> steps(UUID errandId) {
		return jdbc.sql("""
				SELECT id, errand_id, action, state, at, by_id, by_name, note FROM servicepoint.errand_step
				 WHERE errand_id = :e ORDER BY at, id""")
			.param("e", errandId)
			.query((rs, n) -> new ErrandStep(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					"REQUEST".equals(rs.getString(3)) ? null : ErrandAction.valueOf(rs.getString(3)),
					ErrandState.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class),
					rs.getString(7), rs.getString(8)))
			.list();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	static Errand errand(ResultSet rs, int n) throws SQLException {
		Errand.Terms terms = new Errand.Terms(rs.getString(2), ErrandChannel.valueOf(rs.getString(3)), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
				rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11), rs.getObject(12, UUID.class),
				rs.getObject(13, UUID.class), rs.getString(14), rs.getTimestamp(15).toInstant());
		Errand.Proof proof = rs.getTimestamp(20) == null ? null
				: new Errand.Proof(rs.getString(21), rs.getObject(22, UUID.class), rs.getBigDecimal(23),
						rs.getBigDecimal(24));
		return new Errand(rs.getObject(1, UUID.class), terms, ErrandState.valueOf(rs.getString(16)),
				rs.getObject(17, UUID.class), rs.getString(18), instant(rs, 19), instant(rs, 20), proof,
				instant(rs, 25), rs.getString(26), rs.getString(27), rs.getInt(28));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
