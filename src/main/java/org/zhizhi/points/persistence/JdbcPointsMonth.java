package org.zhizhi.points.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.points.PointsMonth;
import org.zhizhi.points.SchemeKind;
import org.zhizhi.shared.DataScope;

/**
 * A period's points of a scope's people: the ledger's earnings (the rule that fills {@code account.earned}: positive
 * entries of {@code EARN} movements) and the confirmed redemptions (the rule of a scheme's figures: their prices).
 * A person belongs to the scope of his account, as the desk's statements are scoped.
 */
@Repository
public class JdbcPointsMonth {

	private static final String EARNINGS = """
			  FROM points.entry e
			  JOIN points.movement m ON m.id = e.movement_id
			  JOIN points.account a ON a.id = e.account_id
			  JOIN points.scheme s ON s.id = a.scheme_id
			 WHERE m.kind = 'EARN' AND e.amount > 0 AND a.kind = 'PERSON' AND a.scope_path LIKE :scope
			   AND e.at >= :from AND e.at < :to""";

	private final JdbcClient jdbc;

	JdbcPointsMonth(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PointsMonth month(DataScope scope, Instant from, Instant to) {
		Map<SchemeKind, long[]> kinds = new EnumMap<>(SchemeKind.class);
		jdbc.sql("SELECT s.kind, sum(e.amount), count(DISTINCT a.holder_id)" + EARNINGS + " GROUP BY s.kind")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				long[] k = kinds.computeIfAbsent(SchemeKind.valueOf(rs.getString(1)), x -> new long[3]);
				k[0] = rs.getLong(2);
				k[2] = rs.getLong(3);
			});
		jdbc.sql("""
				SELECT s.kind, sum(r.price)
				  FROM points.redemption r
				  JOIN points.scheme s ON s.id = r.scheme_id
				  JOIN points.account a ON a.scheme_id = r.scheme_id AND a.kind = 'PERSON' AND a.holder_id = r.holder_id
				 WHERE r.state = 'CONFIRMED' AND r.settled_at >= :from AND r.settled_at < :to
				   AND a.scope_path LIKE :scope
				 GROUP BY s.kind""")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				kinds.computeIfAbsent(SchemeKind.valueOf(rs.getString(1)), x -> new long[3])[1] = rs.getLong(2);
			});
		List<PointsMonth.ByKind> byKind = kinds.entrySet()
			.stream()
			.map(k -> new PointsMonth.ByKind(k.getKey(), k.getValue()[0], k.getValue()[1], k.getValue()[2]))
			.toList();
		List<PointsMonth.Reason> reasons = jdbc
			.sql("SELECT m.reason, sum(e.amount), count(*)" + EARNINGS
					+ " GROUP BY m.reason ORDER BY 2 DESC, 1 LIMIT :limit")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", PointsMonth.TOP_REASONS)
			.query((rs, n) -> new PointsMonth.Reason(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
		return new PointsMonth(byKind, reasons);
	}
}
