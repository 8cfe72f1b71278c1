package org.zhizhi.incident.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The incidents waiting for someone, one kind of wait a query: the first few most urgent and how many in all (a window
 * count, so one statement a kind). The conditions are this class's constants; the values are bound parameters.
 */
@Repository
public class JdbcWaitingWork {

	/** An incident as a to-do line shows it, with the total of its kind. */
	public record Waiting(UUID id, String state, String categoryName, String description, UUID gridId,
			Instant reportedAt, Instant dueAt, int redCards, long total) {
	}

	/** New reports, accepted and triaged ones the tiers' owner is to take further (受理、分拨、吹哨). */
	public static final String TO_DISPATCH = """
			i.state in ('REPORTED', 'ACCEPTED', 'TRIAGED') and i.scope_path like :scope and i.tier in (:tiers)""";

	/** Resolutions to verify, not the verifier's own work. */
	public static final String TO_VERIFY = """
			i.state = 'RESOLVED' and i.scope_path like :scope and i.tier in (:tiers)
			and i.claimed_by is distinct from :me""";

	/** Open past the resolution deadline. */
	public static final String OVERDUE = """
			i.closed_at is null and i.resolve_due_at < :now and i.scope_path like :scope and i.tier in (:tiers)""";

	/** Open with a red card: the supervisor's first concern. */
	public static final String RED_CARDED = """
			i.closed_at is null and i.red_cards > 0 and i.scope_path like :scope""";

	/** Raised to the reader's own tier and still open (分级响应: his to decide now). */
	public static final String ESCALATED = """
			i.closed_at is null and i.scope_path like :scope and i.tier in (:tiers)
			and i.state not in ('REPORTED', 'ACCEPTED', 'TRIAGED')""";

	/** Open calls nobody has taken (待抢工单). */
	public static final String OPEN_CALLS = """
			i.state = 'WHISTLED' and i.claimed_by is null and i.unit_id is null and i.scope_path like :scope""";

	/** The member's own orders still to do. */
	public static final String MY_ORDERS = """
			i.claimed_by = :me and i.state in ('CLAIMED', 'CHECKED_IN', 'REWORK') and i.scope_path like :scope""";

	/** The orders of the liaison's unit still open: to answer, in hand, or its part of a tough whistle. */
	public static final String UNIT_ORDERS = """
			i.closed_at is null and i.scope_path like :scope
			and i.state in ('ASSIGNED', 'CLAIMED', 'CHECKED_IN', 'REWORK')
			and exists (select 1 from incident.unit_liaison l
			             where l.account_id = :me
			               and (l.unit_id = i.unit_id
			                    or exists (select 1 from incident.incident_part p
			                                where p.incident_id = i.id and p.unit_id = l.unit_id
			                                  and p.state in ('ASSIGNED', 'ACCEPTED'))))""";

	/** The reporter's closed reports waiting for his rating. */
	public static final String TO_RATE = """
			i.reporter_id = :me and i.state = 'CLOSED' and i.scope_path like :scope""";

	/** Incidents with an extension request waiting, at the tiers the reader decides for. */
	public static final String EXTENSIONS = """
			i.closed_at is null and i.scope_path like :scope and i.tier in (:tiers)
			and exists (select 1 from incident.extension_request x where x.incident_id = i.id and x.state = 'PENDING')""";

	private final JdbcClient jdbc;

	JdbcWaitingWork(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The first {@code limit} incidents of one kind of wait, overdue first, then by deadline, then the longest
	 * waiting; each row carries the kind's total.
	 */
	public List<Waiting> find(String condition, Map<String, ?> params, int limit) {
		var statement = jdbc.sql("""
				select i.id, i.state, c.name as category_name, i.description, i.grid_id, i.reported_at,
				       coalesce(i.resolve_due_at, i.respond_due_at) as due_at, i.red_cards, count(*) over () as total
				  from incident.incident i
				  join incident.category c on c.code = i.category_code
				""" + " where " + condition + "\n" + """
				 order by (coalesce(i.resolve_due_at, i.respond_due_at) < :now) desc nulls last, i.red_cards desc,
				          coalesce(i.resolve_due_at, i.respond_due_at) nulls last, i.reported_at, i.id
				 limit :limit""");
		for (Map.Entry<String, ?> p : params.entrySet()) {
			statement = statement.param(p.getKey(), p.getValue());
		}
		return statement.param("limit", limit).query(JdbcWaitingWork::row).list();
	}

	private static Waiting row(ResultSet rs, int n) throws SQLException {
		Timestamp due = rs.getTimestamp("due_at");
		return new Waiting(rs.getObject("id", UUID.class), rs.getString("state"), rs.getString("category_name"),
				rs.getString("description"), rs.getObject("grid_id", UUID.class),
				rs.getTimestamp("reported_at").toInstant(), due == null ? null : due.toInstant(), rs.getInt("red_cards"),
				rs.getLong("total"));
	}
}
