package org.zhizhi.incident.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.OwnerKind;
import org.zhizhi.incident.Tier;
import org.zhizhi.incident.Incident;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.Rating;
import org.zhizhi.incident.RejectReason;
import org.zhizhi.incident.TimelineEntry;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.DataScope;

/** The incident tables: incidents, their insert-only timeline, categories and idempotency keys. */
@Repository
public class JdbcIncidents {

	private static final String COLUMNS = """
			id, channel, category_code, description, lat, lng, grid_id, micro_grid_id, scope_path, district_id, state,
			triage, whistle_type, reject_reason, claimed_by, reporter_id, reported_at, updated_at, check_in_distance_m,
			check_in_flagged, rating, rating_comment, anonymous, tier, owner_kind, owner_id, dispatch_mode,
			respond_due_at, on_site_due_at, resolve_due_at, yellow_cards, red_cards, escalations, reopened,
			duplicate_of, closed_at""";

	private final JdbcClient jdbc;

	JdbcIncidents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Incident i) {
		jdbc.sql("""
				insert into incident.incident (id, channel, category_code, description, lat, lng, grid_id,
				       micro_grid_id, scope_path, district_id, state, reporter_id, reported_at, updated_at, anonymous,
				       owner_id)
				values (:id, :channel, :category, :description, :lat, :lng, :grid, :micro, :path, :district,
				 :state, :reporter, :at, :at, :anonymous, :grid)""")
			.param("anonymous", i.anonymous())
			.param("id", i.id())
			.param("channel", i.channel().name())
			.param("category", i.categoryCode())
			.param("description", i.description())
			.param("lat", i.lat())
			.param("lng", i.lng())
			.param("grid", i.gridId())
			.param("micro", i.microGridId())
			.param("path", i.scopePath())
			.param("district", i.districtId())
			.param("state", i.state().name())
			.param("reporter", i.reporterId())
			.param("at", java.sql.Timestamp.from(i.reportedAt()))
			.update();
	}

	public Optional<Incident> find(DataScope scope, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from incident.incident where id = :id and scope_path like :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcIncidents::incident)
			.optional();
	}

	public List<Incident> list(DataScope scope, IncidentState state, UUID gridId, int limit, int offset) {
		return jdbc.sql("select " + COLUMNS + """
				 from incident.incident
				where scope_path like :scope
				  and (cast(:state as varchar) is null or state = :state)
				  and (cast(:grid as uuid) is null or grid_id = :grid)
				order by reported_at desc, id desc
				limit :limit offset :offset""")
			.param("scope", scope.likePattern())
			.param("state", state == null ? null : state.name(), java.sql.Types.VARCHAR)
			.param("grid", gridId, java.sql.Types.OTHER)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcIncidents::incident)
			.list();
	}

	/**
	 * Moves an incident on only if it is still where the step started from: the row count decides a race, so of two
	 * steps taken at once exactly one succeeds.
	 */
	public boolean move(UUID id, IncidentState from, IncidentState to, Instant at, Triage triage, WhistleType whistle,
			RejectReason reason, UUID claimedBy) {
		return jdbc.sql("""
				update incident.incident
				   set state = :to, updated_at = :at,
				       closed_at = case when :to in ('CLOSED', 'REJECTED') then :at else closed_at end,
				       triage = coalesce(:triage, triage),
				       whistle_type = coalesce(:whistle, whistle_type),
				       reject_reason = coalesce(:reason, reject_reason),
				       claimed_by = coalesce(:claimedBy, claimed_by)
				 where id = :id and state = :from
				   and (cast(:claimedBy as uuid) is null or claimed_by is null)""")
			.param("id", id)
			.param("from", from.name())
			.param("to", to.name())
			.param("at", java.sql.Timestamp.from(at))
			.param("triage", triage == null ? null : triage.name(), java.sql.Types.VARCHAR)
			.param("whistle", whistle == null ? null : whistle.name(), java.sql.Types.VARCHAR)
			.param("reason", reason == null ? null : reason.name(), java.sql.Types.VARCHAR)
			.param("claimedBy", claimedBy, java.sql.Types.OTHER)
			.update() == 1;
	}

	/**
	 * Moves an incident on in the loop after the claim, only if it is still where the step started from (the row
	 * count decides a race), recording the check-in's distance and flag or the rating the step carries.
	 */
	public boolean advance(UUID id, IncidentState from, IncidentState to, Instant at, Double checkInDistanceM,
			boolean checkInFlagged, Rating rating, String ratingComment) {
		return jdbc.sql("""
				update incident.incident
				   set state = :to, updated_at = :at,
				       closed_at = case when :to in ('CLOSED', 'REJECTED') then :at else closed_at end,
				       check_in_distance_m = coalesce(:distance, check_in_distance_m),
				       check_in_flagged = check_in_flagged or :flagged,
				       rating = coalesce(:rating, rating),
				       rating_comment = coalesce(:comment, rating_comment)
				 where id = :id and state = :from""")
			.param("id", id)
			.param("from", from.name())
			.param("to", to.name())
			.param("at", java.sql.Timestamp.from(at))
			.param("distance", checkInDistanceM, java.sql.Types.DOUBLE)
			.param("flagged", checkInFlagged)
			.param("rating", rating == null ? null : rating.name(), java.sql.Types.VARCHAR)
			.param("comment", ratingComment, java.sql.Types.VARCHAR)
			.update() == 1;
	}

	public void append(TimelineEntry e) {
		jdbc.sql("""
				insert into incident.timeline_entry (id, incident_id, occurred_at, actor_id, actor_name, actor_role,
				       action, from_state, to_state, lat, lng, detail, distance_m, flagged)
				values (:id, :incident, :at, :actor, :name, :role, :action, :from, :to, :lat, :lng, :detail,
				        :distance, :flagged)""")
			.param("id", e.id())
			.param("incident", e.incidentId())
			.param("at", java.sql.Timestamp.from(e.occurredAt()))
			.param("actor", e.actorId())
			.param("name", e.actorName())
			.param("role", e.actorRole())
			.param("action", e.action().name())
			.param("from", e.fromState() == null ? null : e.fromState().name(), java.sql.Types.VARCHAR)
			.param("to", e.toState().name())
			.param("lat", e.lat(), java.sql.Types.DOUBLE)
			.param("lng", e.lng(), java.sql.Types.DOUBLE)
			.param("detail", e.detail(), java.sql.Types.VARCHAR)
			.param("distance", e.distanceM(), java.sql.Types.DOUBLE)
			.param("flagged", e.flagged())
			.update();
	}

	public List<TimelineEntry> timeline(UUID incidentId) {
		return jdbc.sql("""
				select id, incident_id, occurred_at, actor_id, actor_name, actor_role, action, from_state, to_state,
				       lat, lng, detail, distance_m, flagged
				  from incident.timeline_entry where incident_id = :id order by occurred_at, id""")
			.param("id", incidentId)
			.query((rs, n) -> new TimelineEntry(rs.getObject("id", UUID.class),
					rs.getObject("incident_id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
					rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"),
					IncidentAction.valueOf(rs.getString("action")),
					rs.getString("from_state") == null ? null : IncidentState.valueOf(rs.getString("from_state")),
					IncidentState.valueOf(rs.getString("to_state")), (Double) rs.getObject("lat"),
					(Double) rs.getObject("lng"), rs.getString("detail"), (Double) rs.getObject("distance_m"),
					rs.getBoolean("flagged")))
			.list();
	}

	public List<IncidentCategory> categories() {
		return jdbc.sql("""
				select c.code, c.name, k.code as class_code, k.name as class_name, k.standard
				  from incident.category c join incident.category_class k on k.code = c.class_code
				 where c.active order by k.sort_order, c.sort_order""")
			.query((rs, n) -> new IncidentCategory(rs.getString("code"), rs.getString("name"),
					rs.getString("class_code"), rs.getString("class_name"), rs.getString("standard")))
			.list();
	}

	public boolean categoryExists(String code) {
		return jdbc.sql("select count(*) from incident.category where code = :code and active")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	// --- idempotency ------------------------------------------------------------------------------------------------

	/** Whether no other transaction is working under this key right now (the lock is held to the end of ours). */
	public boolean tryLockKey(UUID actorId, String key) {
		return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:k, 0))")
			.param("k", actorId + ":" + key)
			.query(Boolean.class)
			.single());
	}

	/** Inserts the key row first; false if the key was already used (and committed). */
	public boolean claimKey(UUID actorId, String key, String requestHash, Instant at) {
		return jdbc.sql("""
				insert into incident.idempotency_key (actor_id, key, request_hash, created_at)
				values (:actor, :key, :hash, :at) on conflict do nothing""")
			.param("actor", actorId)
			.param("key", key)
			.param("hash", requestHash)
			.param("at", java.sql.Timestamp.from(at))
			.update() == 1;
	}

	public record StoredKey(String requestHash, Integer status, String body) {
	}

	public Optional<StoredKey> storedKey(UUID actorId, String key) {
		return jdbc.sql("""
				select request_hash, response_status, response_body from incident.idempotency_key
				 where actor_id = :actor and key = :key""")
			.param("actor", actorId)
			.param("key", key)
			.query((rs, n) -> new StoredKey(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)))
			.optional();
	}

	public void storeResponse(UUID actorId, String key, int status, String body) {
		jdbc.sql("""
				update incident.idempotency_key set response_status = :status, response_body = :body
				 where actor_id = :actor and key = :key""")
			.param("actor", actorId)
			.param("key", key)
			.param("status", status)
			.param("body", body)
			.update();
	}

	private static Incident incident(ResultSet rs, int row) throws SQLException {
		return new Incident(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
				rs.getString("category_code"), rs.getString("description"), rs.getDouble("lat"), rs.getDouble("lng"),
				rs.getObject("grid_id", UUID.class), rs.getObject("micro_grid_id", UUID.class),
				rs.getString("scope_path"), rs.getObject("district_id", UUID.class),
				IncidentState.valueOf(rs.getString("state")), value(Triage.class, rs.getString("triage")),
				value(WhistleType.class, rs.getString("whistle_type")),
				value(RejectReason.class, rs.getString("reject_reason")), rs.getObject("claimed_by", UUID.class),
				rs.getObject("reporter_id", UUID.class), rs.getTimestamp("reported_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), (Double) rs.getObject("check_in_distance_m"),
				rs.getBoolean("check_in_flagged"), value(Rating.class, rs.getString("rating")),
				rs.getString("rating_comment"), rs.getBoolean("anonymous"), Tier.valueOf(rs.getString("tier")),
				OwnerKind.valueOf(rs.getString("owner_kind")), rs.getObject("owner_id", UUID.class),
				value(DispatchMode.class, rs.getString("dispatch_mode")), instant(rs, "respond_due_at"),
				instant(rs, "on_site_due_at"), instant(rs, "resolve_due_at"), rs.getInt("yellow_cards"),
				rs.getInt("red_cards"), rs.getInt("escalations"), rs.getInt("reopened"),
				rs.getObject("duplicate_of", UUID.class), instant(rs, "closed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}
}
