package org.zhizhi.territory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.LikePattern;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;

/**
 * The SQL of the management tree. Every scoped statement carries {@code path LIKE :scope}, with the scope's path bound
 * as a parameter: the filter lives in the query itself, so no caller can forget it and no request text reaches SQL.
 */
@Repository
public class JdbcOrgUnits {

	private static final String COLUMNS = """
			id, parent_id, level, name, code, kind, path, district_id, boundary::text AS boundary""";

	private final JdbcClient jdbc;

	JdbcOrgUnits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OrgUnit> find(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory.org_unit WHERE id = :id AND path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcOrgUnits::map)
			.optional();
	}

	/**
	 * A node without a scope: only to turn an account's binding into its data scope, and for system work (the demo,
	 * bootstrap) that acts for no user. Reads on a user's behalf take a scope.
	 */
	public Optional<OrgUnit> findUnscoped(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory.org_unit WHERE id = :id")
			.param("id", id)
			.query(JdbcOrgUnits::map)
			.optional();
	}

	public Optional<OrgUnit> findRoot() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory.org_unit WHERE parent_id IS NULL ORDER BY code LIMIT 1")
			.query(JdbcOrgUnits::map)
			.optional();
	}

	public Optional<OrgUnit> lockForChildren(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory.org_unit WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(JdbcOrgUnits::map)
			.optional();
	}

	public List<OrgUnit> list(DataScope scope, OrgUnitFilter filter, int limit) {
		// Optional criteria are written as "(:x IS NULL OR …)" so that the statement text never changes with the
		// request: every value, the name pattern included, stays a bound parameter.
		String namePattern = LikePattern.contains(filter.nameContains());
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM territory.org_unit
				WHERE path LIKE :scope
				  AND (CAST(:name AS text) IS NULL OR name LIKE CAST(:name AS text) ESCAPE '\\')
				  AND (CAST(:parentId AS uuid) IS NULL OR parent_id = CAST(:parentId AS uuid))
				  AND (CAST(:level AS text) IS NULL OR level = CAST(:level AS text))
				ORDER BY code
				LIMIT :limit""")
			.param("scope", scope.likePattern())
			.param("name", namePattern)
			.param("parentId", filter.parentId())
			.param("level", filter.level() == null ? null : filter.level().name())
			.param("limit", limit)
			.query(JdbcOrgUnits::map)
			.list();
	}

	public List<OrgUnit> lineage(DataScope scope, UUID id) {
		Optional<OrgUnit> node = find(scope, id);
		if (node.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = new ArrayList<>();
		for (String part : node.get().path().split("/")) {
			if (!part.isEmpty()) {
				ids.add(UUID.fromString(part));
			}
		}
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM territory.org_unit
				WHERE id IN (:ids) AND path LIKE :scope
				ORDER BY length(path)""")
			.param("ids", ids)
			.param("scope", scope.likePattern())
			.query(JdbcOrgUnits::map)
			.list();
	}

	public Map<OrgLevel, Long> countByLevel(DataScope scope) {
		Map<OrgLevel, Long> counts = new EnumMap<>(OrgLevel.class);
		for (OrgLevel level : OrgLevel.values()) {
			counts.put(level, 0L);
		}
		jdbc.sql("SELECT level, count(*) AS n FROM territory.org_unit WHERE path LIKE :scope GROUP BY level")
			.param("scope", scope.likePattern())
			.query((rs, i) -> counts.put(OrgLevel.valueOf(rs.getString("level")), rs.getLong("n")))
			.list();
		return counts;
	}

	/** Those of the nodes inside the scope, in one statement; the order is the caller's to keep. */
	public List<OrgUnit> findAll(DataScope scope, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM territory.org_unit WHERE id = ANY (CAST(:ids AS uuid[])) AND path LIKE :scope")
			.param("ids", uuidArray(ids))
			.param("scope", scope.likePattern())
			.query(JdbcOrgUnits::map)
			.list();
	}

	/** One array parameter, not a placeholder an id: a request may name more ids than a statement takes parameters. */
	private static String uuidArray(Collection<UUID> ids) {
		return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
	}

	/** The names of those of the nodes inside the scope, in one statement (no boundaries read for a name). */
	public Map<UUID, String> names(DataScope scope, Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT id, name FROM territory.org_unit WHERE id = ANY (CAST(:ids AS uuid[])) AND path LIKE :scope")
			.param("ids", uuidArray(ids))
			.param("scope", scope.likePattern())
			.query((rs, i) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		return names;
	}

	public Map<UUID, Long> childCounts(DataScope scope, List<UUID> parentIds) {
		Map<UUID, Long> counts = new HashMap<>();
		if (parentIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT parent_id, count(*) AS n FROM territory.org_unit
				WHERE parent_id IN (:ids) AND path LIKE :scope
				GROUP BY parent_id""")
			.param("ids", parentIds)
			.param("scope", scope.likePattern())
			.query((rs, i) -> counts.put(rs.getObject("parent_id", UUID.class), rs.getLong("n")))
			.list();
		return counts;
	}

	public record NamedBoundary(String name, String boundary) {
	}

	public List<NamedBoundary> boundariesOfChildren(UUID parentId) {
		return jdbc.sql("""
				SELECT name, boundary::text AS boundary FROM territory.org_unit
				WHERE parent_id = :parentId AND boundary IS NOT NULL""")
			.param("parentId", parentId)
			.query((rs, i) -> new NamedBoundary(rs.getString("name"), rs.getString("boundary")))
			.list();
	}

	public boolean codeTaken(String code) {
		return jdbc.sql("SELECT count(*) FROM territory.org_unit WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM territory.org_unit").query(Long.class).single();
	}

	public void insert(OrgUnit unit) {
		jdbc.sql("""
				INSERT INTO territory.org_unit (id, parent_id, level, name, code, kind, path, district_id, boundary)
				VALUES (:id, :parentId, :level, :name, :code, :kind, :path, :districtId, CAST(:boundary AS jsonb))""")
			.param("id", unit.id())
			.param("parentId", unit.parentId())
			.param("level", unit.level().name())
			.param("name", unit.name())
			.param("code", unit.code())
			.param("kind", unit.kind())
			.param("path", unit.path())
			.param("districtId", unit.districtId())
			.param("boundary", unit.boundary())
			.update();
	}


	private static OrgUnit map(ResultSet rs, int row) throws SQLException {
		return new OrgUnit(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
				OrgLevel.valueOf(rs.getString("level")), rs.getString("name"), rs.getString("code"),
				rs.getString("kind"), rs.getString("path"), rs.getObject("district_id", UUID.class),
				rs.getString("boundary"));
	}
}
