package org.zhizhi.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The round-robin (轮派) of a grid: who had an order last. */
@Repository
public class JdbcRotation {

	private final JdbcClient jdbc;

	JdbcRotation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Picks, among the candidates, whoever has waited longest (never first, then by id) and records his turn. The grid's
	 * rotation is locked to the end of the transaction, so that two orders dispatched at once go to two people.
	 */
	public UUID next(UUID gridId, List<UUID> candidates, Instant at) {
		if (candidates.isEmpty()) {
			return null;
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
			.param("k", "rotation:" + gridId)
			.query(Object.class)
			.single();
		UUID chosen = jdbc.sql("""
				select c.id from unnest(cast(:ids as uuid[])) as c(id)
				  left join incident.rotation_turn t on t.grid_id = :grid and t.account_id = c.id
				 order by t.last_assigned_at nulls first, c.id limit 1""")
			.param("ids", candidates.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.param("grid", gridId)
			.query(UUID.class)
			.single();
		jdbc.sql("""
				insert into incident.rotation_turn (grid_id, account_id, last_assigned_at) values (:grid, :id, :at)
				on conflict (grid_id, account_id) do update set last_assigned_at = excluded.last_assigned_at""")
			.param("grid", gridId)
			.param("id", chosen)
			.param("at", java.sql.Timestamp.from(at))
			.update();
		return chosen;
	}
}
