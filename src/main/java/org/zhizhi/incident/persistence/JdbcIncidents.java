package org.zhizhi.incident.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.BindingDeadline;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.OwnerKind;
import org.zhizhi.incident.Tier;
import org.zhizhi.incident.IncidentView;
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
import org.zhizhi.shared.invalidation.Invalidations;

/** The incident tables: incidents, their insert-only timeline, categories and idempotency keys. */
@Repository
public class JdbcIncidents {

	private static final String COLUMNS = """
			id, channel, category_code, description, lat, lng, grid_id, micro_grid_id, scope_path, district_id, state,
			triage, whistle_type, reject_reason, claimed_by, reporter_id, reported_at, updated_at, check_in_distance_m,
			check_in_flagged, rating, rating_comment, anonymous, tier, owner_kind, owner_id, dispatch_mode,
			respond_due_at, on_site_due_at, resolve_due_at, yellow_cards, red_cards, escalations, reopened,
			duplicate_of, closed_at, unit_id, unsatisfied_pending, carded_due_at, binding_source, binding_due_at""";

	private final JdbcClient jdbc;

	private final TimelinePayloads payloads;

	private final LoadingCache<Boolean, List<IncidentCategory>> activeCategories = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.build(all -> readCategories());

	/** What a change of the categories announces (a trigger of incident/V22 does, whoever changes them). */
	static final String CATEGORIES_CHANGED = "incident.categories";

	JdbcIncidents(JdbcClient jdbc, TimelinePayloads payloads, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.payloads = payloads;
		invalidations.onAnnounced(CATEGORIES_CHANGED, key -> activeCategories.invalidateAll());
	}

	/**
	 * A new incident's row ({@link JdbcReportBatches} writes the same columns for many, but for the binding deadline
	 * and the resolution due with it: only a city platform's order, written here one by one, has them).
	 */
	private static final String INSERT = """
			insert into incident.incident (id, channel, category_code, description, lat, lng, grid_id,
			       micro_grid_id, scope_path, district_id, state, reporter_id, reported_at, updated_at, anonymous,
			       owner_id, resolve_due_at, binding_source, binding_due_at)
			values (:id, :channel, :category, :description, :lat, :lng, :grid, :micro, :path, :district,
			 :state, :reporter, :at, :at, :anonymous, :grid, :resolveDue, :bindingSource, :bindingDue)""";

	/** A timeline entry's row ({@link JdbcReportBatches} writes the same columns for many). */
	private static final String APPEND = """
			insert into incident.timeline_entry (id, incident_id, occurred_at, actor_id, actor_name, actor_role,
			       action, from_state, to_state, lat, lng, detail, distance_m, flagged, photo_ids, note, payload,
			       district_id)
			values (:id, :incident, :at, :actor, :name, :role, :action, :from, :to, :lat, :lng, :detail,
			        :distance, :flagged, cast(:photos as uuid[]), :note, cast(:payload as jsonb),
			        incident.incident_district(:incident))""";

	public void insert(IncidentView i) {
		jdbc.sql(INSERT)
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
			.param("resolveDue", timestamp(i.resolveDueAt()), java.sql.Types.TIMESTAMP)
			.param("bindingSource", i.binding() == null ? null : i.binding().source(), java.sql.Types.VARCHAR)
			.param("bindingDue", i.binding() == null ? null : timestamp(i.binding().dueAt()), java.sql.Types.TIMESTAMP)
			.update();
	}

	/** The incidents of these ids within the scope, in no particular order: one query for a group of reports. */
	public List<IncidentView> findAll(DataScope scope, Collection<UUID> ids) {
		return jdbc.sql("select " + COLUMNS + " from incident.incident where id = any(:ids) and scope_path like :scope")
			.param("ids", ids.toArray(UUID[]::new))
			.param("scope", scope.likePattern())
			.query(JdbcIncidents::incident)
			.list();
	}

	public Optional<IncidentView> find(DataScope scope, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from incident.incident where id = :id and scope_path like :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcIncidents::incident)
			.optional();
	}

	public List<IncidentView> list(DataScope scope, IncidentState state, UUID gridId, int limit, int offset) {
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

	public List<IncidentView> reportedInGrids(DataScope scope, java.util.Collection<UUID> gridIds,
			java.time.Instant from, java.time.Instant to, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from incident.incident
				where scope_path like :scope and grid_id in (:grids)
				  and reported_at >= :from and reported_at < :to
				order by reported_at desc, id desc
				limit :limit""")
			.param("scope", scope.likePattern())
			.param("grids", List.copyOf(gridIds))
			.param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to))
			.param("limit", limit)
			.query(JdbcIncidents::incident)
			.list();
	}

	/** A page of one person's own reports in the scope, newest first. */
	public List<IncidentView> listReportedBy(DataScope scope, UUID reporterId, IncidentState state, UUID gridId,
			int limit, int offset) {
		return jdbc.sql("select " + COLUMNS + """
				 from incident.incident
				where reporter_id = :reporter and scope_path like :scope
				  and (cast(:state as varchar) is null or state = :state)
				  and (cast(:grid as uuid) is null or grid_id = :grid)
				order by reported_at desc, id desc
				limit :limit offset :offset""")
			.param("reporter", reporterId)
			.param("grid", gridId, java.sql.Types.OTHER)
			.param("scope", scope.likePattern())
			.param("state", state == null ? null : state.name(), java.sql.Types.VARCHAR)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcIncidents::incident)
			.list();
	}

	/** A page of the orders a unit was given (or has a part of), newest first. */
	public List<IncidentView> listOfUnit(DataScope scope, UUID unitId, IncidentState state, UUID gridId, int limit,
			int offset) {
		return jdbc.sql("select " + COLUMNS + """
				 from incident.incident i
				where scope_path like :scope
				  and (unit_id = :unit or exists (select 1 from incident.incident_part p
				                                   where p.incident_id = i.id and p.unit_id = :unit))
				  and (cast(:state as varchar) is null or state = :state)
				  and (cast(:grid as uuid) is null or grid_id = :grid)
				order by reported_at desc, id desc
				limit :limit offset :offset""")
			.param("unit", unitId)
			.param("grid", gridId, java.sql.Types.OTHER)
			.param("scope", scope.likePattern())
			.param("state", state == null ? null : state.name(), java.sql.Types.VARCHAR)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcIncidents::incident)
			.list();
	}

	/** The incident as the commands change it, if it lies in the scope, with the version it was read at. */
	public Optional<Incident> load(DataScope scope, UUID id) {
		return jdbc.sql("select " + COLUMNS + ", version from incident.incident where id = :id and scope_path like :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query((rs, row) -> Incident.of(incident(rs, row), rs.getInt("version")))
			.optional();
	}

	/**
	 * Writes what a step changed, only if nobody changed the incident since it was read: the row count decides a race,
	 * so of two steps taken at once exactly one succeeds. False if it lost.
	 */
	public boolean save(Incident i) {
		boolean saved = jdbc.sql("""
				update incident.incident
				   set state = :state, updated_at = :updatedAt, closed_at = :closedAt, triage = :triage,
				       whistle_type = :whistle, reject_reason = :reason, claimed_by = :claimedBy,
				       check_in_distance_m = :distance, check_in_flagged = :flagged, rating = :rating,
				       rating_comment = :comment, unsatisfied_pending = :pending, tier = :tier, owner_kind = :ownerKind,
				       owner_id = :ownerId, dispatch_mode = :mode, unit_id = :unit, respond_due_at = :respondDue,
				       on_site_due_at = :onSiteDue, resolve_due_at = :resolveDue, carded_due_at = :cardedDue,
				       escalations = :escalations, reopened = :reopened, yellow_cards = :yellow, red_cards = :red,
				       version = version + 1
				 where id = :id and version = :version""")
			.param("id", i.id())
			.param("version", i.version())
			.param("state", i.state().name())
			.param("updatedAt", timestamp(i.updatedAt()), java.sql.Types.TIMESTAMP)
			.param("closedAt", timestamp(i.closedAt()), java.sql.Types.TIMESTAMP)
			.param("triage", name(i.triage()), java.sql.Types.VARCHAR)
			.param("whistle", name(i.whistleType()), java.sql.Types.VARCHAR)
			.param("reason", name(i.rejectReason()), java.sql.Types.VARCHAR)
			.param("claimedBy", i.claimedBy(), java.sql.Types.OTHER)
			.param("distance", i.checkInDistanceM(), java.sql.Types.DOUBLE)
			.param("flagged", i.checkInFlagged())
			.param("rating", name(i.rating()), java.sql.Types.VARCHAR)
			.param("comment", i.ratingComment(), java.sql.Types.VARCHAR)
			.param("pending", i.unsatisfiedPending())
			.param("tier", i.tier().name())
			.param("ownerKind", i.ownerKind().name())
			.param("ownerId", i.ownerId(), java.sql.Types.OTHER)
			.param("mode", name(i.dispatchMode()), java.sql.Types.VARCHAR)
			.param("unit", i.unitId(), java.sql.Types.OTHER)
			.param("respondDue", timestamp(i.respondDueAt()), java.sql.Types.TIMESTAMP)
			.param("onSiteDue", timestamp(i.onSiteDueAt()), java.sql.Types.TIMESTAMP)
			.param("resolveDue", timestamp(i.resolveDueAt()), java.sql.Types.TIMESTAMP)
			.param("cardedDue", timestamp(i.cardedDueAt()), java.sql.Types.TIMESTAMP)
			.param("escalations", i.escalations())
			.param("reopened", i.reopened())
			.param("yellow", i.yellowCards())
			.param("red", i.redCards())
			.update() == 1;
		if (saved) {
			i.saved();
		}
		return saved;
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static java.sql.Timestamp timestamp(Instant value) {
		return value == null ? null : java.sql.Timestamp.from(value);
	}

	public void append(TimelineEntry e) {
		jdbc.sql(APPEND)
			.param("note", e.note(), java.sql.Types.VARCHAR)
			.param("payload", payloads.write(e.payload()), java.sql.Types.VARCHAR)
			.param("photos", e.photoIds().stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
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
				       lat, lng, detail, distance_m, flagged, photo_ids, note, payload::text as payload
				  from incident.timeline_entry where incident_id = :id order by occurred_at, id""")
			.param("id", incidentId)
			.query((rs, n) -> new TimelineEntry(rs.getObject("id", UUID.class),
					rs.getObject("incident_id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
					rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_role"),
					IncidentAction.valueOf(rs.getString("action")),
					rs.getString("from_state") == null ? null : IncidentState.valueOf(rs.getString("from_state")),
					IncidentState.valueOf(rs.getString("to_state")), (Double) rs.getObject("lat"),
					(Double) rs.getObject("lng"), rs.getString("detail"), (Double) rs.getObject("distance_m"),
					rs.getBoolean("flagged"), List.of((UUID[]) rs.getArray("photo_ids").getArray()), rs.getString("note"),
					payloads.read(rs.getString("payload"))))
			.list();
	}

	/** An open incident past one of its deadlines, as the overdue sweep finds it. */
	public record Overdue(UUID id, String scopePath) {
	}

	/**
	 * Open incidents nobody took up in time, or past their resolution deadline and not yet carded for it — the oldest
	 * first.
	 */
	public List<Overdue> overdue(Instant now, int limit) {
		return jdbc.sql("""
				select id, scope_path from (
				  select id, scope_path, respond_due_at as due from incident.incident
				   where closed_at is null and state in ('WHISTLED', 'ASSIGNED') and respond_due_at < :now
				     and carded_due_at is distinct from respond_due_at
				  union
				  select id, scope_path, resolve_due_at from incident.incident
				   where closed_at is null and resolve_due_at < :now
				     and state in ('TRIAGED', 'WHISTLED', 'ASSIGNED', 'CLAIMED', 'CHECKED_IN', 'RESOLVED', 'REWORK')
				     and carded_due_at is distinct from resolve_due_at) o
				order by due limit :limit""")
			.param("now", java.sql.Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	/** The photos attached to an incident by one person. */
	public List<UUID> photosAddedBy(UUID incidentId, UUID accountId) {
		return jdbc.sql("select photo_id from incident.incident_photo where incident_id = :incident and added_by = :by")
			.param("incident", incidentId)
			.param("by", accountId)
			.query(UUID.class)
			.list();
	}

	/**
	 * The active categories, class by class. They change only by migration (or an operator's SQL), yet every report
	 * asked for them two or three times (the check, the notice, the Open311 index — issue 16): kept in memory, read
	 * again when a change of them is announced (every node hears it as it commits), and at least once a minute in
	 * case this node could not hear.
	 */
	public List<IncidentCategory> categories() {
		return activeCategories.get(Boolean.TRUE);
	}

	private List<IncidentCategory> readCategories() {
		return jdbc.sql("""
				select c.code, c.name, k.code as class_code, k.name as class_name, k.standard, c.published,
				       c.exact_position
				  from incident.category c join incident.category_class k on k.code = c.class_code
				 where c.active order by k.sort_order, c.sort_order""")
			.query((rs, n) -> new IncidentCategory(rs.getString("code"), rs.getString("name"),
					rs.getString("class_code"), rs.getString("class_name"), rs.getString("standard"),
					rs.getBoolean("published"), rs.getBoolean("exact_position")))
			.list();
	}

	public boolean categoryExists(String code) {
		return categories().stream().anyMatch(c -> c.code().equals(code));
	}

	// --- idempotency ------------------------------------------------------------------------------------------------

	/** Inserts a key row with no answer yet; false if the key was already used (and committed). */
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

	private static IncidentView incident(ResultSet rs, int row) throws SQLException {
		return new IncidentView(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
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
				rs.getObject("duplicate_of", UUID.class), instant(rs, "closed_at"), rs.getObject("unit_id", UUID.class),
				rs.getBoolean("unsatisfied_pending"), instant(rs, "carded_due_at"),
				rs.getString("binding_source") == null ? null
						: new BindingDeadline(rs.getString("binding_source"), instant(rs, "binding_due_at")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}
}
