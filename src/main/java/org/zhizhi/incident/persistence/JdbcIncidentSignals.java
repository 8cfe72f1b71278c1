package org.zhizhi.incident.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.IncidentSignals.GridIncidents;
import org.zhizhi.incident.IncidentSignals.LastPatrol;
import org.zhizhi.incident.IncidentSignals.LateIncident;
import org.zhizhi.incident.IncidentSignals.UnitRecord;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.shared.DataScope;

/** The sentinel's reads of the incident tables: one grouped statement each, inside the scope's index range. */
@Repository
public class JdbcIncidentSignals {

	private final JdbcClient jdbc;

	JdbcIncidentSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<GridIncidents> unsatisfiedByGrid(DataScope scope, Instant since) {
		return jdbc.sql("""
				SELECT grid_id, min(scope_path), array_agg(id ORDER BY closed_at),
				       mode() WITHIN GROUP (ORDER BY category_code)
				  FROM incident.incident
				 WHERE scope_path LIKE :scope AND rating = 'UNSATISFIED' AND closed_at >= :since
				 GROUP BY grid_id""")
			.param("scope", scope.likePattern())
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new GridIncidents(rs.getObject(1, UUID.class), rs.getString(2), ids(rs.getArray(3)),
					rs.getString(4)))
			.list();
	}

	public List<GridIncidents> overdueByGrid(DataScope scope, Instant since, Instant now) {
		return jdbc.sql("""
				SELECT grid_id, min(scope_path), array_agg(id ORDER BY resolve_due_at),
				       mode() WITHIN GROUP (ORDER BY category_code)
				  FROM incident.incident
				 WHERE scope_path LIKE :scope AND resolve_due_at >= :since AND resolve_due_at < :now
				   AND (closed_at IS NULL OR closed_at > resolve_due_at)
				 GROUP BY grid_id""")
			.param("scope", scope.likePattern())
			.param("since", Timestamp.from(since))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new GridIncidents(rs.getObject(1, UUID.class), rs.getString(2), ids(rs.getArray(3)),
					rs.getString(4)))
			.list();
	}

	public Map<UUID, LastPatrol> lastPatrolByGrid(DataScope scope, Instant since) {
		Map<UUID, LastPatrol> latest = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT DISTINCT ON (grid_id) grid_id, id, reported_at
				  FROM incident.incident
				 WHERE scope_path LIKE :scope AND channel = 'PATROL' AND reported_at >= :since
				 ORDER BY grid_id, reported_at DESC""")
			.param("scope", scope.likePattern())
			.param("since", Timestamp.from(since))
			.query((rs, n) -> latest.put(rs.getObject(1, UUID.class), new LastPatrol(rs.getObject(1, UUID.class),
					rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant())))
			.list();
		return latest;
	}

	public java.util.Set<UUID> gridsReporting(DataScope scope, Instant since) {
		return new java.util.HashSet<>(jdbc.sql("""
				SELECT DISTINCT grid_id FROM incident.incident WHERE scope_path LIKE :scope AND reported_at >= :since""")
			.param("scope", scope.likePattern())
			.param("since", Timestamp.from(since))
			.query(UUID.class)
			.list());
	}

	public List<UnitRecord> unitsClosingOnTime(DataScope area, String categoryCode, Instant since, int limit) {
		return jdbc.sql("""
				SELECT u.id, u.name, count(*),
				       count(*) FILTER (WHERE i.resolve_due_at IS NULL OR i.closed_at <= i.resolve_due_at)
				  FROM incident.incident i JOIN incident.unit u ON u.id = i.unit_id
				 WHERE i.scope_path LIKE :scope AND i.closed_at >= :since
				   AND (CAST(:category AS varchar) IS NULL OR i.category_code = :category)
				 GROUP BY u.id, u.name
				 ORDER BY 4 DESC, 3, u.name LIMIT :l""")
			.param("scope", area.likePattern())
			.param("since", Timestamp.from(since))
			.param("category", categoryCode)
			.param("l", limit)
			.query((rs, n) -> new UnitRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	public List<LateIncident> late(DataScope scope, Instant now, int limit) {
		return jdbc.sql("""
				SELECT id, category_code, left(description, 80), grid_id, scope_path, state, resolve_due_at
				  FROM incident.incident
				 WHERE scope_path LIKE :scope AND closed_at IS NULL AND resolve_due_at < :now
				   AND state NOT IN ('CLOSED', 'RATED', 'REJECTED')
				 ORDER BY resolve_due_at, id LIMIT :l""")
			.param("scope", scope.likePattern())
			.param("now", Timestamp.from(now))
			.param("l", limit)
			.query((rs, n) -> new LateIncident(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getString(5), IncidentState.valueOf(rs.getString(6)),
					rs.getTimestamp(7).toInstant()))
			.list();
	}

	private static List<UUID> ids(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}
}
