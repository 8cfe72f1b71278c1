package org.zhizhi.points.persistence;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.points.Honour;
import org.zhizhi.points.HonourBoard;

/** The 红黑榜's entries, written once. */
@Repository
public class JdbcHonours {

	private final JdbcClient jdbc;

	JdbcHonours(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Honour honour) {
		jdbc.sql("""
				INSERT INTO points.honour (id, scheme_id, board, person_id, person_name, reason, decision, expires_on,
				                           decided_by, decided_by_name, decided_at)
				VALUES (:id, :scheme, :board, :person, :name, :reason, :decision, :expires, :by, :byName, :at)""")
			.param("id", honour.id())
			.param("scheme", honour.schemeId())
			.param("board", honour.board().name())
			.param("person", honour.personId())
			.param("name", honour.personName())
			.param("reason", honour.reason())
			.param("decision", honour.decision())
			.param("expires", honour.expiresOn())
			.param("by", honour.decidedBy())
			.param("byName", honour.decidedByName())
			.param("at", Timestamp.from(honour.decidedAt()))
			.update();
	}

	/** The entries standing on the day: red ones, and black ones not expired; red first, newest first. */
	public List<Honour> standing(UUID schemeId, LocalDate day) {
		return jdbc.sql("""
				SELECT id, scheme_id, board, person_id, person_name, reason, decision, expires_on, decided_by,
				       decided_by_name, decided_at
				  FROM points.honour WHERE scheme_id = :scheme AND (board = 'RED' OR expires_on >= :day)
				 ORDER BY board DESC, decided_at DESC LIMIT 200""")
			.param("scheme", schemeId)
			.param("day", day)
			.query((rs, n) -> new Honour(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					HonourBoard.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, UUID.class),
					rs.getString(10), rs.getTimestamp(11).toInstant()))
			.list();
	}
}
