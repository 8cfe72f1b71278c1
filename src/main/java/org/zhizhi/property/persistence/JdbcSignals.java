package org.zhizhi.property.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.property.PropertySignals.BuildingCollection;
import org.zhizhi.property.PropertySignals.EstateDisputes;
import org.zhizhi.property.PropertySignals.InspectionChange;
import org.zhizhi.shared.DataScope;

/** The sentinel's reads of the property tables: one grouped statement each. */
@Repository
public class JdbcSignals {

	private final JdbcClient jdbc;

	JdbcSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<EstateDisputes> disputesByEstate(DataScope scope, Instant since) {
		return jdbc.sql("""
				SELECT estate_id, min(estate_name), min(scope_path), array_agg(id ORDER BY recorded_at)
				  FROM property.dispute
				 WHERE scope_path LIKE :scope AND recorded_at >= :since AND kind <> 'NEIGHBOUR'
				 GROUP BY estate_id""")
			.param("scope", scope.likePattern())
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new EstateDisputes(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					ids(rs.getArray(4))))
			.list();
	}

	public List<BuildingCollection> collectionByBuilding(DataScope scope, LocalDate fromMonth, LocalDate toMonth) {
		return jdbc.sql("""
				SELECT b.building_id, min(sb.building_name), min(s.estate_id::text)::uuid, min(s.estate_name),
				       min(s.scope_path), count(*) FILTER (WHERE b.state <> 'EXEMPT'),
				       count(*) FILTER (WHERE b.state = 'PAID'),
				       coalesce(array_agg(b.id) FILTER (WHERE b.state = 'OPEN'), '{}')
				  FROM property.fee_bill b
				  JOIN property.self_run s ON s.id = b.self_run_id
				  JOIN property.self_run_building sb ON sb.self_run_id = b.self_run_id AND sb.building_id = b.building_id
				 WHERE s.scope_path LIKE :scope AND b.month BETWEEN :from AND :to
				 GROUP BY b.building_id""")
			.param("scope", scope.likePattern())
			.param("from", Date.valueOf(fromMonth))
			.param("to", Date.valueOf(toMonth))
			.query((rs, n) -> new BuildingCollection(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
					ids(rs.getArray(8))))
			.list();
	}

	public List<InspectionChange> inspectionChanges(DataScope scope, Instant since) {
		return jdbc.sql("""
				WITH ranked AS (
				  SELECT i.id, i.company_id, i.estate_id, i.estate_name, i.scope_path, i.submitted_at,
				         (i.awarded * 100 / i.possible) AS score,
				         row_number() OVER (PARTITION BY i.estate_id ORDER BY i.submitted_at DESC, i.id DESC) AS nth
				    FROM property.inspection i
				   WHERE i.scope_path LIKE :scope AND i.state = 'SUBMITTED' AND i.possible > 0)
				SELECT l.company_id, c.name, l.estate_id, l.estate_name, l.scope_path, l.id, l.score, p.id, p.score,
				       l.submitted_at
				  FROM ranked l
				  JOIN ranked p ON p.estate_id = l.estate_id AND p.nth = 2
				  JOIN property.company c ON c.id = l.company_id
				 WHERE l.nth = 1 AND l.submitted_at >= :since""")
			.param("scope", scope.likePattern())
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new InspectionChange(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
					rs.getInt(7), rs.getObject(8, UUID.class), rs.getInt(9), rs.getTimestamp(10).toInstant()))
			.list();
	}

	private static List<UUID> ids(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}
}
