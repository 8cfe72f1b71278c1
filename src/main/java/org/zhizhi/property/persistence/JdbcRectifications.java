package org.zhizhi.property.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.property.Rectification;
import org.zhizhi.property.RectificationState;
import org.zhizhi.shared.DataScope;

/** Rectification orders, saved against their version. */
@Repository
public class JdbcRectifications {

	private static final String COLUMNS = """
			id, finding_id, inspection_id, company_id, estate_name, criterion_code, note, scope_path, inspector_id,
			incident_id, issued_at, state, loop_state, due_at, escalations, red_cards, sent_back, answered_at,
			closed_at, version""";

	private final JdbcClient jdbc;

	JdbcRectifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Rectification r) {
		Rectification.Order o = r.order();
		jdbc.sql("""
				INSERT INTO property.rectification (id, finding_id, inspection_id, company_id, estate_name,
				       criterion_code, note, scope_path, inspector_id, incident_id, state, loop_state, due_at,
				       escalations, red_cards, issued_at)
				VALUES (:id, :finding, :inspection, :company, :estate, :criterion, :note, :scope, :inspector,
				        :incident, :state, :loop, :due, :esc, :red, :issued)""")
			.param("id", r.id())
			.param("finding", o.findingId())
			.param("inspection", o.inspectionId())
			.param("company", o.companyId())
			.param("estate", o.estateName())
			.param("criterion", o.criterionCode())
			.param("note", o.note())
			.param("scope", o.scopePath())
			.param("inspector", o.inspectorId())
			.param("incident", o.incidentId())
			.param("state", r.state().name())
			.param("loop", r.loop().state())
			.param("due", r.loop().dueAt() == null ? null : Timestamp.from(r.loop().dueAt()))
			.param("esc", r.loop().escalations())
			.param("red", r.loop().redCards())
			.param("issued", Timestamp.from(o.issuedAt()))
			.update();
	}

	public boolean save(Rectification r) {
		int updated = jdbc.sql("""
				UPDATE property.rectification SET state = :state, loop_state = :loop, due_at = :due,
				       escalations = :esc, red_cards = :red, sent_back = :back, answered_at = :answered,
				       closed_at = :closed, version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("state", r.state().name())
			.param("loop", r.loop().state())
			.param("due", r.loop().dueAt() == null ? null : Timestamp.from(r.loop().dueAt()))
			.param("esc", r.loop().escalations())
			.param("red", r.loop().redCards())
			.param("back", r.sentBack())
			.param("answered", r.answeredAt() == null ? null : Timestamp.from(r.answeredAt()))
			.param("closed", r.closedAt() == null ? null : Timestamp.from(r.closedAt()))
			.param("id", r.id())
			.param("version", r.version())
			.update();
		if (updated == 1) {
			r.saved();
		}
		return updated == 1;
	}

	public Optional<Rectification> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.rectification WHERE id = :id")
			.param("id", id)
			.query(JdbcRectifications::rectification)
			.optional();
	}

	/** The order carried out by that incident, locked for the listener that follows it (two steps, one at a time). */
	public Optional<Rectification> ofIncidentForUpdate(UUID incidentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.rectification WHERE incident_id = :i FOR UPDATE")
			.param("i", incidentId)
			.query(JdbcRectifications::rectification)
			.optional();
	}

	/** The orders of a scope (optionally of one company or one inspection), open ones first, newest first. */
	public List<Rectification> list(DataScope scope, UUID companyId, UUID inspectionId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.rectification WHERE scope_path LIKE :scope"
				+ " AND (cast(:company as uuid) IS NULL OR company_id = :company)"
				+ " AND (cast(:inspection as uuid) IS NULL OR inspection_id = :inspection)"
				+ " ORDER BY CASE WHEN state IN ('ISSUED', 'ANSWERED') THEN 0 ELSE 1 END, issued_at DESC LIMIT :l")
			.param("scope", scope.likePattern())
			.param("company", companyId, java.sql.Types.OTHER)
			.param("inspection", inspectionId, java.sql.Types.OTHER)
			.param("l", limit)
			.query(JdbcRectifications::rectification)
			.list();
	}

	/** The company's orders issued in a period, for its quarter's deduction. */
	public List<Rectification> ofCompany(UUID companyId, Instant from, Instant to) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.rectification WHERE company_id = :c"
				+ " AND issued_at >= :from AND issued_at < :to")
			.param("c", companyId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(JdbcRectifications::rectification)
			.list();
	}

	static Rectification rectification(ResultSet rs, int n) throws SQLException {
		Rectification.Order order = new Rectification.Order(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getTimestamp(11).toInstant());
		Rectification.Loop loop = new Rectification.Loop(rs.getString(13),
				rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getInt(15), rs.getInt(16));
		return new Rectification(rs.getObject(1, UUID.class), order, RectificationState.valueOf(rs.getString(12)),
				loop, rs.getInt(17), rs.getTimestamp(18) == null ? null : rs.getTimestamp(18).toInstant(),
				rs.getTimestamp(19) == null ? null : rs.getTimestamp(19).toInstant(), rs.getInt(20));
	}
}
