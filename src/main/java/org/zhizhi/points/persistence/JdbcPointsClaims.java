package org.zhizhi.points.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.points.PointsClaimState;
import org.zhizhi.points.Holder;
import org.zhizhi.points.PointsClaim;
import org.zhizhi.shared.DataScope;

/** Claims with the versioned save: of two desks vetting one claim at once, one wins and the other is told. */
@Repository
public class JdbcPointsClaims {

	private static final String COLUMNS = """
			id, scheme_id, rule_id, rule_code, rule_name, points, claimant_id, claimant_name, scope_path, district_id,
			nominated_by, nominated_by_name, deed_on, description, photo_id, photo_hash, flags, state, submitted_at,
			vetted_by, vetted_by_name, vetted_at, notice_until, objection, objected_by, objected_at, decision_note,
			movement_id, credited_points, settled_at, version""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcPointsClaims(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public void insert(PointsClaim claim) {
		String names = COLUMNS.replaceAll("\\s+", " ");
		String values = ":" + String.join(", :", names.split(",\\s*"));
		jdbc.sql("INSERT INTO points.claim (" + names + ") VALUES (" + values + ")").params(params(claim)).update();
		claim.saved();
		claim.publishEvents(events::publishEvent);
	}

	/** Saves against the version read; false if someone else saved the claim meanwhile. */
	public boolean save(PointsClaim claim) {
		Map<String, Object> params = params(claim);
		int updated = jdbc.sql("""
				UPDATE points.claim SET state = :state, vetted_by = :vetted_by, vetted_by_name = :vetted_by_name,
				       vetted_at = :vetted_at, notice_until = :notice_until, objection = :objection,
				       objected_by = :objected_by, objected_at = :objected_at, decision_note = :decision_note,
				       movement_id = :movement_id, credited_points = :credited_points, settled_at = :settled_at,
				       version = version + 1
				 WHERE id = :id AND version = :version""").params(params).update();
		if (updated != 1) {
			return false;
		}
		claim.saved();
		claim.publishEvents(events::publishEvent);
		return true;
	}

	public Optional<PointsClaim> find(DataScope scope, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM points.claim WHERE id = :id AND scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query(JdbcPointsClaims::claim)
			.optional();
	}

	public Optional<PointsClaim> findById(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM points.claim WHERE id = :id")
			.param("id", id)
			.query(JdbcPointsClaims::claim)
			.optional();
	}

	/** The claims of the scope in some states, oldest first: the desk's queue. */
	public List<PointsClaim> inScope(DataScope scope, List<PointsClaimState> states, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM points.claim WHERE scope_path LIKE :scope AND state IN (:states)"
				+ " ORDER BY submitted_at, id LIMIT :limit")
			.param("scope", scope.likePattern())
			.param("states", states.stream().map(Enum::name).toList())
			.param("limit", limit)
			.query(JdbcPointsClaims::claim)
			.list();
	}

	/** A person's claims and those he nominated, newest first. */
	public List<PointsClaim> of(UUID personId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM points.claim WHERE claimant_id = :p OR nominated_by = :p"
				+ " ORDER BY submitted_at DESC, id DESC LIMIT :limit")
			.param("p", personId)
			.param("limit", limit)
			.query(JdbcPointsClaims::claim)
			.list();
	}

	/** The claims on notice of a scheme: its public board. */
	public List<PointsClaim> onNotice(UUID schemeId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM points.claim WHERE scheme_id = :scheme"
				+ " AND state IN ('ON_NOTICE', 'OBJECTED') ORDER BY notice_until, id LIMIT :limit")
			.param("scheme", schemeId)
			.param("limit", limit)
			.query(JdbcPointsClaims::claim)
			.list();
	}

	/** Claims whose notice ran out before the day: the sweep credits them. */
	public List<UUID> noticeOverBefore(LocalDate day, int limit) {
		return jdbc.sql("SELECT id FROM points.claim WHERE state = 'ON_NOTICE' AND notice_until < :day"
				+ " ORDER BY notice_until, id LIMIT :limit")
			.param("day", day)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** How many claims of the scheme carry the same photo. */
	public long withPhoto(UUID schemeId, String photoHash) {
		return jdbc.sql("SELECT count(*) FROM points.claim WHERE scheme_id = :scheme AND photo_hash = :hash")
			.param("scheme", schemeId)
			.param("hash", photoHash)
			.query(Long.class)
			.single();
	}

	/** How many people a nominator named since an instant. */
	public long nominatedSince(UUID nominator, Instant since) {
		return jdbc.sql("SELECT count(*) FROM points.claim WHERE nominated_by = :n AND submitted_at >= :since")
			.param("n", nominator)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	private static Map<String, Object> params(PointsClaim c) {
		PointsClaim.Deed d = c.deed();
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", c.id());
		p.put("scheme_id", d.schemeId());
		p.put("rule_id", d.ruleId());
		p.put("rule_code", d.ruleCode());
		p.put("rule_name", d.ruleName());
		p.put("points", d.points());
		p.put("claimant_id", d.claimant().id());
		p.put("claimant_name", d.claimant().name());
		p.put("scope_path", d.claimant().scopePath());
		p.put("district_id", d.claimant().districtId());
		p.put("nominated_by", d.nominatedBy());
		p.put("nominated_by_name", d.nominatedByName());
		p.put("deed_on", d.deedOn());
		p.put("description", d.description());
		p.put("photo_id", d.photoId());
		p.put("photo_hash", d.photoHash());
		p.put("flags", d.flags());
		p.put("state", c.state().name());
		p.put("submitted_at", Timestamp.from(c.submittedAt()));
		p.put("vetted_by", c.vettedBy());
		p.put("vetted_by_name", c.vettedByName());
		p.put("vetted_at", c.vettedAt() == null ? null : Timestamp.from(c.vettedAt()));
		p.put("notice_until", c.noticeUntil());
		p.put("objection", c.objection());
		p.put("objected_by", c.objectedBy());
		p.put("objected_at", c.objectedAt() == null ? null : Timestamp.from(c.objectedAt()));
		p.put("decision_note", c.decisionNote());
		p.put("movement_id", c.movementId());
		p.put("credited_points", c.creditedPoints());
		p.put("settled_at", c.settledAt() == null ? null : Timestamp.from(c.settledAt()));
		p.put("version", c.version());
		return p;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	static PointsClaim claim(ResultSet rs, int row) throws SQLException {
		int credited = rs.getInt(29);
		Integer creditedPoints = rs.wasNull() ? null : credited;
		PointsClaim.Deed deed = new PointsClaim.Deed(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5), rs.getInt(6),
				new Holder(rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9), rs.getObject(10, UUID.class)),
				rs.getObject(11, UUID.class), rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14),
				rs.getObject(15, UUID.class), rs.getString(16), rs.getString(17));
		return new PointsClaim(rs.getObject(1, UUID.class), deed, instant(rs, 19), PointsClaimState.valueOf(rs.getString(18)),
				rs.getObject(20, UUID.class), rs.getString(21), instant(rs, 22), rs.getObject(23, LocalDate.class),
				rs.getString(24), rs.getObject(25, UUID.class), instant(rs, 26), rs.getString(27),
				rs.getObject(28, UUID.class), creditedPoints, instant(rs, 30), rs.getInt(31));
	}
}
