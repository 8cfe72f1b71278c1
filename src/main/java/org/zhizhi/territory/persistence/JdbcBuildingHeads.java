package org.zhizhi.territory.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.BuildingHead;

@Repository
public class JdbcBuildingHeads {

	private final JdbcClient jdbc;

	JdbcBuildingHeads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<BuildingHead> of(DataScope scope, UUID buildingId) {
		return jdbc.sql("""
				SELECT id, building_id, resident_id, name, red, appointed_on, ended_on
				  FROM territory.building_head
				 WHERE building_id = :buildingId AND scope_path LIKE :scope
				 ORDER BY ended_on IS NOT NULL, appointed_on DESC, id DESC""")
			.param("buildingId", buildingId)
			.param("scope", scope.likePattern())
			.query((rs, i) -> new BuildingHead(rs.getObject("id", UUID.class), rs.getObject("building_id", UUID.class),
					rs.getObject("resident_id", UUID.class), rs.getString("name"), rs.getBoolean("red"),
					rs.getObject("appointed_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class)))
			.list();
	}

	public void endCurrent(UUID buildingId, LocalDate on) {
		jdbc.sql("""
				UPDATE territory.building_head SET ended_on = greatest(appointed_on, :on)
				 WHERE building_id = :buildingId AND ended_on IS NULL""")
			.param("buildingId", buildingId)
			.param("on", on)
			.update();
	}

	public void insert(BuildingHead head, String scopePath, UUID districtId) {
		jdbc.sql("""
				INSERT INTO territory.building_head (id, building_id, resident_id, name, red, appointed_on, scope_path,
				                                     district_id)
				VALUES (:id, :buildingId, :residentId, :name, :red, :appointedOn, :scopePath, :districtId)""")
			.param("id", head.id())
			.param("buildingId", head.buildingId())
			.param("residentId", head.residentId())
			.param("name", head.name())
			.param("red", head.red())
			.param("appointedOn", head.appointedOn())
			.param("scopePath", scopePath)
			.param("districtId", districtId)
			.update();
	}
}
