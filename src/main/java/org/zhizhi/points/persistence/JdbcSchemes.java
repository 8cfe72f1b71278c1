package org.zhizhi.points.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.points.Dimension;
import org.zhizhi.points.Rule;
import org.zhizhi.points.RuleSource;
import org.zhizhi.points.Scheme;
import org.zhizhi.points.SchemeKind;
import org.zhizhi.shared.DataScope;

/** Schemes and the versions of their rules. */
@Repository
public class JdbcSchemes {

	private static final String SCHEME_COLUMNS = """
			id, code, kind, name, org_unit_id, org_unit_name, scope_path, district_id, yuan_per_point, expiry_months,
			notice_days, created_at""";

	private static final String RULE_COLUMNS = """
			id, scheme_id, code, version, name, dimension, source, points, daily_cap, monthly_cap, valid_from,
			valid_until, in_use""";

	private final JdbcClient jdbc;

	JdbcSchemes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Scheme scheme) {
		jdbc.sql("INSERT INTO points.scheme (" + SCHEME_COLUMNS + """
				) VALUES (:id, :code, :kind, :name, :unit, :unitName, :scope, :district, :yuan, :expiry, :notice, :at)""")
			.param("id", scheme.id())
			.param("code", scheme.code())
			.param("kind", scheme.kind().name())
			.param("name", scheme.name())
			.param("unit", scheme.orgUnitId())
			.param("unitName", scheme.orgUnitName())
			.param("scope", scheme.scopePath())
			.param("district", scheme.districtId())
			.param("yuan", scheme.yuanPerPoint())
			.param("expiry", scheme.expiryMonths())
			.param("notice", scheme.noticeDays())
			.param("at", Timestamp.from(scheme.createdAt()))
			.update();
	}

	public Optional<Scheme> scheme(UUID id) {
		return jdbc.sql("SELECT " + SCHEME_COLUMNS + " FROM points.scheme WHERE id = :id")
			.param("id", id)
			.query(JdbcSchemes::scheme)
			.optional();
	}

	public Optional<Scheme> byCode(String code) {
		return jdbc.sql("SELECT " + SCHEME_COLUMNS + " FROM points.scheme WHERE code = :code")
			.param("code", code)
			.query(JdbcSchemes::scheme)
			.optional();
	}

	/**
	 * The schemes someone of the scope deals with: those run inside his scope, and those run above it that cover it
	 * (a district's member points for a community's desk).
	 */
	public List<Scheme> visibleTo(DataScope scope) {
		return jdbc.sql("SELECT " + SCHEME_COLUMNS + " " + """
				FROM points.scheme WHERE scope_path LIKE :inside OR :path LIKE scope_path || '%'
				 ORDER BY kind, scope_path, code""")
			.param("inside", scope.likePattern())
			.param("path", scope.path())
			.query(JdbcSchemes::scheme)
			.list();
	}

	/** The scheme of a kind that covers the place — the nearest, should several nodes run one. */
	public Optional<Scheme> covering(SchemeKind kind, String path) {
		return jdbc.sql("SELECT " + SCHEME_COLUMNS + " " + """
				FROM points.scheme WHERE kind = :kind AND :path LIKE scope_path || '%'
				 ORDER BY length(scope_path) DESC LIMIT 1""")
			.param("kind", kind.name())
			.param("path", path)
			.query(JdbcSchemes::scheme)
			.optional();
	}

	public void insert(Rule rule, java.time.Instant at) {
		jdbc.sql("INSERT INTO points.rule (" + RULE_COLUMNS + """
				, created_at) VALUES (:id, :scheme, :code, :version, :name, :dimension, :source, :points, :daily,
				:monthly, :from, :until, :inUse, :at)""")
			.param("id", rule.id())
			.param("scheme", rule.schemeId())
			.param("code", rule.code())
			.param("version", rule.version())
			.param("name", rule.name())
			.param("dimension", rule.dimension() == null ? null : rule.dimension().name())
			.param("source", rule.source().name())
			.param("points", rule.points())
			.param("daily", rule.dailyCap())
			.param("monthly", rule.monthlyCap())
			.param("from", rule.validFrom())
			.param("until", rule.validUntil())
			.param("inUse", rule.inUse())
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Every version of every rule of the scheme, the newest version of each first. */
	public List<Rule> rules(UUID schemeId) {
		return jdbc.sql("SELECT " + RULE_COLUMNS + " FROM points.rule WHERE scheme_id = :scheme ORDER BY code, version DESC")
			.param("scheme", schemeId)
			.query(JdbcSchemes::rule)
			.list();
	}

	public Optional<Rule> rule(UUID id) {
		return jdbc.sql("SELECT " + RULE_COLUMNS + " FROM points.rule WHERE id = :id")
			.param("id", id)
			.query(JdbcSchemes::rule)
			.optional();
	}

	/** The versions in force on the day of the scheme's rules earned by a source. */
	public List<Rule> inForce(UUID schemeId, RuleSource source, LocalDate day) {
		return jdbc.sql("SELECT " + RULE_COLUMNS + " " + """
				FROM points.rule WHERE scheme_id = :scheme AND source = :source AND valid_from <= :day
				   AND (valid_until IS NULL OR valid_until > :day) ORDER BY code""")
			.param("scheme", schemeId)
			.param("source", source.name())
			.param("day", day)
			.query(JdbcSchemes::rule)
			.list();
	}

	/** The version of a rule in force on the day. */
	public Optional<Rule> inForce(UUID schemeId, String code, LocalDate day) {
		return jdbc.sql("SELECT " + RULE_COLUMNS + " " + """
				FROM points.rule WHERE scheme_id = :scheme AND code = :code AND valid_from <= :day
				   AND (valid_until IS NULL OR valid_until > :day)""")
			.param("scheme", schemeId)
			.param("code", code)
			.param("day", day)
			.query(JdbcSchemes::rule)
			.optional();
	}

	/** The newest version of a rule, locked: two revisions at once make one new version. */
	public Optional<Rule> latestForUpdate(UUID schemeId, String code) {
		return jdbc.sql("SELECT " + RULE_COLUMNS + " " + """
				FROM points.rule WHERE scheme_id = :scheme AND code = :code ORDER BY version DESC LIMIT 1 FOR UPDATE""")
			.param("scheme", schemeId)
			.param("code", code)
			.query(JdbcSchemes::rule)
			.optional();
	}

	/** Ends a version on the day the next one begins. */
	public void end(UUID ruleId, LocalDate day) {
		jdbc.sql("UPDATE points.rule SET valid_until = :day WHERE id = :id AND valid_until IS NULL")
			.param("day", day)
			.param("id", ruleId)
			.update();
	}

	/** A version that earned points is frozen from then on. */
	public void markInUse(UUID ruleId) {
		jdbc.sql("UPDATE points.rule SET in_use = true WHERE id = :id AND NOT in_use").param("id", ruleId).update();
	}

	static Scheme scheme(ResultSet rs, int row) throws SQLException {
		int months = rs.getInt(10);
		Integer expiry = rs.wasNull() ? null : months;
		return new Scheme(rs.getObject(1, UUID.class), rs.getString(2), SchemeKind.valueOf(rs.getString(3)),
				rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
				rs.getObject(8, UUID.class), rs.getBigDecimal(9), expiry, rs.getInt(11),
				rs.getTimestamp(12).toInstant());
	}

	static Rule rule(ResultSet rs, int row) throws SQLException {
		int daily = rs.getInt(9);
		Integer dailyCap = rs.wasNull() ? null : daily;
		int monthly = rs.getInt(10);
		Integer monthlyCap = rs.wasNull() ? null : monthly;
		String dimension = rs.getString(6);
		return new Rule(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
				rs.getString(5), dimension == null ? null : Dimension.valueOf(dimension),
				RuleSource.valueOf(rs.getString(7)), rs.getInt(8), dailyCap, monthlyCap,
				rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getBoolean(13));
	}
}
