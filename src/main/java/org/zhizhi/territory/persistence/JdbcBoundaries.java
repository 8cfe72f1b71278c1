package org.zhizhi.territory.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.territory.OrgLevel;

/** The SQL of grid boundaries: what the grid index loads, its version, and replacing one boundary. */
@Repository
public class JdbcBoundaries {

	private final JdbcClient jdbc;

	JdbcBoundaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record CellRow(UUID id, UUID parentId, OrgLevel level, String name, String code, String kind, String path,
			UUID districtId, String boundary) {
	}

	/** Every grid and micro-grid that has a boundary, unscoped: the index filters by the caller's scope itself. */
	public List<CellRow> allCells() {
		return jdbc.sql("""
				SELECT id, parent_id, level, name, code, kind, path, district_id, boundary::text AS boundary
				  FROM territory.org_unit
				 WHERE level IN ('GRID', 'MICRO_GRID') AND boundary IS NOT NULL""")
			.query((rs, i) -> new CellRow(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
					OrgLevel.valueOf(rs.getString("level")), rs.getString("name"), rs.getString("code"),
					rs.getString("kind"), rs.getString("path"), rs.getObject("district_id", UUID.class),
					rs.getString("boundary")))
			.list();
	}

	/** The version the trigger on the tree bumps on every change; one row, one number. */
	public long version() {
		return jdbc.sql("SELECT version FROM territory.boundary_version").query(Long.class).single();
	}

	public record NamedBoundary(UUID id, String name, String boundary) {
	}

	/** The boundaries of a node's children, unscoped: overlaps count whoever may see the neighbour. */
	public List<NamedBoundary> ofChildren(UUID parentId) {
		return jdbc.sql("""
				SELECT id, name, boundary::text AS boundary FROM territory.org_unit
				 WHERE parent_id = :parentId AND boundary IS NOT NULL
				 ORDER BY code""")
			.param("parentId", parentId)
			.query((rs, i) -> new NamedBoundary(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("boundary")))
			.list();
	}

	public void replace(UUID id, String boundary) {
		jdbc.sql("UPDATE territory.org_unit SET boundary = CAST(:boundary AS jsonb) WHERE id = :id")
			.param("id", id)
			.param("boundary", boundary)
			.update();
	}
}
