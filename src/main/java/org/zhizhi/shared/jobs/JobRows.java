package org.zhizhi.shared.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of jobs: every read is by the owner's account, so another's job is not there at all. */
@Repository
class JobRows {

	/** A RUNNING job whose progress has not moved for this long was cut off (its node stopped). */
	static final java.time.Duration SILENT_LIMIT = java.time.Duration.ofMinutes(15);

	private static final String COLUMNS = """
			id, kind, state, total, done, message, result_href, back_href, started_at, updated_at, finished_at""";

	private final JdbcClient jdbc;

	JobRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String kind, UUID ownerId, String scopePath, String backHref, Instant now,
			Instant expires) {
		jdbc.sql("""
				INSERT INTO jobs.job (id, kind, owner_id, scope_path, state, back_href, started_at, updated_at,
				                      expires_at)
				VALUES (:id, :kind, :owner, :scope, 'RUNNING', :back, :now, :now, :expires)""")
			.param("id", id)
			.param("kind", kind)
			.param("owner", ownerId)
			.param("scope", scopePath)
			.param("back", backHref)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update();
	}

	/** Only a running job moves: a late write from a job already failed (or done) changes nothing. */
	void progress(UUID id, Long total, long done, Instant now) {
		jdbc.sql("""
				UPDATE jobs.job SET total = :total, done = :done, updated_at = :now
				 WHERE id = :id AND state = 'RUNNING'""")
			.param("id", id)
			.param("total", total)
			.param("done", done)
			.param("now", Timestamp.from(now))
			.update();
	}

	void finish(UUID id, Long total, long done, String resultHref, Instant now) {
		jdbc.sql("""
				UPDATE jobs.job SET state = 'DONE', total = :total, done = :done, result_href = :href,
				                    updated_at = :now, finished_at = :now
				 WHERE id = :id AND state = 'RUNNING'""")
			.param("id", id)
			.param("total", total)
			.param("done", done)
			.param("href", resultHref)
			.param("now", Timestamp.from(now))
			.update();
	}

	void fail(UUID id, String messageKey, Instant now) {
		jdbc.sql("""
				UPDATE jobs.job SET state = 'FAILED', message = :message, updated_at = :now, finished_at = :now
				 WHERE id = :id AND state = 'RUNNING'""")
			.param("id", id)
			.param("message", messageKey)
			.param("now", Timestamp.from(now))
			.update();
	}

	void insertFile(UUID id, String name, String contentType, byte[] content) {
		jdbc.sql("""
				INSERT INTO jobs.job_file (job_id, name, content_type, content)
				VALUES (:id, :name, :type, :content)""")
			.param("id", id)
			.param("name", name)
			.param("type", contentType)
			.param("content", content)
			.update();
	}

	Optional<Job> job(UUID id, UUID ownerId, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM jobs.job WHERE id = :id AND owner_id = :owner AND expires_at > :now")
			.param("id", id)
			.param("owner", ownerId)
			.param("now", Timestamp.from(now))
			.query((rs, i) -> job(rs, now))
			.optional();
	}

	List<Job> jobs(UUID ownerId, Instant now, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				\sFROM jobs.job WHERE owner_id = :owner AND expires_at > :now
				 ORDER BY started_at DESC, id DESC LIMIT :limit""")
			.param("owner", ownerId)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, i) -> job(rs, now))
			.list();
	}

	Optional<LongWork.JobFile> file(UUID id, UUID ownerId, Instant now) {
		return jdbc.sql("""
				SELECT f.name, f.content_type, f.content
				  FROM jobs.job_file f JOIN jobs.job j ON j.id = f.job_id
				 WHERE j.id = :id AND j.owner_id = :owner AND j.expires_at > :now AND j.state = 'DONE'""")
			.param("id", id)
			.param("owner", ownerId)
			.param("now", Timestamp.from(now))
			.query((rs, i) -> new LongWork.JobFile(rs.getString("name"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional();
	}

	int forgetExpired(Instant now) {
		return jdbc.sql("DELETE FROM jobs.job WHERE expires_at <= :now").param("now", Timestamp.from(now)).update();
	}

	private static Job job(ResultSet rs, Instant now) throws SQLException {
		JobState state = JobState.valueOf(rs.getString("state"));
		String message = rs.getString("message");
		Instant updated = rs.getTimestamp("updated_at").toInstant();
		if (state == JobState.RUNNING && updated.isBefore(now.minus(SILENT_LIMIT))) {
			state = JobState.FAILED;
			message = "job.interrupted";
		}
		Long total = rs.getObject("total", Long.class);
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Job(rs.getObject("id", UUID.class), rs.getString("kind"), state, total,
				rs.getLong("done"), message, rs.getString("result_href"), rs.getString("back_href"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
	}
}
