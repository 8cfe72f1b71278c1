package org.zhizhi.partnership.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The partner units and list items (needs, resources, projects) the header's search finds by name or title within a
 * scope, at most a limit each — the closest names first.
 */
@Repository
public class JdbcPartnershipSearch {

	/** A unit or an item as a search result shows it. */
	public record Hit(UUID id, String name, String kind, String community) {
	}

	private final JdbcClient jdbc;

	JdbcPartnershipSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Units of the scope whose name holds the text (a {@code LIKE} pattern escaped by the caller); only the one unit
	 * when {@code onlyUnit} is given (a liaison sees his own).
	 */
	public List<Hit> units(String scopePattern, UUID onlyUnit, String contains, String exact, int limit) {
		return jdbc.sql("""
				select p.id, p.name, p.type as kind, b.name as community
				  from partnership.partner_unit p
				  join partnership.community_board b on b.community_id = p.community_id
				 where p.scope_path like :scope and p.name like :pattern escape '\\'
				   and (cast(:unit as uuid) is null or p.id = cast(:unit as uuid))
				 order by p.name = :exact desc, starts_with(p.name, :exact) desc, length(p.name), p.name, p.id
				 limit :limit""")
			.param("scope", scopePattern)
			.param("unit", onlyUnit, java.sql.Types.OTHER)
			.param("pattern", contains)
			.param("exact", exact)
			.param("limit", limit)
			.query((rs, n) -> new Hit(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
					rs.getString("community")))
			.list();
	}

	/** List items of the scope whose title holds the text, open ones first, then the latest published. */
	public List<Hit> items(String scopePattern, String contains, int limit) {
		return jdbc.sql("""
				select i.id, i.title as name, i.kind, b.name as community
				  from partnership.list_item i
				  join partnership.community_board b on b.community_id = i.community_id
				 where i.scope_path like :scope and i.title like :pattern escape '\\'
				 order by i.status = 'OPEN' desc, i.published_at desc, i.id
				 limit :limit""")
			.param("scope", scopePattern)
			.param("pattern", contains)
			.param("limit", limit)
			.query((rs, n) -> new Hit(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
					rs.getString("community")))
			.list();
	}
}
