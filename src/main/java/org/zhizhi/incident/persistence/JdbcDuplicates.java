package org.zhizhi.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.shared.DataScope;

/** Open incidents near a spot, and the followers of an incident (table incident_follower). */
@Repository
public class JdbcDuplicates {

	/**
	 * More candidates than this in one small box and window would be a flood, not duplicates of one thing; the cap
	 * keeps one request bounded.
	 */
	static final int MAX_CANDIDATES = 500;

	/** An open incident inside the box, with its follower count. */
	public record Candidate(UUID id, String categoryCode, String categoryName, String description, double lat,
			double lng, Instant reportedAt, IncidentState state, int followers) {
	}

	/**
	 * A unit's liaison reads only his unit's orders: those claimed by him, sent to his unit, or with a part for it.
	 * {@code unitId} is null for a liaison whose unit is not registered (he then sees only what he claimed).
	 */
	public record OrdersOf(UUID userId, UUID unitId) {
	}

	private final JdbcClient jdbc;

	JdbcDuplicates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Open incidents (not closed, not rejected) of one category inside the box reported since {@code since}, in the
	 * scope — and, for a liaison ({@code ordersOf} not null), among his unit's orders only, decided here in one query
	 * rather than incident by incident. The box runs on incident_open_category_position_idx; the caller measures the
	 * exact distance.
	 */
	public List<Candidate> openNear(DataScope scope, OrdersOf ordersOf, String categoryCode, double minLat,
			double maxLat, double minLng, double maxLng, Instant since) {
		return jdbc.sql("""
				select i.id, i.category_code, c.name as category_name, i.description, i.lat, i.lng, i.reported_at,
				       i.state,
				       (select count(*) from incident.incident_follower f where f.incident_id = i.id) as followers
				  from incident.incident i join incident.category c on c.code = i.category_code
				 where i.category_code = :category
				   and i.closed_at is null and i.state <> 'REJECTED'
				   and i.lat between :minLat and :maxLat
				   and i.lng between :minLng and :maxLng
				   and i.reported_at >= :since
				   and i.scope_path like :scope
				   and (not :liaison or i.claimed_by = :user or i.unit_id = :unit
				        or exists (select 1 from incident.incident_part p
				                    where p.incident_id = i.id and p.unit_id = :unit))
				 limit :cap""")
			.param("category", categoryCode)
			.param("minLat", minLat)
			.param("maxLat", maxLat)
			.param("minLng", minLng)
			.param("maxLng", maxLng)
			.param("since", java.sql.Timestamp.from(since))
			.param("scope", scope.likePattern())
			.param("cap", MAX_CANDIDATES)
			.param("liaison", ordersOf != null)
			.param("user", ordersOf == null ? null : ordersOf.userId(), java.sql.Types.OTHER)
			.param("unit", ordersOf == null ? null : ordersOf.unitId(), java.sql.Types.OTHER)
			.query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("category_code"),
					rs.getString("category_name"), rs.getString("description"), rs.getDouble("lat"),
					rs.getDouble("lng"), rs.getTimestamp("reported_at").toInstant(),
					IncidentState.valueOf(rs.getString("state")), rs.getInt("followers")))
			.list();
	}

	/**
	 * Adds a follower if the incident is in the scope and still open; whether a row was added. The primary key
	 * decides between two joins of one account, the share lock between a join and a concurrent closure.
	 */
	public boolean follow(DataScope scope, UUID incidentId, UUID accountId, Instant at) {
		return jdbc.sql("""
				insert into incident.incident_follower (incident_id, account_id, joined_at)
				select i.id, :account, :at
				  from incident.incident i
				 where i.id = :id and i.scope_path like :scope
				   and i.closed_at is null and i.state <> 'REJECTED'
				   for share
				on conflict (incident_id, account_id) do nothing""")
			.param("id", incidentId)
			.param("account", accountId)
			.param("at", java.sql.Timestamp.from(at))
			.param("scope", scope.likePattern())
			.update() == 1;
	}

	public int followers(UUID incidentId) {
		return jdbc.sql("select count(*) from incident.incident_follower where incident_id = :id")
			.param("id", incidentId)
			.query(Integer.class)
			.single();
	}

	/** Who follows an incident (joined it instead of reporting it again). */
	public java.util.List<UUID> followerIds(UUID incidentId) {
		return jdbc.sql("select account_id from incident.incident_follower where incident_id = :id")
			.param("id", incidentId)
			.query(UUID.class)
			.list();
	}

	public boolean follows(UUID incidentId, UUID accountId) {
		return jdbc.sql("select count(*) from incident.incident_follower where incident_id = :id and account_id = :account")
			.param("id", incidentId)
			.param("account", accountId)
			.query(Long.class)
			.single() > 0;
	}
}
