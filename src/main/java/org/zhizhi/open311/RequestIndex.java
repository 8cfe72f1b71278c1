package org.zhizhi.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhizhi.incident.Incident;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentStepped;
import org.zhizhi.shared.Ids;

/**
 * Keeps the public index of service requests and their updates from every incident step, whatever its channel.
 * It listens synchronously, inside the step's own transaction, so that the index holds exactly the steps that commit;
 * it writes only to this module's schema, and a replayed event changes nothing (each write is conditional).
 */
@Component
class RequestIndex {

	/** The states Open311 calls closed: done (and rated), or refused. */
	static final Set<IncidentState> CLOSED = EnumSet.of(IncidentState.CLOSED, IncidentState.RATED,
			IncidentState.REJECTED);

	private final JdbcClient jdbc;

	private final IncidentQueries incidents;

	private final Installation installation;

	private final Clock clock;

	RequestIndex(JdbcClient jdbc, IncidentQueries incidents, Installation installation, Clock clock) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.installation = installation;
		this.clock = clock;
	}

	static boolean closed(IncidentState state) {
		return CLOSED.contains(state);
	}

	@EventListener
	void on(IncidentStepped step) {
		Timestamp at = Timestamp.from(step.at());
		if (step.action() == IncidentAction.REPORT) {
			Incident incident = incidents.get(installation.whole(), step.incidentId()).incident();
			jdbc.sql("""
					insert into open311.request_index (incident_id, service_code, requested_at, updated_at, closed)
					values (:id, :code, :at, :at, :closed) on conflict (incident_id) do nothing""")
				.param("id", step.incidentId())
				.param("code", incident.categoryCode())
				.param("at", Timestamp.from(incident.reportedAt()))
				.param("closed", closed(step.to()))
				.update();
		}
		else {
			jdbc.sql("""
					update open311.request_index set updated_at = :at, closed = :closed
					 where incident_id = :id and updated_at <= :at""")
				.param("id", step.incidentId())
				.param("at", at)
				.param("closed", closed(step.to()))
				.update();
		}
		jdbc.sql("""
				insert into open311.request_update (id, incident_id, action, to_state, occurred_at)
				values (:uid, :id, :action, :state, :at) on conflict do nothing""")
			.param("uid", Ids.newId(clock))
			.param("id", step.incidentId())
			.param("action", step.action().name())
			.param("state", step.to().name())
			.param("at", at)
			.update();
	}
}
