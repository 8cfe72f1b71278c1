package org.zhizhi.property.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.property.Dispute;
import org.zhizhi.property.DisputeKind;
import org.zhizhi.property.DisputeState;
import org.zhizhi.property.DisputeStep;
import org.zhizhi.shared.DataScope;

/** Disputes (the aggregate, saved against its version) and their insert-only sessions and follow-ups. */
@Repository
public class JdbcDisputes {

	private static final String COLUMNS = """
			d.id, d.estate_id, d.estate_name, d.scope_path, d.district_id, d.title, d.kind, d.parties, d.account,
			d.claimed_cents, d.incident_id, d.topic_id, d.recorded_by, d.recorded_by_name, d.recorded_at, d.state,
			d.agreed_cents, d.terms, d.settled_on, d.referral, d.closed_on, d.version,
			(SELECT count(*) FROM property.dispute_step s WHERE s.dispute_id = d.id AND s.kind = 'SESSION'),
			(SELECT count(*) FROM property.dispute_step s WHERE s.dispute_id = d.id AND s.kind = 'FOLLOW_UP')""";

	private final JdbcClient jdbc;

	JdbcDisputes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Dispute d) {
		Dispute.Case c = d.facts();
		jdbc.sql("""
				INSERT INTO property.dispute (id, estate_id, estate_name, scope_path, district_id, title, kind, parties,
				       account, claimed_cents, incident_id, topic_id, state, recorded_by, recorded_by_name, recorded_at)
				VALUES (:id, :estate, :estateName, :scope, :district, :title, :kind, :parties, :account, :claimed,
				        :incident, :topic, 'OPEN', :by, :byName, :at)""")
			.param("id", d.id())
			.param("estate", c.estateId())
			.param("estateName", c.estateName())
			.param("scope", c.scopePath())
			.param("district", c.districtId())
			.param("title", c.title())
			.param("kind", c.kind().name())
			.param("parties", c.parties())
			.param("account", c.account())
			.param("claimed", c.claimedCents())
			.param("incident", c.incidentId())
			.param("topic", c.topicId())
			.param("by", c.recordedBy())
			.param("byName", c.recordedByName())
			.param("at", Timestamp.from(c.recordedAt()))
			.update();
	}

	public boolean save(Dispute d) {
		int updated = jdbc.sql("""
				UPDATE property.dispute SET state = :state, agreed_cents = :agreed, terms = :terms, settled_on = :settled,
				       referral = :referral, closed_on = :closed, version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("state", d.state().name())
			.param("agreed", d.agreedCents())
			.param("terms", d.terms())
			.param("settled", d.settledOn() == null ? null : Date.valueOf(d.settledOn()))
			.param("referral", d.referral())
			.param("closed", d.closedOn() == null ? null : Date.valueOf(d.closedOn()))
			.param("id", d.id())
			.param("version", d.version())
			.update();
		if (updated != 1) {
			return false;
		}
		d.saved();
		return true;
	}

	public Optional<Dispute> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.dispute d WHERE d.id = :id")
			.param("id", id)
			.query(JdbcDisputes::dispute)
			.optional();
	}

	/** The disputes of a scope, the open ones first, the newest first. */
	public List<Dispute> inScope(DataScope scope, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM property.dispute d WHERE d.scope_path LIKE :scope"
				+ " ORDER BY d.state <> 'OPEN', d.recorded_at DESC LIMIT :l")
			.param("scope", scope.likePattern())
			.param("l", limit)
			.query(JdbcDisputes::dispute)
			.list();
	}

	public void insert(DisputeStep s) {
		jdbc.sql("""
				INSERT INTO property.dispute_step (id, dispute_id, kind, held_on, present, note, by_id, by_name, at)
				VALUES (:id, :d, :kind, :on, :present, :note, :by, :byName, :at)""")
			.param("id", s.id())
			.param("d", s.disputeId())
			.param("kind", s.kind())
			.param("on", Date.valueOf(s.heldOn()))
			.param("present", s.present())
			.param("note", s.note())
			.param("by", s.byId())
			.param("byName", s.byName())
			.param("at", Timestamp.from(s.at()))
			.update();
	}

	/** The steps of several disputes in one read, by dispute. */
	public java.util.Map<UUID, List<DisputeStep>> steps(java.util.Collection<UUID> disputeIds) {
		if (disputeIds.isEmpty()) {
			return java.util.Map.of();
		}
		return jdbc.sql("""
				SELECT id, dispute_id, kind, held_on, present, note, by_id, by_name, at FROM property.dispute_step
				 WHERE dispute_id IN (:d) ORDER BY held_on, at""")
			.param("d", disputeIds)
			.query(JdbcDisputes::step)
			.list()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(DisputeStep::disputeId));
	}

	public List<DisputeStep> steps(UUID disputeId) {
		return jdbc.sql("""
				SELECT id, dispute_id, kind, held_on, present, note, by_id, by_name, at FROM property.dispute_step
				 WHERE dispute_id = :d ORDER BY held_on, at""")
			.param("d", disputeId)
			.query(JdbcDisputes::step)
			.list();
	}

	static DisputeStep step(ResultSet rs, int n) throws SQLException {
		return new DisputeStep(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
				rs.getString(8), rs.getTimestamp(9).toInstant());
	}

	static Dispute dispute(ResultSet rs, int n) throws SQLException {
		Dispute.Case facts = new Dispute.Case(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getString(6), DisputeKind.valueOf(rs.getString(7)), rs.getString(8),
				rs.getString(9), (Long) rs.getObject(10), rs.getObject(11, UUID.class), rs.getObject(12, UUID.class),
				rs.getObject(13, UUID.class), rs.getString(14), rs.getTimestamp(15).toInstant());
		return new Dispute(rs.getObject(1, UUID.class), facts, DisputeState.valueOf(rs.getString(16)),
				(Long) rs.getObject(17), rs.getString(18), rs.getDate(19) == null ? null : rs.getDate(19).toLocalDate(),
				rs.getString(20), rs.getDate(21) == null ? null : rs.getDate(21).toLocalDate(), rs.getInt(23),
				rs.getInt(24), rs.getInt(22));
	}
}
