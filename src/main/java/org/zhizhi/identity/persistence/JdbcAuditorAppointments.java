package org.zhizhi.identity.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.identity.AuditorAppointment;
import org.zhizhi.shared.DataScope;

/** The SQL of open auditor appointments, filtered by the asking administrator's scope. */
@Repository
public class JdbcAuditorAppointments {

	private static final String SELECT = """
			SELECT p.id, p.username, p.display_name, p.org_unit_id, p.scope_path, p.appointed_by,
			       a.display_name AS appointed_by_name, p.appointed_at, p.password_hash
			  FROM identity.auditor_appointment p
			  LEFT JOIN identity.account a ON a.id = p.appointed_by
			""";

	private final JdbcClient jdbc;

	JdbcAuditorAppointments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An open appointment and the hash of the initial password proposed with it. */
	public record Pending(AuditorAppointment appointment, String passwordHash) {
	}

	/** Inserts unless an open appointment already proposes this username. */
	public boolean insert(AuditorAppointment appointment, String passwordHash) {
		return jdbc.sql("""
				INSERT INTO identity.auditor_appointment (id, username, display_name, password_hash, org_unit_id,
				                                          scope_path, appointed_by, appointed_at)
				VALUES (:id, :username, :displayName, :hash, :orgUnitId, :scopePath, :appointedBy, :appointedAt)
				ON CONFLICT DO NOTHING""")
			.param("id", appointment.id())
			.param("username", appointment.username())
			.param("displayName", appointment.displayName())
			.param("hash", passwordHash)
			.param("orgUnitId", appointment.orgUnitId())
			.param("scopePath", appointment.scopePath())
			.param("appointedBy", appointment.appointedBy())
			.param("appointedAt", Timestamp.from(appointment.appointedAt()))
			.update() == 1;
	}

	public boolean openFor(String username) {
		return jdbc.sql("""
				SELECT count(*) FROM identity.auditor_appointment WHERE username = :username AND confirmed_by IS NULL""")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	public List<AuditorAppointment> open(DataScope scope) {
		return jdbc.sql(SELECT + " WHERE p.confirmed_by IS NULL AND p.scope_path LIKE :scope ORDER BY p.appointed_at")
			.param("scope", scope.likePattern())
			.query((rs, i) -> map(rs).appointment())
			.list();
	}

	public Optional<Pending> findOpen(DataScope scope, UUID id) {
		return jdbc.sql(SELECT + " WHERE p.id = :id AND p.confirmed_by IS NULL AND p.scope_path LIKE :scope")
			.param("id", id)
			.param("scope", scope.likePattern())
			.query((rs, i) -> map(rs))
			.optional();
	}

	/**
	 * Marks the appointment confirmed in one conditional statement: by someone other than its appointer, and only once
	 * — of two administrators confirming at the same moment, the row count lets one through.
	 */
	public boolean confirm(UUID id, UUID confirmedBy, UUID accountId, Instant at) {
		return jdbc.sql("""
				UPDATE identity.auditor_appointment
				   SET confirmed_by = :by, confirmed_at = :at, account_id = :accountId
				 WHERE id = :id AND confirmed_by IS NULL AND appointed_by <> :by""")
			.param("id", id)
			.param("by", confirmedBy)
			.param("at", Timestamp.from(at))
			.param("accountId", accountId)
			.update() == 1;
	}

	private static Pending map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Pending(new AuditorAppointment(rs.getObject("id", UUID.class), rs.getString("username"),
				rs.getString("display_name"), rs.getObject("org_unit_id", UUID.class), rs.getString("scope_path"),
				rs.getObject("appointed_by", UUID.class), rs.getString("appointed_by_name"),
				rs.getTimestamp("appointed_at").toInstant()), rs.getString("password_hash"));
	}
}
