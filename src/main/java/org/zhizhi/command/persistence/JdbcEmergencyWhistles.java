package org.zhizhi.command.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.command.AnswerState;
import org.zhizhi.command.EmergencyCallee;
import org.zhizhi.command.EmergencyForce;
import org.zhizhi.command.EmergencyKind;
import org.zhizhi.command.EmergencyState;
import org.zhizhi.command.EmergencyStep;
import org.zhizhi.command.EmergencyUnreachable;
import org.zhizhi.command.EmergencyWhistle;
import org.zhizhi.shared.DataScope;

/**
 * Emergency whistles and the people each called (two aggregates, each saved against its own version, their events
 * published after the save), the whistle's area as it was, and its insert-only history.
 */
@Repository
public class JdbcEmergencyWhistles {

	private static final String WHISTLE = """
			w.id, w.kind, w.title, w.details, w.forces, w.incident_id, w.scope_path, w.district_id, w.blown_by,
			       w.blown_by_name, w.blown_at, w.state, w.stood_down_at, w.summary, w.version, w.drawn_area""";

	private static final String CALLEE = """
			c.whistle_id, c.account_id, c.name, c.force, c.post, w.scope_path, c.state, c.answered_at, c.reason,
			       c.arrived_at, c.arrived_lat, c.arrived_lng, c.version""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcEmergencyWhistles(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * The whistle, its area, everyone it calls and those of its forces it cannot tell, in one transaction with the
	 * caller's; then its events.
	 */
	public void insert(EmergencyWhistle whistle, List<EmergencyCallee> callees,
			List<EmergencyUnreachable> unreachable) {
		EmergencyWhistle.Terms t = whistle.terms();
		jdbc.sql("""
				INSERT INTO command.emergency_whistle (id, kind, title, details, forces, incident_id, scope_path,
				       district_id, blown_by, blown_by_name, blown_at, state, drawn_area)
				VALUES (:id, :kind, :title, :details, :forces, :incident, :scope, :district, :by, :byName, :at,
				        :state, :drawn)""")
			.param("id", whistle.id())
			.param("kind", t.kind().name())
			.param("title", t.title())
			.param("details", t.details())
			.param("forces", t.forces().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("incident", t.incidentId())
			.param("scope", t.scopePath())
			.param("district", t.districtId())
			.param("by", t.blownBy())
			.param("byName", t.blownByName())
			.param("at", Timestamp.from(t.blownAt()))
			.param("state", whistle.state().name())
			.param("drawn", t.drawnArea())
			.update();
		jdbc.sql("""
				INSERT INTO command.emergency_area (whistle_id, grid_id, grid_name, grid_path)
				SELECT :id, * FROM unnest(:grids, :names, :paths)""")
			.param("id", whistle.id())
			.param("grids", t.area().stream().map(EmergencyWhistle.AreaGrid::gridId).toArray(UUID[]::new))
			.param("names", t.area().stream().map(EmergencyWhistle.AreaGrid::name).toArray(String[]::new))
			.param("paths", t.area().stream().map(EmergencyWhistle.AreaGrid::path).toArray(String[]::new))
			.update();
		if (!callees.isEmpty()) {
			jdbc.sql("""
					INSERT INTO command.emergency_callee (whistle_id, account_id, name, force, post, state)
					SELECT :id, a, n, f, p, 'CALLED' FROM unnest(:accounts, :names, :forces, :posts) AS x(a, n, f, p)""")
				.param("id", whistle.id())
				.param("accounts", callees.stream().map(EmergencyCallee::accountId).toArray(UUID[]::new))
				.param("names", callees.stream().map(EmergencyCallee::name).toArray(String[]::new))
				.param("forces", callees.stream().map(c -> c.force().name()).toArray(String[]::new))
				.param("posts", callees.stream().map(EmergencyCallee::post).toArray(String[]::new))
				.update();
		}
		if (!unreachable.isEmpty()) {
			jdbc.sql("""
					INSERT INTO command.emergency_unreachable (whistle_id, position, name, force, post)
					SELECT :id, p, n, f, s FROM unnest(:names, :forces, :posts) WITH ORDINALITY AS x(n, f, s, p)""")
				.param("id", whistle.id())
				.param("names", unreachable.stream().map(EmergencyUnreachable::name).toArray(String[]::new))
				.param("forces", unreachable.stream().map(u -> u.force().name()).toArray(String[]::new))
				.param("posts", unreachable.stream().map(EmergencyUnreachable::post).toArray(String[]::new))
				.update();
		}
		whistle.publishEvents(events::publishEvent);
	}

	/** Those of the whistle's forces it could not tell, in the order they were found. */
	public List<EmergencyUnreachable> unreachable(UUID whistleId) {
		return jdbc.sql("""
				SELECT name, force, post FROM command.emergency_unreachable WHERE whistle_id = :id ORDER BY position""")
			.param("id", whistleId)
			.query((rs, n) -> new EmergencyUnreachable(rs.getString(1), EmergencyForce.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
	}

	/** Saves the whistle against its version and publishes its events; false if someone changed it first. */
	public boolean save(EmergencyWhistle whistle) {
		int updated = jdbc.sql("""
				UPDATE command.emergency_whistle SET state = :state, stood_down_at = :at, summary = :summary,
				       version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("state", whistle.state().name())
			.param("at", ts(whistle.stoodDownAt()))
			.param("summary", whistle.summary())
			.param("id", whistle.id())
			.param("version", whistle.version())
			.update();
		if (updated != 1) {
			return false;
		}
		whistle.saved();
		whistle.publishEvents(events::publishEvent);
		return true;
	}

	/** Saves one person's answer against its version and publishes it; false if he (or a second tap) was first. */
	public boolean save(EmergencyCallee callee) {
		EmergencyCallee.Position at = callee.arrivedAtPosition();
		int updated = jdbc.sql("""
				UPDATE command.emergency_callee SET state = :state, answered_at = :answered, reason = :reason,
				       arrived_at = :arrived, arrived_lat = :lat, arrived_lng = :lng, version = version + 1
				 WHERE whistle_id = :whistle AND account_id = :account AND version = :version""")
			.param("state", callee.state().name())
			.param("answered", ts(callee.answeredAt()))
			.param("reason", callee.reason())
			.param("arrived", ts(callee.arrivedAt()))
			.param("lat", at == null ? null : at.lat())
			.param("lng", at == null ? null : at.lng())
			.param("whistle", callee.whistleId())
			.param("account", callee.accountId())
			.param("version", callee.version())
			.update();
		if (updated != 1) {
			return false;
		}
		callee.saved();
		callee.publishEvents(events::publishEvent);
		return true;
	}

	public Optional<EmergencyWhistle> find(UUID id) {
		return jdbc.sql("SELECT " + WHISTLE + " FROM command.emergency_whistle w WHERE w.id = :id")
			.param("id", id)
			.query((rs, n) -> whistle(rs, area(id)))
			.optional();
	}

	/** The whistle, its row held until the transaction ends: answers take it so, the stand-down's update waits. */
	public Optional<EmergencyWhistle> findForAnswer(UUID id) {
		return jdbc.sql("SELECT " + WHISTLE + " FROM command.emergency_whistle w WHERE w.id = :id FOR SHARE")
			.param("id", id)
			.query((rs, n) -> whistle(rs, area(id)))
			.optional();
	}

	/** The whistles whose area lies in the scope, latest first, calling ones before those stood down. */
	public List<EmergencyWhistle> ofScope(DataScope scope, int limit, int offset) {
		List<EmergencyWhistle> found = jdbc
			.sql("SELECT " + WHISTLE + " FROM command.emergency_whistle w WHERE w.scope_path LIKE :scope"
					+ " ORDER BY CASE WHEN w.state = 'CALLING' THEN 0 ELSE 1 END, w.blown_at DESC, w.id"
					+ " LIMIT :l OFFSET :o")
			.param("scope", scope.likePattern())
			.param("l", limit)
			.param("o", offset)
			.query((rs, n) -> whistle(rs, List.of()))
			.list();
		return withAreas(found);
	}

	/** The whistles of the scope blown in [from, to), in the order blown. */
	public List<EmergencyWhistle> blownIn(DataScope scope, Instant from, Instant to, int limit) {
		List<EmergencyWhistle> found = jdbc
			.sql("SELECT " + WHISTLE + " FROM command.emergency_whistle w WHERE w.scope_path LIKE :scope"
					+ " AND w.blown_at >= :from AND w.blown_at < :to ORDER BY w.blown_at, w.id LIMIT :l")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("l", limit)
			.query((rs, n) -> whistle(rs, List.of()))
			.list();
		return withAreas(found);
	}

	/** The whistles that called this person, the calling ones first. */
	public List<EmergencyWhistle> calling(UUID accountId, int limit) {
		List<EmergencyWhistle> found = jdbc.sql("SELECT " + WHISTLE + """
				 FROM command.emergency_whistle w JOIN command.emergency_callee c ON c.whistle_id = w.id
				WHERE c.account_id = :account
				ORDER BY CASE WHEN w.state = 'CALLING' THEN 0 ELSE 1 END, w.blown_at DESC, w.id LIMIT :l""")
			.param("account", accountId)
			.param("l", limit)
			.query((rs, n) -> whistle(rs, List.of()))
			.list();
		return withAreas(found);
	}

	public List<EmergencyCallee> callees(UUID whistleId) {
		return jdbc.sql("SELECT " + CALLEE + """
				 FROM command.emergency_callee c JOIN command.emergency_whistle w ON w.id = c.whistle_id
				WHERE c.whistle_id = :id ORDER BY c.force, c.name, c.account_id""")
			.param("id", whistleId)
			.query(JdbcEmergencyWhistles::callee)
			.list();
	}

	/** This person's own rows among these whistles, by whistle: a list's "my answer" in one query. */
	public Map<UUID, EmergencyCallee> calleeIn(List<UUID> whistleIds, UUID accountId) {
		Map<UUID, EmergencyCallee> mine = new HashMap<>();
		if (whistleIds.isEmpty()) {
			return mine;
		}
		jdbc.sql("SELECT " + CALLEE + """
				 FROM command.emergency_callee c JOIN command.emergency_whistle w ON w.id = c.whistle_id
				WHERE c.whistle_id = ANY(:ids) AND c.account_id = :account""")
			.param("ids", whistleIds.toArray(UUID[]::new))
			.param("account", accountId)
			.query(JdbcEmergencyWhistles::callee)
			.list()
			.forEach(c -> mine.put(c.whistleId(), c));
		return mine;
	}

	public Optional<EmergencyCallee> callee(UUID whistleId, UUID accountId) {
		return jdbc.sql("SELECT " + CALLEE + """
				 FROM command.emergency_callee c JOIN command.emergency_whistle w ON w.id = c.whistle_id
				WHERE c.whistle_id = :id AND c.account_id = :account""")
			.param("id", whistleId)
			.param("account", accountId)
			.query(JdbcEmergencyWhistles::callee)
			.optional();
	}

	/** How many of each whistle's people stand where, for the lists. */
	public Map<UUID, Map<AnswerState, Integer>> answerCounts(List<UUID> whistleIds) {
		Map<UUID, Map<AnswerState, Integer>> counts = new HashMap<>();
		if (whistleIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT whistle_id, state, count(*) FROM command.emergency_callee
				 WHERE whistle_id = ANY(:ids) GROUP BY whistle_id, state""")
			.param("ids", whistleIds.toArray(UUID[]::new))
			.query(rs -> {
				counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(AnswerState.class))
					.put(AnswerState.valueOf(rs.getString(2)), rs.getInt(3));
			});
		return counts;
	}

	public void insert(EmergencyStep step) {
		jdbc.sql("""
				INSERT INTO command.emergency_step (id, whistle_id, action, at, actor_id, actor_name, note)
				VALUES (:id, :whistle, :action, :at, :actor, :name, :note)""")
			.param("id", step.id())
			.param("whistle", step.whistleId())
			.param("action", step.action())
			.param("at", Timestamp.from(step.at()))
			.param("actor", step.actorId())
			.param("name", step.actorName())
			.param("note", step.note())
			.update();
	}

	public List<EmergencyStep> steps(UUID whistleId) {
		return jdbc.sql("""
				SELECT id, whistle_id, action, at, actor_id, actor_name, note FROM command.emergency_step
				 WHERE whistle_id = :id ORDER BY at, id""")
			.param("id", whistleId)
			.query((rs, n) -> new EmergencyStep(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class), rs.getString(6),
					rs.getString(7)))
			.list();
	}

	private List<EmergencyWhistle.AreaGrid> area(UUID whistleId) {
		return areas(List.of(whistleId)).getOrDefault(whistleId, List.of());
	}

	private Map<UUID, List<EmergencyWhistle.AreaGrid>> areas(List<UUID> whistleIds) {
		Map<UUID, List<EmergencyWhistle.AreaGrid>> areas = new HashMap<>();
		jdbc.sql("""
				SELECT whistle_id, grid_id, grid_name, grid_path FROM command.emergency_area
				 WHERE whistle_id = ANY(:ids) ORDER BY grid_name, grid_id""")
			.param("ids", whistleIds.toArray(UUID[]::new))
			.query(rs -> {
				areas.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new EmergencyWhistle.AreaGrid(rs.getObject(2, UUID.class), rs.getString(3),
							rs.getString(4)));
			});
		return areas;
	}

	private List<EmergencyWhistle> withAreas(List<EmergencyWhistle> found) {
		if (found.isEmpty()) {
			return found;
		}
		Map<UUID, List<EmergencyWhistle.AreaGrid>> areas = areas(found.stream().map(EmergencyWhistle::id).toList());
		return found.stream().map(w -> {
			EmergencyWhistle.Terms t = w.terms();
			return new EmergencyWhistle(w.id(), new EmergencyWhistle.Terms(t.kind(), t.title(), t.details(),
					areas.getOrDefault(w.id(), List.of()), t.forces(), t.incidentId(), t.scopePath(), t.districtId(),
					t.blownBy(), t.blownByName(), t.blownAt(), t.drawnArea()), w.state(), w.stoodDownAt(), w.summary(),
					w.version());
		}).toList();
	}

	private static EmergencyWhistle whistle(ResultSet rs, List<EmergencyWhistle.AreaGrid> area) throws SQLException {
		Set<EmergencyForce> forces = EnumSet.noneOf(EmergencyForce.class);
		Array array = rs.getArray("forces");
		for (String force : (String[]) array.getArray()) {
			forces.add(EmergencyForce.valueOf(force));
		}
		EmergencyWhistle.Terms terms = new EmergencyWhistle.Terms(EmergencyKind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("details"), area, forces, rs.getObject("incident_id", UUID.class),
				rs.getString("scope_path"), rs.getObject("district_id", UUID.class),
				rs.getObject("blown_by", UUID.class), rs.getString("blown_by_name"), instant(rs, "blown_at"),
				rs.getString("drawn_area"));
		return new EmergencyWhistle(rs.getObject("id", UUID.class), terms, EmergencyState.valueOf(rs.getString("state")),
				instant(rs, "stood_down_at"), rs.getString("summary"), rs.getInt("version"));
	}

	private static EmergencyCallee callee(ResultSet rs, int n) throws SQLException {
		double lat = rs.getDouble("arrived_lat");
		EmergencyCallee.Position position = rs.wasNull() ? null
				: new EmergencyCallee.Position(lat, rs.getDouble("arrived_lng"));
		return new EmergencyCallee(rs.getObject("whistle_id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("name"), EmergencyForce.valueOf(rs.getString("force")), rs.getString("post"),
				rs.getString("scope_path"), AnswerState.valueOf(rs.getString("state")), instant(rs, "answered_at"),
				rs.getString("reason"), instant(rs, "arrived_at"), position, rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}
}
