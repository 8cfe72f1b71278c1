package org.zhizhi.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.ExtensionRequest;

/** Extension requests; at most one pending per incident, which the database guarantees. */
@Repository
public class JdbcExtensions {

	private static final String COLUMNS = """
			id, incident_id, requested_by, requested_at, hours, reason, state, decided_by, decided_at, decision_note""";

	private final JdbcClient jdbc;

	JdbcExtensions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a pending request; false if one is already pending for the incident. */
	public boolean insert(UUID id, UUID incidentId, UUID by, Instant at, int hours, String reason) {
		return jdbc.sql("""
				insert into incident.extension_request (id, incident_id, requested_by, requested_at, hours, reason,
				       state)
				values (:id, :incident, :by, :at, :hours, :reason, 'PENDING')
				on conflict (incident_id) where state = 'PENDING' do nothing""")
			.param("id", id)
			.param("incident", incidentId)
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.param("hours", hours)
			.param("reason", reason)
			.update() == 1;
	}

	public Optional<ExtensionRequest> pending(UUID incidentId) {
		return jdbc.sql("select " + COLUMNS + " from incident.extension_request where incident_id = :incident and state = 'PENDING'")
			.param("incident", incidentId)
			.query(JdbcExtensions::request)
			.optional();
	}

	/** Decides a pending request; false if it was decided meanwhile. */
	public boolean decide(UUID id, boolean approve, UUID by, Instant at, String note) {
		return jdbc.sql("""
				update incident.extension_request
				   set state = :state, decided_by = :by, decided_at = :at, decision_note = :note
				 where id = :id and state = 'PENDING'""")
			.param("id", id)
			.param("state", approve ? "APPROVED" : "REFUSED")
			.param("by", by)
			.param("at", java.sql.Timestamp.from(at))
			.param("note", note, java.sql.Types.VARCHAR)
			.update() == 1;
	}

	public List<ExtensionRequest> of(UUID incidentId) {
		return jdbc.sql("select " + COLUMNS + " from incident.extension_request where incident_id = :incident order by requested_at")
			.param("incident", incidentId)
			.query(JdbcExtensions::request)
			.list();
	}

	private static ExtensionRequest request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ExtensionRequest(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
				rs.getObject("requested_by", UUID.class), rs.getTimestamp("requested_at").toInstant(),
				rs.getInt("hours"), rs.getString("reason"), ExtensionRequest.State.valueOf(rs.getString("state")),
				rs.getObject("decided_by", UUID.class),
				rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
				rs.getString("decision_note"));
	}
}
