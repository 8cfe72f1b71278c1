package org.zhizhi.deliberation.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.deliberation.DeliberationMonth;
import org.zhizhi.shared.DataScope;

/**
 * A period's deliberation in a scope, counted where each step leaves its mark: a topic's own raised and decided
 * moments, the meeting's held moment, and the timeline's {@code FINISH_EXECUTION} row (the topic keeps no moment of
 * its own for it). Topics and meetings are scoped by their place's path, as the desk's lists are.
 */
@Repository
public class JdbcDeliberationMonth {

	private final JdbcClient jdbc;

	JdbcDeliberationMonth(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public DeliberationMonth month(DataScope scope, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM deliberation.topic
				         WHERE scope_path LIKE :scope AND raised_at >= :from AND raised_at < :to),
				       (SELECT count(*) FROM deliberation.meeting
				         WHERE scope_path LIKE :scope AND state = 'HELD' AND held_at >= :from AND held_at < :to),
				       (SELECT count(*) FROM deliberation.topic
				         WHERE scope_path LIKE :scope AND decided_at >= :from AND decided_at < :to),
				       (SELECT count(*) FROM deliberation.topic
				         WHERE scope_path LIKE :scope AND decided_at >= :from AND decided_at < :to AND decision_passed),
				       (SELECT count(DISTINCT t.id) FROM deliberation.topic t
				          JOIN deliberation.timeline l ON l.topic_id = t.id
				         WHERE t.scope_path LIKE :scope AND l.action = 'FINISH_EXECUTION'
				           AND l.at >= :from AND l.at < :to)""")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new DeliberationMonth(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.single();
	}
}
