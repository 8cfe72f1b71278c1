package org.zhizhi.incident.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The incidents the header's search finds in a scope: by their number (the id, or its beginning, as the pages' and
 * the API's addresses show it) or by words of the description or the category's name. Bounded by a limit, newest
 * first; the number's beginning is a range of the primary key, so it is answered by the key's index.
 */
@Repository
public class JdbcIncidentSearch {

	/** An incident as a search result shows it. */
	public record Hit(UUID id, String state, String categoryName, String description, UUID gridId,
			Instant reportedAt) {
	}

	private static final String SELECT = """
			select i.id, i.state, c.name as category_name, i.description, i.grid_id, i.reported_at
			  from incident.incident i
			  join incident.category c on c.code = i.category_code
			 where i.scope_path like :scope
			""";

	private final JdbcClient jdbc;

	JdbcIncidentSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The incidents whose id lies between the two (both included): the ids that begin with the typed digits. */
	public List<Hit> byNumber(String scopePattern, UUID from, UUID to, int limit) {
		return jdbc.sql(SELECT + " and i.id between :from and :to order by i.reported_at desc, i.id desc limit :limit")
			.param("scope", scopePattern)
			.param("from", from)
			.param("to", to)
			.param("limit", limit)
			.query(JdbcIncidentSearch::hit)
			.list();
	}

	/**
	 * The incidents whose description or category holds every one of the patterns ({@code LIKE} patterns, escaped by
	 * the caller). The statement is built from this class's text alone, one bound parameter per pattern.
	 */
	public List<Hit> byWords(String scopePattern, List<String> patterns, int limit) {
		StringBuilder sql = new StringBuilder(SELECT);
		for (int n = 0; n < patterns.size(); n++) {
			sql.append(" and (i.description like :w").append(n).append(" escape '\\' or c.name like :w").append(n)
				.append(" escape '\\')");
		}
		sql.append(" order by i.reported_at desc, i.id desc limit :limit");
		var statement = jdbc.sql(sql.toString()).param("scope", scopePattern).param("limit", limit);
		for (int n = 0; n < patterns.size(); n++) {
			statement = statement.param("w" + n, patterns.get(n));
		}
		return statement.query(JdbcIncidentSearch::hit).list();
	}

	private static Hit hit(ResultSet rs, int n) throws SQLException {
		return new Hit(rs.getObject("id", UUID.class), rs.getString("state"), rs.getString("category_name"),
				rs.getString("description"), rs.getObject("grid_id", UUID.class),
				rs.getTimestamp("reported_at").toInstant());
	}
}
