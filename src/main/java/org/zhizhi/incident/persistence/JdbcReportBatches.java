package org.zhizhi.incident.persistence;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.TimelineEntry;

/**
 * The writes of many reports in one transaction (issue 16): their Idempotency-Keys in one statement, their incidents
 * and first timeline entries each as one batch — instead of six round trips per report, each of them parsed, planned
 * and answered on its own. The statements are those of {@link JdbcIncidents}, row for row.
 */
@Repository
public class JdbcReportBatches {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batches;

	private final TimelinePayloads payloads;

	JdbcReportBatches(JdbcClient jdbc, NamedParameterJdbcTemplate batches, TimelinePayloads payloads) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.payloads = payloads;
	}

	/** A report's key with the answer it gets: stored with the key, so that a replay gets the very same answer. */
	public record KeyClaim(UUID actorId, String key, String requestHash, String answer) {
	}

	/**
	 * Claims the keys with their stored answers (201), in one statement: a key is claimed unless another transaction
	 * works under it right now (holds the advisory lock on {@code actorId:key}) or it was used before. The
	 * claims must name distinct keys.
	 *
	 * @return the claimed keys, as {@code actorId + ":" + key}
	 */
	public Set<String> claim(List<KeyClaim> claims, Instant at) {
		List<String> claimed = jdbc.sql("""
				insert into incident.idempotency_key (actor_id, key, request_hash, created_at, response_status,
				                                      response_body)
				select t.actor_id, t.key, t.request_hash, :at, 201, t.answer
				  from unnest(:actors, :keys, :hashes, :answers) as t (actor_id, key, request_hash, answer)
				 where pg_try_advisory_xact_lock(hashtextextended(t.actor_id || ':' || t.key, 0))
				on conflict do nothing
				returning actor_id || ':' || key""")
			.param("at", Timestamp.from(at))
			.param("actors", claims.stream().map(KeyClaim::actorId).toArray(UUID[]::new))
			.param("keys", claims.stream().map(KeyClaim::key).toArray(String[]::new))
			.param("hashes", claims.stream().map(KeyClaim::requestHash).toArray(String[]::new))
			.param("answers", claims.stream().map(KeyClaim::answer).toArray(String[]::new))
			.query(String.class)
			.list();
		return new HashSet<>(claimed);
	}

	/** Inserts new incidents as {@link JdbcIncidents#insert} does, one batch. */
	public void insert(List<IncidentView> incidents) {
		batches.batchUpdate(JdbcIncidents.INSERT, incidents.stream()
			.map(i -> new MapSqlParameterSource().addValue("anonymous", i.anonymous())
			.addValue("id", i.id())
			.addValue("channel", i.channel().name())
			.addValue("category", i.categoryCode())
			.addValue("description", i.description())
			.addValue("lat", i.lat())
			.addValue("lng", i.lng())
			.addValue("grid", i.gridId())
			.addValue("micro", i.microGridId())
			.addValue("path", i.scopePath())
			.addValue("district", i.districtId())
			.addValue("state", i.state().name())
			.addValue("reporter", i.reporterId())
			.addValue("at", Timestamp.from(i.reportedAt())))
			.toArray(MapSqlParameterSource[]::new));
	}

	/** A new incident's first timeline entry, with the district it is written in (the timeline's partition key). */
	public record FirstEntry(TimelineEntry entry, UUID districtId) {
	}

	/** Appends first timeline entries as {@link JdbcIncidents#append} does, one batch. */
	public void append(List<FirstEntry> entries) {
		batches.batchUpdate(JdbcIncidents.APPEND_IN_DISTRICT, entries.stream()
			.map(first -> first(first.entry()).addValue("district", first.districtId()))
			.toArray(MapSqlParameterSource[]::new));
	}

	private MapSqlParameterSource first(TimelineEntry e) {
		return new MapSqlParameterSource().addValue("note", e.note(), Types.VARCHAR)
			.addValue("payload", payloads.write(e.payload()), Types.VARCHAR)
			.addValue("photos", e.photoIds().stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
			.addValue("id", e.id())
			.addValue("incident", e.incidentId())
			.addValue("at", Timestamp.from(e.occurredAt()))
			.addValue("actor", e.actorId())
			.addValue("name", e.actorName())
			.addValue("role", e.actorRole())
			.addValue("action", e.action().name())
			.addValue("from", e.fromState() == null ? null : e.fromState().name(), Types.VARCHAR)
			.addValue("to", e.toState().name())
			.addValue("lat", e.lat(), Types.DOUBLE)
			.addValue("lng", e.lng(), Types.DOUBLE)
			.addValue("detail", e.detail(), Types.VARCHAR)
			.addValue("distance", e.distanceM(), Types.DOUBLE)
			.addValue("flagged", e.flagged());
	}
}
