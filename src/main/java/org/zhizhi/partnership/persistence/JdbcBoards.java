package org.zhizhi.partnership.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The community boards: one row per community that has partnership records, found by id or by its public code. */
@Repository
public class JdbcBoards {

	private final JdbcClient jdbc;

	JdbcBoards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String BOARD_COLUMNS =
			"select community_id, code, name, path, district_id from partnership.community_board";

	private static Board board(ResultSet rs, int n) throws SQLException {
		return new Board(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, UUID.class));
	}

	public void ensureBoard(Board board) {
		jdbc.sql("""
				insert into partnership.community_board (community_id, code, name, path, district_id)
				values (:id, :code, :name, :path, :district)
				on conflict (community_id) do update set name = excluded.name, code = excluded.code""")
			.param("id", board.communityId())
			.param("code", board.code())
			.param("name", board.name())
			.param("path", board.path())
			.param("district", board.districtId())
			.update();
	}

	public Optional<Board> boardByCode(String code) {
		return jdbc.sql(BOARD_COLUMNS + " where code = :code")
			.param("code", code)
			.query(JdbcBoards::board)
			.optional();
	}

	public Optional<Board> board(UUID communityId) {
		return jdbc.sql(BOARD_COLUMNS + " where community_id = :id")
			.param("id", communityId)
			.query(JdbcBoards::board)
			.optional();
	}
}
