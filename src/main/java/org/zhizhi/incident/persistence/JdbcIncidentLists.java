package org.zhizhi.incident.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.BindingDeadline;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.DeskFilter;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentRow;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.Rating;
import org.zhizhi.incident.ReportedWhistles;
import org.zhizhi.incident.Tier;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.DataScope;

/** The list queries of the pages; every one binds the caller's scope prefix. */
@Repository
public class JdbcIncidentLists {

	/**
	 * The row, its category's name, its latest step and its first photo (one index probe each per row of the page, so
	 * that a list never asks again per row). A photo is not a step: "latest: photo added" would hide what happened to
	 * the incident. The first photo is the report's, the one that shows what the incident is about.
	 */
	private static final String SELECT = """
			select i.id, i.state, i.category_code, c.name as category_name, i.description, i.grid_id, i.channel,
			       i.triage, i.whistle_type, i.claimed_by, i.anonymous, i.reported_at, i.updated_at,
			       i.resolve_due_at, i.closed_at, i.rating, t.action as latest_action, t.actor_name as latest_actor,
			       t.occurred_at as latest_at,
			       i.tier, i.yellow_cards, i.red_cards, i.unit_id, ph.photo_id as first_photo_id, i.binding_source,
			       i.binding_due_at
			  from incident.incident i
			  join incident.category c on c.code = i.category_code
			  left join lateral (select e.action, e.actor_name, e.occurred_at from incident.timeline_entry e
			                      where e.incident_id = i.id and e.action <> 'PHOTO'
			                      order by e.occurred_at desc, e.id desc limit 1) t on true
			  left join lateral (select p.photo_id from incident.incident_photo p
			                      where p.incident_id = i.id
			                      order by p.added_at, p.photo_id limit 1) ph on true
			""";

	private static final String FILTERS = """
			 where i.scope_path like :scope
			   and (cast(:state as varchar) is null or i.state = :state)
			   and (cast(:whistle as varchar) is null or i.whistle_type = :whistle)
			   and (cast(:category as varchar) is null or i.category_code = :category)
			   and (cast(:grid as uuid) is null or i.grid_id = :grid)
			   and (not :overdue or (i.closed_at is null and i.resolve_due_at < :now))
			""";

	/** The liaison's unit's orders: given to it, or a tough whistle it has a part of. */
	private static final String OF_LIAISONS_UNIT = """
			 where i.scope_path like :scope
			   and exists (select 1 from incident.unit_liaison l
			                where l.account_id = :liaison
			                  and (l.unit_id = i.unit_id
			                       or exists (select 1 from incident.incident_part p
			                                   where p.incident_id = i.id and p.unit_id = l.unit_id)))
			""";

	private final JdbcClient jdbc;

	JdbcIncidentLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<IncidentRow> reportedBy(DataScope scope, UUID reporterId, int limit, int offset) {
		return jdbc.sql(SELECT + """
				 where i.reporter_id = :reporter and i.scope_path like :scope
				 order by i.reported_at desc, i.id desc limit :limit offset :offset""")
			.param("reporter", reporterId)
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcIncidentLists::row)
			.list();
	}

	/**
	 * The claimer's orders still open (not closed or refused), those waiting for him first (to answer, check in,
	 * resolve, rework), then those with others (to verify, to rate).
	 */
	public List<IncidentRow> claimedBy(DataScope scope, UUID claimerId, int limit) {
		return jdbc.sql(SELECT + """
				 where i.claimed_by = :claimer and i.scope_path like :scope and i.closed_at is null
				 order by case when i.state in ('ASSIGNED', 'CLAIMED', 'CHECKED_IN', 'REWORK') then 0 else 1 end,
				          i.updated_at desc, i.id desc
				 limit :limit""")
			.param("claimer", claimerId)
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query(JdbcIncidentLists::row)
			.list();
	}

	/** The claimer's closed orders, the latest closed first: his history, a page at a time. */
	public List<IncidentRow> closedClaimedBy(DataScope scope, UUID claimerId, int limit, int offset) {
		return jdbc.sql(SELECT + """
				 where i.claimed_by = :claimer and i.scope_path like :scope and i.closed_at is not null
				 order by i.closed_at desc, i.id desc
				 limit :limit offset :offset""")
			.param("claimer", claimerId)
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcIncidentLists::row)
			.list();
	}

	/** The open orders of the unit the liaison serves (to answer or in hand), the latest moved first. */
	public List<IncidentRow> ofLiaisonsUnit(DataScope scope, UUID liaisonId, int limit) {
		return jdbc.sql(SELECT + OF_LIAISONS_UNIT + """
				   and i.closed_at is null
				 order by i.updated_at desc, i.id desc
				 limit :limit""")
			.param("liaison", liaisonId)
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query(JdbcIncidentLists::row)
			.list();
	}

	/** The closed orders of the unit the liaison serves, the latest closed first, a page at a time. */
	public List<IncidentRow> closedOfLiaisonsUnit(DataScope scope, UUID liaisonId, int limit, int offset) {
		return jdbc.sql(SELECT + OF_LIAISONS_UNIT + """
				   and i.closed_at is not null
				 order by i.closed_at desc, i.id desc
				 limit :limit offset :offset""")
			.param("liaison", liaisonId)
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcIncidentLists::row)
			.list();
	}

	public List<IncidentRow> openCalls(DataScope scope, int limit) {
		return jdbc.sql(SELECT + """
				 where i.state = 'WHISTLED' and i.claimed_by is null and i.scope_path like :scope
				 order by i.reported_at, i.id limit :limit""")
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query(JdbcIncidentLists::row)
			.list();
	}

	public List<IncidentRow> queue(DataScope scope, DeskFilter filter, Instant now, int limit, int offset) {
		return filtered(jdbc.sql(SELECT + FILTERS + " order by i.reported_at desc, i.id desc limit :limit offset :offset"),
				scope, filter, now)
			.param("limit", limit)
			.param("offset", offset)
			.query(JdbcIncidentLists::row)
			.list();
	}

	public Map<IncidentState, Long> countsByState(DataScope scope, DeskFilter filter, Instant now) {
		Map<IncidentState, Long> counts = new EnumMap<>(IncidentState.class);
		filtered(jdbc.sql("select i.state, count(*) from incident.incident i" + FILTERS + " group by i.state"), scope,
				filter, now)
			.query((rs, n) -> Map.entry(IncidentState.valueOf(rs.getString(1)), rs.getLong(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/**
	 * The incidents of a scope reported after an instant, oldest first: what a live screen has not shown yet. The
	 * scope's index ({@code scope_path, reported_at}) finds them however large the scope, and the row is kept small
	 * (no latest step, no photo) because a screen asks several times a second.
	 */
	public List<Reported> reportedSince(DataScope scope, Instant since, int limit) {
		return jdbc.sql("""
				select i.id, i.state, c.name as category_name, i.description, i.grid_id, i.lat, i.lng, i.reported_at
				  from incident.incident i
				  join incident.category c on c.code = i.category_code
				 where i.scope_path like :scope and i.reported_at > :since
				 order by i.reported_at, i.id limit :limit""")
			.param("scope", scope.likePattern())
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, n) -> new Reported(rs.getObject("id", UUID.class), IncidentState.valueOf(rs.getString("state")),
					rs.getString("category_name"), rs.getString("description"), rs.getObject("grid_id", UUID.class),
					rs.getDouble("lat"), rs.getDouble("lng"), instant(rs, "reported_at")))
			.list();
	}

	/** A report as a live screen shows it: no timeline, no photo, one index range of the scope. */
	public record Reported(UUID id, IncidentState state, String categoryName, String description, UUID gridId,
			double lat, double lng, Instant reportedAt) {
	}

	/** Per grid of the scope: its open incidents and, of those, the ones past their resolution deadline at {@code now}. */
	public List<GridLoad> gridLoads(DataScope scope, Instant now) {
		return jdbc.sql("""
				select i.grid_id, count(*) as open, count(*) filter (where i.resolve_due_at < :now) as overdue
				  from incident.incident i
				 where i.scope_path like :scope and i.closed_at is null and i.state <> 'REJECTED' and i.grid_id is not null
				 group by i.grid_id""")
			.param("scope", scope.likePattern())
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new GridLoad(rs.getObject("grid_id", UUID.class), rs.getLong("open"),
					rs.getLong("overdue")))
			.list();
	}

	/** A grid's open incidents and those of them overdue. */
	public record GridLoad(UUID gridId, long open, long overdue) {
	}

	/**
	 * The scope's incidents reported in [from, to) per whistle type (null: not whistled), with those overdue at
	 * {@code now} by the desk queue's rule and those given a yellow or red card — one pass over the scope's
	 * {@code (scope_path, reported_at)} index range.
	 */
	public ReportedWhistles reportedWhistles(DataScope scope, Instant from, Instant to, Instant now) {
		Map<WhistleType, Long> byType = new EnumMap<>(WhistleType.class);
		for (WhistleType type : WhistleType.values()) {
			byType.put(type, 0L);
		}
		long[] sums = new long[5];
		jdbc.sql("""
				select i.whistle_type, count(*) as reported,
				       count(*) filter (where i.closed_at is null and i.resolve_due_at < :now) as overdue,
				       count(*) filter (where i.yellow_cards > 0) as yellow,
				       count(*) filter (where i.red_cards > 0) as red
				  from incident.incident i
				 where i.scope_path like :scope and i.reported_at >= :from and i.reported_at < :to
				 group by i.whistle_type""")
			.param("scope", scope.likePattern())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now))
			.query(rs -> {
				long n = rs.getLong("reported");
				String type = rs.getString("whistle_type");
				if (type == null) {
					sums[1] += n;
				}
				else {
					byType.put(WhistleType.valueOf(type), n);
				}
				sums[0] += n;
				sums[2] += rs.getLong("overdue");
				sums[3] += rs.getLong("yellow");
				sums[4] += rs.getLong("red");
			});
		return new ReportedWhistles(sums[0], java.util.Collections.unmodifiableMap(byType), sums[1], sums[2], sums[3], sums[4]);
	}

	private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, DataScope scope, DeskFilter filter,
			Instant now) {
		return sql.param("scope", scope.likePattern())
			.param("state", filter.state() == null ? null : filter.state().name(), Types.VARCHAR)
			.param("whistle", filter.whistleType() == null ? null : filter.whistleType().name(), Types.VARCHAR)
			.param("category", filter.categoryCode(), Types.VARCHAR)
			.param("grid", filter.gridId(), Types.OTHER)
			.param("overdue", filter.overdueOnly())
			.param("now", Timestamp.from(now));
	}

	private static IncidentRow row(ResultSet rs, int n) throws SQLException {
		return new IncidentRow(rs.getObject("id", UUID.class), IncidentState.valueOf(rs.getString("state")),
				rs.getString("category_code"), rs.getString("category_name"), rs.getString("description"),
				rs.getObject("grid_id", UUID.class), Channel.valueOf(rs.getString("channel")),
				value(Triage.class, rs.getString("triage")), value(WhistleType.class, rs.getString("whistle_type")),
				rs.getObject("claimed_by", UUID.class), rs.getBoolean("anonymous"), instant(rs, "reported_at"),
				instant(rs, "updated_at"), instant(rs, "resolve_due_at"), instant(rs, "closed_at"),
				value(Rating.class, rs.getString("rating")), value(IncidentAction.class, rs.getString("latest_action")),
				rs.getString("latest_actor"), instant(rs, "latest_at"), value(Tier.class, rs.getString("tier")),
				rs.getInt("yellow_cards"), rs.getInt("red_cards"), rs.getObject("unit_id", UUID.class),
				rs.getObject("first_photo_id", UUID.class), rs.getString("binding_source") == null ? null
						: new BindingDeadline(rs.getString("binding_source"), instant(rs, "binding_due_at")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}
}
