package org.zhizhi.command.sentinel.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.sentinel.Optimisation.RuleOutcome;
import org.zhizhi.shared.DataScope;

/** 优化's figures: per rule of a district, what it raised within a period in a scope and how those alerts ended. */
@Repository
public class JdbcOptimisation {

	private final JdbcClient jdbc;

	JdbcOptimisation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<RuleOutcome> outcomes(UUID districtId, DataScope scope, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT r.id, r.kind, r.enabled, r.threshold, r.window_days, count(a.id),
				       count(a.id) FILTER (WHERE a.outcome = 'HANDLED'),
				       count(a.id) FILTER (WHERE a.outcome = 'NO_ACTION'),
				       count(a.id) FILTER (WHERE a.state <> 'CLOSED'),
				       count(a.id) FILTER (WHERE coalesce(a.handled_at, a.closed_at, :to) > a.due_at),
				       round(avg(extract(epoch FROM a.handled_at - a.raised_at) / 3600)
				             FILTER (WHERE a.handled_at IS NOT NULL))::integer
				  FROM command.rule r
				  LEFT JOIN command.alert a ON a.rule_id = r.id AND a.raised_at >= :from AND a.raised_at < :to
				                            AND a.scope_path LIKE :scope
				 WHERE r.district_id = :district
				 GROUP BY r.id, r.kind, r.enabled, r.threshold, r.window_days""")
			.param("district", districtId)
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new RuleOutcome(rs.getObject(1, UUID.class), RuleKind.valueOf(rs.getString(2)),
					rs.getBoolean(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
					rs.getInt(9), rs.getInt(10), (Integer) rs.getObject(11)))
			.list()
			.stream()
			.sorted(java.util.Comparator.comparingInt(o -> o.kind().ordinal()))
			.toList();
	}
}
