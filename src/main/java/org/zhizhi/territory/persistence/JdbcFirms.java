package org.zhizhi.territory.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.Firm;
import org.zhizhi.territory.Firm.Industry;

@Repository
public class JdbcFirms {

	private final JdbcClient jdbc;

	JdbcFirms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Firm> ofGrid(DataScope scope, UUID gridId) {
		return jdbc.sql("""
				SELECT id, grid_id, name, industry, employees FROM territory.firm
				 WHERE grid_id = :gridId AND scope_path LIKE :scope ORDER BY name""")
			.param("gridId", gridId)
			.param("scope", scope.likePattern())
			.query((rs, i) -> new Firm(rs.getObject("id", UUID.class), rs.getObject("grid_id", UUID.class),
					rs.getString("name"), Industry.valueOf(rs.getString("industry")),
					(Integer) rs.getObject("employees")))
			.list();
	}

	public void insert(Firm firm, String scopePath, UUID districtId) {
		jdbc.sql("""
				INSERT INTO territory.firm (id, grid_id, name, industry, employees, scope_path, district_id)
				VALUES (:id, :gridId, :name, :industry, :employees, :scopePath, :districtId)""")
			.param("id", firm.id())
			.param("gridId", firm.gridId())
			.param("name", firm.name())
			.param("industry", firm.industry().name())
			.param("employees", firm.employees())
			.param("scopePath", scopePath)
			.param("districtId", districtId)
			.update();
	}
}
