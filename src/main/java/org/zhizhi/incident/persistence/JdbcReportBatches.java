package org.zhizhi.incident.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.BeforeCommit;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.TimelineEntry;

/**
 * The writes of many reports in one transaction (issue 16): their Idempotency-Keys, their incidents and their first
 * timeline entries in one statement over arrays — instead of six round trips per report, each of them parsed,
 * planned and answered on its own. The rows are those {@link JdbcIncidents} writes, column for column.
 */
@Repository
public class JdbcReportBatches {

	/**
	 * The key claims, the claimed reports and their incidents: the statement's first parts. The placeholder takes
	 * what keeps a key from being claimed.
	 */
	private static final String CLAIM = """
				with claimed as (
				  insert into incident.idempotency_key (actor_id, key, request_hash, created_at, response_status,
				                                        response_body)
				  select t.actor_id, t.key, t.request_hash, :at, 201, t.answer
				    from unnest(:actors, :keys, :hashes, :answers) as t (actor_id, key, request_hash, answer)
				  %s
				  returning actor_id, key),
				reports as (
				  select t.*
				    from unnest(:actors, :keys, :ids, :channels, :categories, :descriptions, :lats, :lngs, :grids,
				                :micros, :paths, :districts, :states, :reporters, :ats, :anonymous)
				         as t (actor, key, id, channel, category, description, lat, lng, grid, micro, path, district,
				               state, reporter, at, anonymous)
				    join claimed c on c.actor_id = t.actor and c.key = t.key),
				incidents as (
				  insert into incident.incident (id, channel, category_code, description, lat, lng, grid_id,
				         micro_grid_id, scope_path, district_id, state, reporter_id, reported_at, updated_at, anonymous,
				         owner_id)
				  select t.id, t.channel, t.category, t.description, t.lat, t.lng, t.grid, t.micro, t.path, t.district,
				         t.state, t.reporter, t.at::timestamptz, t.at::timestamptz, t.anonymous, t.grid
				    from reports t)""";

	/** The claimed reports' first timeline entries. */
	private static final String FIRST_ENTRIES = """
				insert into incident.timeline_entry (id, incident_id, occurred_at, actor_id, actor_name, actor_role,
				       action, from_state, to_state, lat, lng, detail, distance_m, flagged, photo_ids, note, payload,
				       district_id)
				select t.id, t.incident, t.at::timestamptz, t.actor, t.name, t.role, t.action, t.from_state,
				       t.to_state, t.lat, t.lng, t.detail, t.distance, t.flagged, t.photos::uuid[], t.note,
				       t.payload::jsonb, t.district
				  from unnest(:entryIds, :entryIncidents, :entryAts, :entryActors, :names, :roles, :actions, :froms,
				              :tos, :entryLats, :entryLngs, :details, :distances, :flagged, :photos, :notes, :payloads,
				              :entryDistricts)
				       as t (id, incident, at, actor, name, role, action, from_state, to_state, lat, lng, detail,
				             distance, flagged, photos, note, payload, district)
				 where t.incident in (select id from reports)""";

	/**
	 * A key is claimed unless another transaction works under it right now (holds the advisory lock on
	 * {@code actorId:key}) or it was used before.
	 */
	private static final String UNLESS_USED = """
			 where pg_try_advisory_xact_lock(hashtextextended(t.actor_id || ':' || t.key, 0))
			on conflict do nothing""";

	/**
	 * Every key is claimed or the statement fails: a key in use right now is refused (incident V24), one used before by
	 * its unique index. A single condition, so that it is tried on every key.
	 */
	private static final String NONE_IN_USE = """
			 where incident.refuse_key_in_use(
			         pg_try_advisory_xact_lock(hashtextextended(t.actor_id || ':' || t.key, 0)))""";

	private final JdbcClient jdbc;

	private final TimelinePayloads payloads;

	JdbcReportBatches(JdbcClient jdbc, TimelinePayloads payloads) {
		this.jdbc = jdbc;
		this.payloads = payloads;
	}

	/** A report's key with the answer it gets: stored with the key, so that a replay gets the very same answer. */
	public record KeyClaim(UUID actorId, String key, String requestHash, String answer) {
	}

	/** A new incident's first timeline entry, with the district it is written in (the timeline's partition key). */
	public record FirstEntry(TimelineEntry entry, UUID districtId) {
	}

	/** A report of a group: its key with the answer it gets, its incident and its first timeline entry. */
	public record NewReport(KeyClaim claim, IncidentView incident, FirstEntry first) {
	}

	/**
	 * Claims the reports' keys with their stored answers (201) — unless another transaction works under a key right
	 * now (holds the advisory lock on {@code actorId:key}) or it was used before — and writes the incidents and first timeline entries of the
	 * reports whose keys it claimed as {@link JdbcIncidents#insert} and {@link JdbcIncidents#append} do, column for
	 * column — in <em>one</em> statement, one round
	 * trip for the three (issue 16: under load every round trip of the group is a wait for the database and for the
	 * writer's thread to be scheduled again). The entries' incidents are inserted by the same statement: the
	 * timeline's check, an AFTER trigger, runs at its end and finds them, as a foreign key's check would. The reports
	 * must name distinct keys.
	 *
	 * @return the claimed keys, as {@code actorId + ":" + key}
	 */
	public Set<String> write(List<NewReport> reports, Instant at) {
		List<String> claimed = jdbc
			.sql(CLAIM.formatted(UNLESS_USED) + ",\nentries as (\n" + FIRST_ENTRIES + ")\n"
					+ "select actor_id || ':' || key from claimed")
			.params(params(reports, at))
			.query(String.class)
			.list();
		return new HashSet<>(claimed);
	}

	/**
	 * {@link #write} counting on every key being new, sent with the transaction's other statements at its hand-over
	 * ({@link BeforeCommit}): one round trip fewer in the intake's serial lane (issue 16). A key used before or in use
	 * right now fails the statement and the transaction ({@link #NONE_IN_USE}); the intake then writes the reports
	 * again one by one, where such a key is answered as such.
	 */
	public void writeAllNew(List<NewReport> reports, Instant at) {
		BeforeCommit.statement(CLAIM.formatted(NONE_IN_USE) + "\n" + FIRST_ENTRIES)
			.params(params(reports, at))
			.send(jdbc);
	}

	/** The statement's parameters: one array per column. */
	private Map<String, Object> params(List<NewReport> reports, Instant at) {
		List<KeyClaim> claims = reports.stream().map(NewReport::claim).toList();
		List<IncidentView> incidents = reports.stream().map(NewReport::incident).toList();
		List<TimelineEntry> rows = reports.stream().map(r -> r.first().entry()).toList();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("at", Timestamp.from(at));
		params.put("actors", claims.stream().map(KeyClaim::actorId).toArray(UUID[]::new));
		params.put("keys", claims.stream().map(KeyClaim::key).toArray(String[]::new));
		params.put("hashes", claims.stream().map(KeyClaim::requestHash).toArray(String[]::new));
		params.put("answers", claims.stream().map(KeyClaim::answer).toArray(String[]::new));
		params.put("ids", column(incidents, IncidentView::id, UUID[]::new));
		params.put("channels", column(incidents, i -> i.channel().name(), String[]::new));
		params.put("categories", column(incidents, IncidentView::categoryCode, String[]::new));
		params.put("descriptions", column(incidents, IncidentView::description, String[]::new));
		params.put("lats", column(incidents, IncidentView::lat, Double[]::new));
		params.put("lngs", column(incidents, IncidentView::lng, Double[]::new));
		params.put("grids", column(incidents, IncidentView::gridId, UUID[]::new));
		params.put("micros", column(incidents, IncidentView::microGridId, UUID[]::new));
		params.put("paths", column(incidents, IncidentView::scopePath, String[]::new));
		params.put("districts", column(incidents, IncidentView::districtId, UUID[]::new));
		params.put("states", column(incidents, i -> i.state().name(), String[]::new));
		params.put("reporters", column(incidents, IncidentView::reporterId, UUID[]::new));
		params.put("ats", column(incidents, i -> i.reportedAt().toString(), String[]::new));
		params.put("anonymous", column(incidents, IncidentView::anonymous, Boolean[]::new));
		params.put("entryIds", column(rows, TimelineEntry::id, UUID[]::new));
		params.put("entryIncidents", column(rows, TimelineEntry::incidentId, UUID[]::new));
		params.put("entryAts", column(rows, e -> e.occurredAt().toString(), String[]::new));
		params.put("entryActors", column(rows, TimelineEntry::actorId, UUID[]::new));
		params.put("names", column(rows, TimelineEntry::actorName, String[]::new));
		params.put("roles", column(rows, TimelineEntry::actorRole, String[]::new));
		params.put("actions", column(rows, e -> e.action().name(), String[]::new));
		params.put("froms", column(rows, e -> e.fromState() == null ? null : e.fromState().name(), String[]::new));
		params.put("tos", column(rows, e -> e.toState().name(), String[]::new));
		params.put("entryLats", column(rows, TimelineEntry::lat, Double[]::new));
		params.put("entryLngs", column(rows, TimelineEntry::lng, Double[]::new));
		params.put("details", column(rows, TimelineEntry::detail, String[]::new));
		params.put("distances", column(rows, TimelineEntry::distanceM, Double[]::new));
		params.put("flagged", column(rows, TimelineEntry::flagged, Boolean[]::new));
		params.put("photos", column(rows, e -> e.photoIds().stream().map(UUID::toString)
				.collect(Collectors.joining(",", "{", "}")), String[]::new));
		params.put("notes", column(rows, TimelineEntry::note, String[]::new));
		params.put("payloads", column(rows, e -> payloads.write(e.payload()), String[]::new));
		params.put("entryDistricts", column(reports, r -> r.first().districtId(), UUID[]::new));
		return params;
	}

	/** One column of the rows, as the array unnest takes it apart again. */
	private static <R, T> T[] column(List<R> rows, Function<R, T> field, IntFunction<T[]> array) {
		return rows.stream().map(field).toArray(array);
	}
}
