package org.zhizhi.territory.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The estates and buildings the header's search finds by name within a scope, the closest names first (the name
 * itself, then names that begin with the text, then the shorter), at most a limit. Estates and buildings are counted
 * in thousands per district, read within the scope's index range.
 */
@Repository
public class JdbcPlaceSearch {

	/** A place as a search result shows it: its name and where it is (the community, or the estate and grid). */
	public record PlaceHit(UUID id, String name, String where) {
	}

	private final JdbcClient jdbc;

	JdbcPlaceSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Estates visible in the scope whose name holds the text (a {@code LIKE} pattern, escaped by the caller). */
	public List<PlaceHit> estates(String scopePattern, String contains, String exact, int limit) {
		return jdbc.sql("""
				SELECT e.id, e.name, c.name AS place
				  FROM territory.estate e
				  JOIN territory.org_unit c ON c.id = e.community_id
				 WHERE e.name LIKE :pattern ESCAPE '\\' AND """ + JdbcPlaces.ESTATE_VISIBLE + """

				 ORDER BY e.name = :exact DESC, starts_with(e.name, :exact) DESC, length(e.name), e.name, e.id
				 LIMIT :limit""")
			.param("scope", scopePattern)
			.param("pattern", contains)
			.param("exact", exact)
			.param("limit", limit)
			.query((rs, n) -> new PlaceHit(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("place")))
			.list();
	}

	/**
	 * Buildings of the scope whose estate's and own name, written together ("东城公租房1栋"), hold the text (a
	 * {@code LIKE} pattern without blanks, escaped by the caller): a building is named within its estate.
	 */
	public List<PlaceHit> buildings(String scopePattern, String contains, int limit) {
		return jdbc.sql("""
				SELECT b.id, e.name || ' ' || b.name AS name, g.name AS place
				  FROM territory.building b
				  JOIN territory.estate e ON e.id = b.estate_id
				  JOIN territory.org_unit g ON g.id = b.grid_id
				 WHERE b.scope_path LIKE :scope
				   AND replace(e.name || b.name, ' ', '') LIKE :pattern ESCAPE '\\'
				 ORDER BY e.name, length(b.name), b.name, b.id
				 LIMIT :limit""")
			.param("scope", scopePattern)
			.param("pattern", contains)
			.param("limit", limit)
			.query((rs, n) -> new PlaceHit(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("place")))
			.list();
	}
}
