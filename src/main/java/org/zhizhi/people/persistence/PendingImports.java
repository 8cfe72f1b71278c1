package org.zhizhi.people.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of checked spreadsheet imports waiting, encrypted, for their confirmation. */
@Repository
public class PendingImports {

	/** A checked import as stored: its payload is the encrypted JSON of the households and residents. */
	public record PendingImport(UUID actorId, Instant createdAt, int residents, byte[] payload) {
	}

	private final JdbcClient jdbc;

	PendingImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID actorId, Instant now, Instant expires, int households, int residents,
			byte[] payload) {
		jdbc.sql("""
				INSERT INTO people.pending_import (id, actor_id, created_at, expires_at, households, residents, payload)
				VALUES (:id, :actorId, :now, :expires, :households, :residents, :payload)""")
			.param("id", id)
			.param("actorId", actorId)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.param("households", households)
			.param("residents", residents)
			.param("payload", payload)
			.update();
	}

	/** Deletes the caller's checked import if it has not expired, and answers it: the DELETE is what takes it. */
	public Optional<PendingImport> take(UUID id, UUID actorId, Instant now) {
		return jdbc.sql("""
				DELETE FROM people.pending_import
				 WHERE id = :id AND actor_id = :actorId AND expires_at > :now
				RETURNING actor_id, created_at, residents, payload""")
			.param("id", id)
			.param("actorId", actorId)
			.param("now", Timestamp.from(now))
			.query((rs, i) -> new PendingImport(rs.getObject("actor_id", UUID.class),
					rs.getTimestamp("created_at").toInstant(), rs.getInt("residents"), rs.getBytes("payload")))
			.optional();
	}

	public void forgetExpired(Instant now) {
		jdbc.sql("DELETE FROM people.pending_import WHERE expires_at <= :now")
			.param("now", Timestamp.from(now))
			.update();
	}
}
