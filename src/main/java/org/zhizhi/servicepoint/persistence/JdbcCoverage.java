package org.zhizhi.servicepoint.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.servicepoint.CoverageMap;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.BuildingPlace;

/**
 * The computed circle of a district, replaced as a whole (delete, then batched inserts, in one transaction, so a
 * reader sees the old figures or the new ones); the reads are one indexed look-up each.
 */
@Repository
public class JdbcCoverage {

	private static final int BATCH = 5000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	JdbcCoverage(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public void replace(UUID districtId, Map<UUID, BuildingPlace> buildings, CoverageMap.Result result,
			Map<UUID, String> areaPaths, Instant at) {
		// two recomputations of one district at once (two points opened together) take turns
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('servicepoint.coverage:' || CAST(:d AS text)))")
			.param("d", districtId)
			.query((rs, n) -> 1)
			.list();
		jdbc.sql("DELETE FROM servicepoint.coverage_building WHERE district_id = :d").param("d", districtId).update();
		jdbc.sql("DELETE FROM servicepoint.coverage_area WHERE district_id = :d").param("d", districtId).update();
		List<CoverageMap.Reach> reaches = result.reaches();
		for (int from = 0; from < reaches.size(); from += BATCH) {
			List<CoverageMap.Reach> some = reaches.subList(from, Math.min(reaches.size(), from + BATCH));
			batch.batchUpdate("""
					INSERT INTO servicepoint.coverage_building (building_id, kind, district_id, community_id, grid_id,
					       scope_path, label, lat, lng, dwellings, minutes, point_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", some, some.size(),
					(PreparedStatement ps, CoverageMap.Reach r) -> {
						BuildingPlace b = buildings.get(r.placeId());
						ps.setObject(1, r.placeId());
						ps.setString(2, r.kind());
						ps.setObject(3, districtId);
						ps.setObject(4, b.communityId());
						ps.setObject(5, b.gridId());
						ps.setString(6, b.scopePath());
						ps.setString(7, b.label());
						ps.setDouble(8, b.lat());
						ps.setDouble(9, b.lng());
						ps.setInt(10, b.dwellings());
						if (r.minutes() == null) {
							ps.setNull(11, Types.REAL);
						}
						else {
							ps.setFloat(11, r.minutes().floatValue());
						}
						ps.setObject(12, r.siteId());
					});
		}
		Timestamp when = Timestamp.from(at);
		batch.batchUpdate("""
				INSERT INTO servicepoint.coverage_area (area_id, kind, level, district_id, scope_path, dwellings, within,
				       computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", result.areas().stream()
			.filter(a -> areaPaths.containsKey(a.areaId()))
			.toList(), BATCH, (PreparedStatement ps, CoverageMap.AreaFigure a) -> {
				ps.setObject(1, a.areaId());
				ps.setString(2, a.kind());
				ps.setString(3, a.community() ? "COMMUNITY" : "GRID");
				ps.setObject(4, districtId);
				ps.setString(5, areaPaths.get(a.areaId()));
				ps.setInt(6, a.dwellings());
				ps.setInt(7, a.within());
				ps.setTimestamp(8, when);
			});
	}

	/** An area's figure for one kind (or '*'), as stored. */
	public record AreaRow(UUID areaId, String kind, String level, int dwellings, int within, Instant computedAt) {
	}

	/** The figures of the areas inside the scope (its own node's too), communities first. */
	public List<AreaRow> areas(DataScope scope, String kind) {
		return jdbc.sql("""
				SELECT area_id, kind, level, dwellings, within, computed_at FROM servicepoint.coverage_area
				 WHERE scope_path LIKE :scope AND (CAST(:kind AS varchar) IS NULL OR kind = :kind)
				 ORDER BY level, scope_path, kind""")
			.param("scope", scope.likePattern())
			.param("kind", kind)
			.query((rs, n) -> new AreaRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getInt(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** A building's walk to the nearest point of a kind, as stored. */
	public record BuildingRow(UUID buildingId, String label, double lat, double lng, int dwellings, Float minutes,
			UUID pointId, UUID gridId) {
	}

	/** The buildings of the scope for a kind (or '*'): those outside the circle only, the farthest first, or all. */
	public List<BuildingRow> buildings(DataScope scope, String kind, Double outsideMinutes, int limit) {
		return jdbc.sql("""
				SELECT building_id, label, lat, lng, dwellings, minutes, point_id, grid_id
				  FROM servicepoint.coverage_building
				 WHERE scope_path LIKE :scope AND kind = :kind
				   AND (CAST(:over AS double precision) IS NULL OR minutes IS NULL OR minutes > :over)
				 ORDER BY minutes DESC NULLS FIRST, label LIMIT :l""")
			.param("scope", scope.likePattern())
			.param("kind", kind)
			.param("over", outsideMinutes)
			.param("l", limit)
			.query((rs, n) -> new BuildingRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getDouble(3),
					rs.getDouble(4), rs.getInt(5), (Float) rs.getObject(6), rs.getObject(7, UUID.class),
					rs.getObject(8, UUID.class)))
			.list();
	}
}
