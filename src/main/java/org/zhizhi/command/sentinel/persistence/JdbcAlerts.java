package org.zhizhi.command.sentinel.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.command.AlertAction;
import org.zhizhi.command.AlertOutcome;
import org.zhizhi.command.AlertState;
import org.zhizhi.command.EvidenceKind;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.SubjectKind;
import org.zhizhi.command.sentinel.Alert;
import org.zhizhi.command.sentinel.AlertStep;
import org.zhizhi.command.sentinel.Fact;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/**
 * Alerts (the aggregate: raised by an insert the open-condition index may refuse, saved against its version, its
 * events published after the save) and their insert-only steps.
 */
@Repository
public class JdbcAlerts {

	private static final String COLUMNS = """
			a.id, a.rule_id, a.kind, a.district_id, a.scope_path, a.subject_kind, a.subject_id, a.subject_name,
			       a.grid_id, a.estate_id, a.measure, a.threshold, a.window_days, a.evidence_kind, a.evidence_ids,
			       a.category_code, a.raised_at, a.due_at, a.owner_role, a.owner_id, a.owner_name, a.state,
			       a.acknowledged_at, a.handled_at, a.handled_note, a.closed_at, a.outcome, a.version""";

	/** A page of a scope's alerts: open ones first, the oldest of them first, then the rest latest first. */
	public record Filter(AlertState state, RuleKind kind, boolean openOnly) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcAlerts(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Raises the alert unless one of the same condition (rule and subject) is open: the partial unique index
	 * {@code alert_open_idx} decides, so two passes at once raise it once. Answers whether this one was raised; its
	 * {@code AlertRaised} is published only then.
	 */
	public boolean raise(Alert alert) {
		Alert.Raised r = alert.raised();
		Fact f = r.fact();
		int inserted = jdbc.sql("""
				INSERT INTO command.alert (id, rule_id, kind, district_id, scope_path, subject_kind, subject_id,
				       subject_name, grid_id, estate_id, measure, threshold, window_days, evidence_kind, evidence_ids,
				       category_code, raised_at, due_at, owner_role, state)
				VALUES (:id, :rule, :kind, :district, :scope, :subjectKind, :subject, :subjectName, :grid, :estate,
				        :measure, :threshold, :window, :evidenceKind, :evidence, :category, :raised, :due, :owner, :state)
				ON CONFLICT (rule_id, subject_id) WHERE state <> 'CLOSED' DO NOTHING""")
			.param("id", alert.id())
			.param("rule", r.ruleId())
			.param("kind", r.kind().name())
			.param("district", r.districtId())
			.param("scope", f.scopePath())
			.param("subjectKind", f.subjectKind().name())
			.param("subject", f.subjectId())
			.param("subjectName", f.subjectName())
			.param("grid", f.gridId())
			.param("estate", f.estateId())
			.param("measure", f.measure())
			.param("threshold", r.threshold())
			.param("window", r.windowDays())
			.param("evidenceKind", f.evidenceKind().name())
			.param("evidence", f.evidenceIds().toArray(UUID[]::new))
			.param("category", f.categoryCode())
			.param("raised", Timestamp.from(r.at()))
			.param("due", Timestamp.from(r.dueAt()))
			.param("owner", r.ownerRole().name())
			.param("state", alert.state().name())
			.update();
		if (inserted != 1) {
			return false;
		}
		alert.announceRaised();
		alert.publishEvents(events::publishEvent);
		return true;
	}

	/** Saves the alert against its version and publishes its events; false if someone changed it first. */
	public boolean save(Alert alert) {
		int updated = jdbc.sql("""
				UPDATE command.alert SET state = :state, owner_id = :owner, owner_name = :ownerName,
				       acknowledged_at = :ack, handled_at = :handled, handled_note = :note, closed_at = :closed,
				       outcome = :outcome, version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("state", alert.state().name())
			.param("owner", alert.ownerId())
			.param("ownerName", alert.ownerName())
			.param("ack", ts(alert.acknowledgedAt()))
			.param("handled", ts(alert.handledAt()))
			.param("note", alert.handledNote())
			.param("closed", ts(alert.closedAt()))
			.param("outcome", alert.outcome() == null ? null : alert.outcome().name())
			.param("id", alert.id())
			.param("version", alert.version())
			.update();
		if (updated != 1) {
			return false;
		}
		alert.saved();
		alert.publishEvents(events::publishEvent);
		return true;
	}

	public Optional<Alert> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM command.alert a WHERE a.id = :id")
			.param("id", id)
			.query(JdbcAlerts::alert)
			.optional();
	}

	public List<Alert> ofScope(DataScope scope, Filter filter, int limit, int offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM command.alert a WHERE a.scope_path LIKE :scope"
				+ " AND (CAST(:state AS varchar) IS NULL OR a.state = :state)"
				+ " AND (CAST(:kind AS varchar) IS NULL OR a.kind = :kind)"
				+ " AND (NOT :openOnly OR a.state <> 'CLOSED')"
				+ " ORDER BY CASE WHEN a.state <> 'CLOSED' THEN 0 ELSE 1 END,"
				+ " CASE WHEN a.state <> 'CLOSED' THEN a.raised_at END, a.raised_at DESC, a.id LIMIT :l OFFSET :o")
			.param("scope", scope.likePattern())
			.param("state", filter.state() == null ? null : filter.state().name())
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("openOnly", filter.openOnly())
			.param("l", limit)
			.param("o", offset)
			.query(JdbcAlerts::alert)
			.list();
	}

	/** Open alerts of a scope not handled by their due time, the latest due first. */
	public List<Alert> late(DataScope scope, Instant now, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM command.alert a WHERE a.scope_path LIKE :scope"
				+ " AND a.state IN ('NEW', 'ACKNOWLEDGED') AND a.due_at < :now ORDER BY a.due_at, a.id LIMIT :l")
			.param("scope", scope.likePattern())
			.param("now", Timestamp.from(now))
			.param("l", limit)
			.query(JdbcAlerts::alert)
			.list();
	}

	/** Per state, how many alerts a scope has. */
	public Map<AlertState, Long> counts(DataScope scope) {
		Map<AlertState, Long> counts = new java.util.EnumMap<>(AlertState.class);
		for (AlertState s : AlertState.values()) {
			counts.put(s, 0L);
		}
		jdbc.sql("SELECT state, count(*) FROM command.alert WHERE scope_path LIKE :scope GROUP BY state")
			.param("scope", scope.likePattern())
			.query((rs, n) -> counts.put(AlertState.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** How many open alerts each grid (or estate) of a scope has: {@code column} is grid_id or estate_id. */
	public Map<UUID, Long> openCountsBy(DataScope scope, boolean byGrid) {
		String column = byGrid ? "grid_id" : "estate_id";
		Map<UUID, Long> counts = new java.util.LinkedHashMap<>();
		jdbc.sql("SELECT " + column + ", count(*) FROM command.alert WHERE scope_path LIKE :scope"
				+ " AND state <> 'CLOSED' AND " + column + " IS NOT NULL GROUP BY " + column + " ORDER BY 2 DESC")
			.param("scope", scope.likePattern())
			.query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		return counts;
	}

	// ---- history

	public void insert(AlertStep step) {
		jdbc.sql("""
				INSERT INTO command.alert_step (id, alert_id, action, state, at, by_id, by_name, note)
				VALUES (:id, :alert, :action, :state, :at, :by, :byName, :note)""")
			.param("id", step.id())
			.param("alert", step.alertId())
			.param("action", step.action() == null ? "RAISE" : step.action().name())
			.param("state", step.state().name())
			.param("at", Timestamp.from(step.at()))
			.param("by", step.byId())
			.param("byName", step.byName())
			.param("note", step.note())
			.update();
	}

	/** The alert's history, oldest first; the raise itself has no action (null). */
	public List<AlertStep> steps(UUID alertId) {
		return jdbc.sql("""
				SELECT id, alert_id, action, state, at, by_id, by_name, note FROM command.alert_step
				 WHERE alert_id = :a ORDER BY at, id""")
			.param("a", alertId)
			.query((rs, n) -> new AlertStep(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					"RAISE".equals(rs.getString(3)) ? null : AlertAction.valueOf(rs.getString(3)),
					AlertState.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class),
					rs.getString(7), rs.getString(8)))
			.list();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	static Alert alert(ResultSet rs, int n) throws SQLException {
		Array array = rs.getArray(15);
		List<UUID> evidence = array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
		Fact fact = new Fact(SubjectKind.valueOf(rs.getString(6)), rs.getObject(7, UUID.class), rs.getString(8),
				rs.getString(5), rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getInt(11),
				EvidenceKind.valueOf(rs.getString(14)), evidence, rs.getString(16));
		Alert.Raised raised = new Alert.Raised(rs.getObject(2, UUID.class), RuleKind.valueOf(rs.getString(3)),
				rs.getObject(4, UUID.class), fact, rs.getInt(12), rs.getInt(13), Role.valueOf(rs.getString(19)),
				rs.getTimestamp(17).toInstant(), rs.getTimestamp(18).toInstant());
		return new Alert(rs.getObject(1, UUID.class), raised, AlertState.valueOf(rs.getString(22)),
				rs.getObject(20, UUID.class), rs.getString(21), instant(rs, 23), instant(rs, 24), rs.getString(25),
				instant(rs, 26), rs.getString(27) == null ? null : AlertOutcome.valueOf(rs.getString(27)),
				rs.getInt(28));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
