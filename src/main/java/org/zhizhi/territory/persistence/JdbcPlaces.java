package org.zhizhi.territory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.DwellingRef;

/** The SQL of estates, buildings, entrances and dwellings; every read carries the scope predicate. */
@Repository
public class JdbcPlaces {

	private static final String DWELLING = """
			SELECT d.id, d.building_id, b.estate_id, e.community_id, d.grid_id, d.micro_grid_id, d.scope_path,
			       e.name || ' ' || b.name || coalesce(' ' || en.name, '') || ' ' || d.label AS label
			  FROM territory.dwelling d
			  JOIN territory.building b ON b.id = d.building_id
			  JOIN territory.estate e ON e.id = b.estate_id
			  LEFT JOIN territory.entrance en ON en.id = d.entrance_id
			""";

	private final JdbcClient jdbc;

	JdbcPlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<DwellingRef> dwelling(DataScope scope, UUID id) {
		return jdbc.sql(DWELLING + " WHERE d.id = :id AND d.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcPlaces::dwelling)
			.optional();
	}

	public List<DwellingRef> dwellingsOfBuilding(DataScope scope, UUID buildingId) {
		return jdbc.sql(DWELLING + " WHERE d.building_id = :buildingId AND d.scope_path LIKE :scope ORDER BY d.label")
			.param("buildingId", buildingId)
			.param("scope", scope.likePattern())
			.query(JdbcPlaces::dwelling)
			.list();
	}

	private static DwellingRef dwelling(ResultSet rs, int row) throws SQLException {
		return new DwellingRef(rs.getObject("id", UUID.class), rs.getObject("building_id", UUID.class),
				rs.getObject("estate_id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getObject("grid_id", UUID.class), rs.getObject("micro_grid_id", UUID.class),
				rs.getString("scope_path"), rs.getString("label"));
	}
}
