package org.zhizhi.territory.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.GridDuty;
import org.zhizhi.territory.GridTeamMember;
import org.zhizhi.territory.TeamPosition;

/** The SQL of grid teams, scoped by the grid's path like every other row. */
@Repository
public class JdbcGridTeams {

	/** Leader, the three workers, then support forces, each in the order they joined. */
	private static final String ORDER = " ORDER BY array_position(ARRAY['GRID_LEADER','FULL_TIME','PART_TIME',"
			+ "'INSTRUCTOR','POLICE','PROPERTY','WATER','POWER','GAS','RIDER','VOLUNTEER','OTHER'], position), "
			+ "created_at, id";

	private static final String COLUMNS = "id, grid_id, position, name, account_id, work_phone, duties";

	private final JdbcClient jdbc;

	JdbcGridTeams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<GridTeamMember> ofGrid(UUID gridId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM territory.grid_team_member WHERE grid_id = :gridId" + ORDER)
			.param("gridId", gridId)
			.query(JdbcGridTeams::map)
			.list();
	}

	public Map<UUID, List<GridTeamMember>> inScope(DataScope scope) {
		Map<UUID, List<GridTeamMember>> byGrid = new LinkedHashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM territory.grid_team_member WHERE scope_path LIKE :scope" + ORDER)
			.param("scope", scope.likePattern())
			.query(JdbcGridTeams::map)
			.list()
			.forEach(m -> byGrid.computeIfAbsent(m.gridId(), g -> new java.util.ArrayList<>()).add(m));
		return byGrid;
	}

	public void insert(GridTeamMember member, String scopePath) {
		jdbc.sql("""
				INSERT INTO territory.grid_team_member (id, grid_id, position, name, account_id, work_phone, duties,
				                                        scope_path)
				VALUES (:id, :gridId, :position, :name, :accountId, :workPhone, CAST(:duties AS text[]), :scopePath)""")
			.param("id", member.id())
			.param("gridId", member.gridId())
			.param("position", member.position().name())
			.param("name", member.name())
			.param("accountId", member.accountId())
			.param("workPhone", member.workPhone())
			.param("duties", "{" + String.join(",", member.duties().stream().sorted().map(Enum::name).toList()) + "}")
			.param("scopePath", scopePath)
			.update();
	}

	private static GridTeamMember map(ResultSet rs, int row) throws SQLException {
		Set<GridDuty> duties = EnumSet.noneOf(GridDuty.class);
		Array array = rs.getArray("duties");
		if (array != null) {
			for (Object duty : (Object[]) array.getArray()) {
				duties.add(GridDuty.valueOf((String) duty));
			}
		}
		return new GridTeamMember(rs.getObject("id", UUID.class), rs.getObject("grid_id", UUID.class),
				TeamPosition.valueOf(rs.getString("position")), rs.getString("name"),
				rs.getObject("account_id", UUID.class), rs.getString("work_phone"), duties);
	}
}
