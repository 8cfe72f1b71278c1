package org.zhizhi.command.sentinel.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.command.RuleKind;
import org.zhizhi.command.sentinel.Rule;
import org.zhizhi.shared.Role;

/** A district's rules: one row per kind, made with the kind's defaults the first time the district is looked at. */
@Repository
public class JdbcRules {

	private static final String COLUMNS = """
			id, district_id, kind, threshold, window_days, owner_role, handle_within_hours, enabled, updated_at,
			       updated_by_name, version""";

	private final JdbcClient jdbc;

	JdbcRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the rule unless the district has one of its kind (two nodes starting a district at once make one). */
	public void insertIfMissing(Rule rule) {
		jdbc.sql("""
				INSERT INTO command.rule (id, district_id, kind, threshold, window_days, owner_role, handle_within_hours,
				       enabled, updated_at, updated_by_name)
				VALUES (:id, :district, :kind, :threshold, :window, :owner, :hours, :enabled, :at, :by)
				ON CONFLICT (district_id, kind) DO NOTHING""")
			.param("id", rule.id())
			.param("district", rule.districtId())
			.param("kind", rule.kind().name())
			.param("threshold", rule.threshold())
			.param("window", rule.windowDays())
			.param("owner", rule.ownerRole().name())
			.param("hours", rule.handleWithinHours())
			.param("enabled", rule.enabled())
			.param("at", Timestamp.from(rule.updatedAt()))
			.param("by", rule.updatedByName())
			.update();
	}

	/** Saves an edited rule against its version; false if someone changed it first. */
	public boolean save(Rule rule) {
		return jdbc.sql("""
				UPDATE command.rule SET threshold = :threshold, window_days = :window, owner_role = :owner,
				       handle_within_hours = :hours, enabled = :enabled, updated_at = :at, updated_by_name = :by,
				       version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("threshold", rule.threshold())
			.param("window", rule.windowDays())
			.param("owner", rule.ownerRole().name())
			.param("hours", rule.handleWithinHours())
			.param("enabled", rule.enabled())
			.param("at", Timestamp.from(rule.updatedAt()))
			.param("by", rule.updatedByName())
			.param("id", rule.id())
			.param("version", rule.version())
			.update() == 1;
	}

	public List<Rule> ofDistrict(UUID districtId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM command.rule WHERE district_id = :d ORDER BY kind")
			.param("d", districtId)
			.query(JdbcRules::rule)
			.list()
			.stream()
			.sorted(java.util.Comparator.comparingInt(r -> r.kind().ordinal()))
			.toList();
	}

	public Optional<Rule> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM command.rule WHERE id = :id")
			.param("id", id)
			.query(JdbcRules::rule)
			.optional();
	}

	static Rule rule(ResultSet rs, int n) throws SQLException {
		return new Rule(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), RuleKind.valueOf(rs.getString(3)),
				rs.getInt(4), rs.getInt(5), Role.valueOf(rs.getString(6)), rs.getInt(7), rs.getBoolean(8),
				rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getInt(11));
	}
}
