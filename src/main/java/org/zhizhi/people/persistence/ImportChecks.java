package org.zhizhi.people.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of import check reports kept for the person who ran the check in the background. */
@Repository
public class ImportChecks {

	/** A kept report; problems as the JSON array the service wrote. */
	public record ImportCheck(int rows, int households, UUID pendingId, String problems) {
	}

	private final JdbcClient jdbc;

	ImportChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID actorId, Instant now, Instant expires, ImportCheck check) {
		jdbc.sql("DELETE FROM people.import_check WHERE expires_at <= :now").param("now", Timestamp.from(now)).update();
		jdbc.sql("""
				INSERT INTO people.import_check (id, actor_id, created_at, expires_at, rows, households, pending_id,
				                                 problems)
				VALUES (:id, :actor, :now, :expires, :rows, :households, :pending, CAST(:problems AS jsonb))""")
			.param("id", id)
			.param("actor", actorId)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.param("rows", check.rows())
			.param("households", check.households())
			.param("pending", check.pendingId())
			.param("problems", check.problems())
			.update();
	}

	/** Only the one who ran the check reads its report. */
	public Optional<ImportCheck> find(UUID id, UUID actorId, Instant now) {
		return jdbc.sql("""
				SELECT rows, households, pending_id, problems::text AS problems FROM people.import_check
				 WHERE id = :id AND actor_id = :actor AND expires_at > :now""")
			.param("id", id)
			.param("actor", actorId)
			.param("now", Timestamp.from(now))
			.query((rs, i) -> new ImportCheck(rs.getInt("rows"), rs.getInt("households"),
					rs.getObject("pending_id", UUID.class), rs.getString("problems")))
			.optional();
	}
}
