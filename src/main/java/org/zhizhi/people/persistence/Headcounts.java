package org.zhizhi.people.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.people.PeopleViews.PeopleCounts;
import org.zhizhi.shared.DataScope;

/** How many households live and residents are registered within a scope, a set of buildings or each of some paths. */
@Repository
public class Headcounts {

	private final JdbcClient jdbc;

	Headcounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PeopleCounts counts(DataScope scope) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM people.household WHERE scope_path LIKE :scope AND moved_out IS NULL),
				       (SELECT count(*) FROM people.resident WHERE scope_path LIKE :scope AND active)
				""")
			.param("scope", scope.likePattern())
			.query(PeopleRows.COUNTS)
			.single();
	}

	/** Households (or residents) under each of the given paths, in one query; keyed by path. */
	public Map<String, Long> countEachWithin(List<String> paths, boolean households) {
		if (paths.isEmpty()) {
			return Map.of();
		}
		String counted = households
				? "people.household r ON r.scope_path LIKE p.path || '%' AND r.moved_out IS NULL"
				: "people.resident r ON r.scope_path LIKE p.path || '%' AND r.active";
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("SELECT p.path, count(r.id) AS n FROM unnest(CAST(ARRAY[:paths] AS text[])) AS p(path) LEFT JOIN "
				+ counted + " GROUP BY p.path")
			.param("paths", paths)
			.query((rs, n) -> counts.put(rs.getString("path"), rs.getLong("n")))
			.list();
		return counts;
	}

	public PeopleCounts countsInBuildings(DataScope scope, List<UUID> buildingIds) {
		if (buildingIds.isEmpty()) {
			return new PeopleCounts(0, 0);
		}
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM people.household
				         WHERE scope_path LIKE :scope AND moved_out IS NULL AND building_id IN (:buildings)),
				       (SELECT count(*) FROM people.resident
				         WHERE scope_path LIKE :scope AND active AND building_id IN (:buildings))
				""")
			.param("scope", scope.likePattern())
			.param("buildings", buildingIds)
			.query(PeopleRows.COUNTS)
			.single();
	}
}
