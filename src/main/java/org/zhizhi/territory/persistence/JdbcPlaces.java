package org.zhizhi.territory.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.LikePattern;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Dwelling;
import org.zhizhi.territory.DwellingRef;
import org.zhizhi.territory.Entrance;
import org.zhizhi.territory.EntranceOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.EstateKind;
import org.zhizhi.territory.GovernanceMode;
import org.zhizhi.territory.GridShare;
import org.zhizhi.territory.ScopeCount;

/**
 * The SQL of estates, buildings, entrances and dwellings; every read carries the scope predicate, bound as a
 * parameter. Buildings and dwellings are scoped by their micro-grid's path; an estate by its community's path, and it
 * is also visible to a user below the community when one of its buildings lies inside his scope.
 */
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

	private static final String ESTATE_COLUMNS = """
			e.id, e.community_id, e.name, e.kind, e.governance_mode, e.address, e.scope_path""";

	/** An estate is visible inside its community's scope, and to those below it who have one of its buildings. */
	static final String ESTATE_VISIBLE = """
			(e.scope_path LIKE :scope OR EXISTS (SELECT 1 FROM territory.building vb
			                                      WHERE vb.estate_id = e.id AND vb.scope_path LIKE :scope))""";

	private static final String BUILDING_COLUMNS = """
			b.id, b.estate_id, b.name, b.floors, b.lat, b.lng, b.grid_id, b.micro_grid_id, b.scope_path""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	JdbcPlaces(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	// --- dwellings as other modules see them ----------------------------------------------------------------------

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

	public List<DwellingRef> dwellingsOfEstate(DataScope scope, UUID estateId) {
		return jdbc.sql(DWELLING + """
				 WHERE b.estate_id = :estateId AND d.scope_path LIKE :scope
				 ORDER BY length(b.name), b.name, length(coalesce(en.name, '')), en.name, d.floor NULLS FIRST,
				          length(d.label), d.label""")
			.param("estateId", estateId)
			.param("scope", scope.likePattern())
			.query(JdbcPlaces::dwelling)
			.list();
	}

	// --- estates ---------------------------------------------------------------------------------------------------

	public Optional<Estate> estate(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + ESTATE_COLUMNS + " FROM territory.estate e WHERE e.id = :id AND " + ESTATE_VISIBLE)
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcPlaces::estate)
			.optional();
	}

	public List<Estate> estates(DataScope scope, String nameContains, UUID communityId, int limit) {
		String namePattern = LikePattern.contains(nameContains);
		return jdbc.sql("SELECT " + ESTATE_COLUMNS + " FROM territory.estate e WHERE " + ESTATE_VISIBLE + """
				  AND (CAST(:name AS text) IS NULL OR e.name LIKE CAST(:name AS text) ESCAPE '\\')
				  AND (CAST(:communityId AS uuid) IS NULL OR e.community_id = CAST(:communityId AS uuid))
				ORDER BY e.scope_path, e.name
				LIMIT :limit""")
			.param("scope", scope.likePattern())
			.param("name", namePattern)
			.param("communityId", communityId)
			.param("limit", limit)
			.query(JdbcPlaces::estate)
			.list();
	}

	/** How many estates of the scope each governance mode (小区治理模式) runs: the four modes of 巴南's report. */
	public Map<GovernanceMode, Long> estatesByGovernanceMode(DataScope scope) {
		Map<GovernanceMode, Long> counts = new java.util.EnumMap<>(GovernanceMode.class);
		jdbc.sql("SELECT e.governance_mode, count(*) AS n FROM territory.estate e WHERE " + ESTATE_VISIBLE
				+ " GROUP BY e.governance_mode")
			.param("scope", scope.likePattern())
			.query((rs, i) -> counts.put(GovernanceMode.valueOf(rs.getString("governance_mode")), rs.getLong("n")))
			.list();
		return counts;
	}

	/** Buildings and dwellings (in scope) per estate, for lists. */
	public Map<UUID, long[]> estateCounts(DataScope scope, List<UUID> estateIds) {
		Map<UUID, long[]> counts = new java.util.HashMap<>();
		if (estateIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT b.estate_id, count(*) AS buildings,
				       coalesce(sum((SELECT count(*) FROM territory.dwelling d
				                      WHERE d.building_id = b.id AND d.scope_path LIKE :scope)), 0) AS dwellings
				  FROM territory.building b
				 WHERE b.estate_id IN (:ids) AND b.scope_path LIKE :scope
				 GROUP BY b.estate_id""")
			.param("ids", estateIds)
			.param("scope", scope.likePattern())
			.query((rs, i) -> counts.put(rs.getObject("estate_id", UUID.class),
					new long[] { rs.getLong("buildings"), rs.getLong("dwellings") }))
			.list();
		return counts;
	}

	public boolean estateNameTaken(UUID communityId, String name) {
		return jdbc.sql("SELECT count(*) FROM territory.estate WHERE community_id = :communityId AND name = :name")
			.param("communityId", communityId)
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	public void insert(Estate estate, UUID districtId) {
		jdbc.sql("""
				INSERT INTO territory.estate (id, community_id, name, kind, governance_mode, address, scope_path,
				                              district_id)
				VALUES (:id, :communityId, :name, :kind, :mode, :address, :scopePath, :districtId)""")
			.param("id", estate.id())
			.param("communityId", estate.communityId())
			.param("name", estate.name())
			.param("kind", estate.kind().name())
			.param("mode", estate.governanceMode().name())
			.param("address", estate.address())
			.param("scopePath", estate.scopePath())
			.param("districtId", districtId)
			.update();
	}

	/** The org-unit facts a place needs of a node: its level, path, district and parent. */
	public record NodeFacts(UUID id, UUID parentId, String level, String name, String code, String path,
			UUID districtId) {
	}

	public Optional<NodeFacts> node(DataScope scope, UUID id) {
		return jdbc.sql("""
				SELECT id, parent_id, level, name, code, path, district_id FROM territory.org_unit
				 WHERE id = :id AND path LIKE :scope""")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcPlaces::node)
			.optional();
	}

	/** The micro-grids in a scope (a community, a grid) with their boundaries, in code order. */
	public record MicroGridRow(UUID id, UUID gridId, String code, String path, String boundary) {
	}

	public List<MicroGridRow> microGridsUnder(DataScope scope) {
		return jdbc.sql("""
				SELECT id, parent_id, code, path, boundary::text AS boundary FROM territory.org_unit
				 WHERE level = 'MICRO_GRID' AND path LIKE :path AND boundary IS NOT NULL
				 ORDER BY code""")
			.param("path", scope.likePattern())
			.query((rs, i) -> new MicroGridRow(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
					rs.getString("code"), rs.getString("path"), rs.getString("boundary")))
			.list();
	}

	// --- buildings -------------------------------------------------------------------------------------------------

	public Optional<Building> building(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + BUILDING_COLUMNS + " FROM territory.building b WHERE b.id = :id AND b.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcPlaces::building)
			.optional();
	}

	public List<BuildingOverview> buildingsOfEstate(DataScope scope, UUID estateId) {
		return jdbc.sql("SELECT " + BUILDING_COLUMNS + """
				     , g.name AS grid_name, m.name AS micro_grid_name,
				       (SELECT count(*) FROM territory.entrance en WHERE en.building_id = b.id) AS entrances,
				       (SELECT count(*) FROM territory.dwelling d
				         WHERE d.building_id = b.id AND d.scope_path LIKE :scope) AS dwellings
				  FROM territory.building b
				  JOIN territory.org_unit g ON g.id = b.grid_id
				  JOIN territory.org_unit m ON m.id = b.micro_grid_id
				 WHERE b.estate_id = :estateId AND b.scope_path LIKE :scope
				 ORDER BY length(b.name), b.name""")
			.param("estateId", estateId)
			.param("scope", scope.likePattern())
			.query((rs, i) -> new BuildingOverview(building(rs, i), rs.getString("grid_name"),
					rs.getString("micro_grid_name"), rs.getLong("entrances"), rs.getLong("dwellings")))
			.list();
	}

	public void eachBuildingPlace(DataScope scope, java.util.function.Consumer<org.zhizhi.territory.BuildingPlace> sink) {
		jdbc.sql("""
				SELECT b.id, e.name || ' ' || b.name, b.lat, b.lng, count(d.id), e.community_id, b.grid_id, b.scope_path
				  FROM territory.building b
				  JOIN territory.estate e ON e.id = b.estate_id
				  JOIN territory.dwelling d ON d.building_id = b.id
				 WHERE b.scope_path LIKE :scope AND b.lat IS NOT NULL AND b.lng IS NOT NULL
				 GROUP BY b.id, e.name, e.community_id""")
			.param("scope", scope.likePattern())
			.query((rs, i) -> new org.zhizhi.territory.BuildingPlace(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getDouble(3), rs.getDouble(4), rs.getInt(5), rs.getObject(6, UUID.class),
					rs.getObject(7, UUID.class), rs.getString(8)))
			.stream()
			.forEach(sink);
	}

	public boolean buildingNameTaken(UUID estateId, String name) {
		return jdbc.sql("SELECT count(*) FROM territory.building WHERE estate_id = :estateId AND name = :name")
			.param("estateId", estateId)
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	public void insert(Building building, UUID districtId) {
		jdbc.sql("""
				INSERT INTO territory.building (id, estate_id, name, floors, lat, lng, grid_id, micro_grid_id,
				                                scope_path, district_id)
				VALUES (:id, :estateId, :name, :floors, :lat, :lng, :gridId, :microGridId, :scopePath, :districtId)""")
			.param("id", building.id())
			.param("estateId", building.estateId())
			.param("name", building.name())
			.param("floors", building.floors())
			.param("lat", building.lat())
			.param("lng", building.lng())
			.param("gridId", building.gridId())
			.param("microGridId", building.microGridId())
			.param("scopePath", building.scopePath())
			.param("districtId", districtId)
			.update();
	}

	/** The district a place row belongs to (copied onto its children). */
	public UUID districtOfBuilding(UUID buildingId) {
		return jdbc.sql("SELECT district_id FROM territory.building WHERE id = :id")
			.param("id", buildingId)
			.query(UUID.class)
			.single();
	}

	public UUID districtOfEstate(UUID estateId) {
		return jdbc.sql("SELECT district_id FROM territory.estate WHERE id = :id")
			.param("id", estateId)
			.query(UUID.class)
			.single();
	}

	// --- entrances -------------------------------------------------------------------------------------------------

	public List<EntranceOverview> entrancesOfBuilding(DataScope scope, UUID buildingId) {
		return jdbc.sql("""
				SELECT en.id, en.building_id, en.name,
				       (SELECT count(*) FROM territory.dwelling d
				         WHERE d.entrance_id = en.id AND d.scope_path LIKE :scope) AS dwellings
				  FROM territory.entrance en
				  JOIN territory.building b ON b.id = en.building_id
				 WHERE en.building_id = :buildingId AND b.scope_path LIKE :scope
				 ORDER BY length(en.name), en.name""")
			.param("buildingId", buildingId)
			.param("scope", scope.likePattern())
			.query((rs, i) -> new EntranceOverview(new Entrance(rs.getObject("id", UUID.class),
					rs.getObject("building_id", UUID.class), rs.getString("name")), rs.getLong("dwellings")))
			.list();
	}

	public boolean entranceNameTaken(UUID buildingId, String name) {
		return jdbc.sql("SELECT count(*) FROM territory.entrance WHERE building_id = :buildingId AND name = :name")
			.param("buildingId", buildingId)
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	public void insert(Entrance entrance) {
		jdbc.sql("INSERT INTO territory.entrance (id, building_id, name) VALUES (:id, :buildingId, :name)")
			.param("id", entrance.id())
			.param("buildingId", entrance.buildingId())
			.param("name", entrance.name())
			.update();
	}

	// --- dwellings -------------------------------------------------------------------------------------------------

	public List<Dwelling> dwellingsInBuilding(DataScope scope, UUID buildingId, int limit) {
		return jdbc.sql("""
				SELECT d.id, d.building_id, d.entrance_id, en.name AS entrance_name, d.label, d.floor, d.area_m2,
				       d.grid_id, d.micro_grid_id
				  FROM territory.dwelling d
				  LEFT JOIN territory.entrance en ON en.id = d.entrance_id
				 WHERE d.building_id = :buildingId AND d.scope_path LIKE :scope
				 ORDER BY length(coalesce(en.name, '')), en.name, d.floor NULLS FIRST, length(d.label), d.label
				 LIMIT :limit""")
			.param("buildingId", buildingId)
			.param("scope", scope.likePattern())
			.param("limit", limit)
			.query((rs, i) -> new Dwelling(rs.getObject("id", UUID.class), rs.getObject("building_id", UUID.class),
					rs.getObject("entrance_id", UUID.class), rs.getString("entrance_name"), rs.getString("label"),
					(Integer) rs.getObject("floor"), rs.getBigDecimal("area_m2"), rs.getObject("grid_id", UUID.class),
					rs.getObject("micro_grid_id", UUID.class)))
			.list();
	}

	public List<String> takenLabels(UUID buildingId, List<String> labels) {
		if (labels.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT label FROM territory.dwelling WHERE building_id = :buildingId AND label IN (:labels)")
			.param("buildingId", buildingId)
			.param("labels", labels)
			.query(String.class)
			.list();
	}

	public record DwellingRow(UUID id, UUID buildingId, UUID entranceId, String label, Integer floor,
			BigDecimal areaM2, UUID gridId, UUID microGridId, String scopePath, UUID districtId) {
	}

	/** One batched statement for many dwellings: the demo district inserts thousands at once. */
	public void insertDwellings(List<DwellingRow> rows) {
		batch.batchUpdate("""
				INSERT INTO territory.dwelling (id, building_id, entrance_id, label, floor, area_m2, grid_id,
				                                micro_grid_id, scope_path, district_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, row) -> {
			ps.setObject(1, row.id());
			ps.setObject(2, row.buildingId());
			ps.setObject(3, row.entranceId(), java.sql.Types.OTHER);
			ps.setString(4, row.label());
			if (row.floor() == null) {
				ps.setNull(5, java.sql.Types.INTEGER);
			}
			else {
				ps.setInt(5, row.floor());
			}
			ps.setBigDecimal(6, row.areaM2());
			ps.setObject(7, row.gridId());
			ps.setObject(8, row.microGridId());
			ps.setString(9, row.scopePath());
			ps.setObject(10, row.districtId());
		});
	}

	// --- counts ----------------------------------------------------------------------------------------------------

	/** Estates, buildings, entrances and dwellings inside a scope. */
	public Map<ScopeCount, Long> countWithin(DataScope scope) {
		Map<ScopeCount, Long> counts = new EnumMap<>(ScopeCount.class);
		jdbc.sql("SELECT"
				+ " (SELECT count(*) FROM territory.estate e WHERE " + ESTATE_VISIBLE + ") AS estates,"
				+ """
				 (SELECT count(*) FROM territory.building b WHERE b.scope_path LIKE :scope) AS buildings,
				 (SELECT count(*) FROM territory.entrance en JOIN territory.building b ON b.id = en.building_id
				   WHERE b.scope_path LIKE :scope) AS entrances,
				 (SELECT count(*) FROM territory.dwelling d WHERE d.scope_path LIKE :scope) AS dwellings""")
			.param("scope", scope.likePattern())
			.query((rs, i) -> {
				counts.put(ScopeCount.ESTATES, rs.getLong("estates"));
				counts.put(ScopeCount.BUILDINGS, rs.getLong("buildings"));
				counts.put(ScopeCount.ENTRANCES, rs.getLong("entrances"));
				counts.put(ScopeCount.DWELLINGS, rs.getLong("dwellings"));
				return null;
			})
			.list();
		return counts;
	}

	/** The buildings, entrances and dwellings of one estate inside a scope, and how many grids and micro-grids. */
	public Map<ScopeCount, Long> countInEstate(DataScope scope, UUID estateId) {
		Map<ScopeCount, Long> counts = new EnumMap<>(ScopeCount.class);
		jdbc.sql("""
				SELECT
				 (SELECT count(*) FROM territory.building b WHERE b.estate_id = :estateId AND b.scope_path LIKE :scope)
				   AS buildings,
				 (SELECT count(*) FROM territory.entrance en JOIN territory.building b ON b.id = en.building_id
				   WHERE b.estate_id = :estateId AND b.scope_path LIKE :scope) AS entrances,
				 (SELECT count(*) FROM territory.dwelling d JOIN territory.building b ON b.id = d.building_id
				   WHERE b.estate_id = :estateId AND d.scope_path LIKE :scope) AS dwellings,
				 (SELECT count(DISTINCT x.grid_id) FROM (
				     SELECT b.grid_id FROM territory.building b WHERE b.estate_id = :estateId AND b.scope_path LIKE :scope
				     UNION ALL
				     SELECT d.grid_id FROM territory.dwelling d JOIN territory.building b ON b.id = d.building_id
				      WHERE b.estate_id = :estateId AND d.scope_path LIKE :scope) x) AS grids,
				 (SELECT count(DISTINCT x.micro_grid_id) FROM (
				     SELECT b.micro_grid_id FROM territory.building b
				      WHERE b.estate_id = :estateId AND b.scope_path LIKE :scope
				     UNION ALL
				     SELECT d.micro_grid_id FROM territory.dwelling d JOIN territory.building b ON b.id = d.building_id
				      WHERE b.estate_id = :estateId AND d.scope_path LIKE :scope) x) AS micro_grids""")
			.param("estateId", estateId)
			.param("scope", scope.likePattern())
			.query((rs, i) -> {
				counts.put(ScopeCount.GRIDS, rs.getLong("grids"));
				counts.put(ScopeCount.MICRO_GRIDS, rs.getLong("micro_grids"));
				counts.put(ScopeCount.BUILDINGS, rs.getLong("buildings"));
				counts.put(ScopeCount.ENTRANCES, rs.getLong("entrances"));
				counts.put(ScopeCount.DWELLINGS, rs.getLong("dwellings"));
				return null;
			})
			.list();
		return counts;
	}

	/** The grids an estate's dwellings (and buildings) lie in, inside the scope. */
	public List<GridShare> gridsOfEstate(DataScope scope, UUID estateId) {
		return jdbc.sql("""
				SELECT g.id, g.name,
				       (SELECT count(*) FROM territory.building b
				         WHERE b.estate_id = :estateId AND b.grid_id = g.id AND b.scope_path LIKE :scope) AS buildings,
				       (SELECT count(*) FROM territory.dwelling d JOIN territory.building b ON b.id = d.building_id
				         WHERE b.estate_id = :estateId AND d.grid_id = g.id AND d.scope_path LIKE :scope) AS dwellings
				  FROM territory.org_unit g
				 WHERE g.id IN (SELECT b.grid_id FROM territory.building b
				                 WHERE b.estate_id = :estateId AND b.scope_path LIKE :scope)
				 ORDER BY g.code""")
			.param("estateId", estateId)
			.param("scope", scope.likePattern())
			.query((rs, i) -> new GridShare(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getLong("buildings"), rs.getLong("dwellings")))
			.list();
	}


	private static Estate estate(ResultSet rs, int row) throws SQLException {
		return new Estate(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getString("name"), EstateKind.valueOf(rs.getString("kind")),
				GovernanceMode.valueOf(rs.getString("governance_mode")), rs.getString("address"),
				rs.getString("scope_path"));
	}

	private static Building building(ResultSet rs, int row) throws SQLException {
		return new Building(rs.getObject("id", UUID.class), rs.getObject("estate_id", UUID.class),
				rs.getString("name"), (Integer) rs.getObject("floors"), (Double) rs.getObject("lat"),
				(Double) rs.getObject("lng"), rs.getObject("grid_id", UUID.class),
				rs.getObject("micro_grid_id", UUID.class), rs.getString("scope_path"));
	}

	private static NodeFacts node(ResultSet rs, int row) throws SQLException {
		return new NodeFacts(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
				rs.getString("level"), rs.getString("name"), rs.getString("code"), rs.getString("path"),
				rs.getObject("district_id", UUID.class));
	}

	private static DwellingRef dwelling(ResultSet rs, int row) throws SQLException {
		return new DwellingRef(rs.getObject("id", UUID.class), rs.getObject("building_id", UUID.class),
				rs.getObject("estate_id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getObject("grid_id", UUID.class), rs.getObject("micro_grid_id", UUID.class),
				rs.getString("scope_path"), rs.getString("label"));
	}
}
