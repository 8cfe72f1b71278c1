package org.zhizhi.incident.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clean-up side of the submissions' idempotency keys (claiming and answering a key: {@link JdbcIncidents}). */
@Repository
public class JdbcIdempotencyKeys {

	private final JdbcClient jdbc;

	JdbcIdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Deletes up to {@code limit} keys created before {@code cutoff}, in one statement that commits on its own; answers
	 * how many went. A caller that gets {@code limit} back calls again.
	 */
	public int deleteCreatedBefore(Instant cutoff, int limit) {
		return jdbc.sql("""
				delete from incident.idempotency_key k
				 using (select actor_id, key from incident.idempotency_key
				         where created_at < :cutoff
				         limit :limit) old
				 where k.actor_id = old.actor_id and k.key = old.key""")
			.param("cutoff", Timestamp.from(cutoff))
			.param("limit", limit)
			.update();
	}
}
