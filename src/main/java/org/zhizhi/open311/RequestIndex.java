package org.zhizhi.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentCategory;
import org.zhizhi.incident.IncidentView;
import org.zhizhi.incident.IncidentQueries;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentEvent;
import org.zhizhi.territory.Installation;
import org.zhizhi.shared.BeforeCommit;
import org.zhizhi.shared.Ids;

/**
 * Keeps the public index of service requests and their updates from every incident step, whatever its channel.
 *
 * <p>An {@link ApplicationModuleListener}: it runs after the step has committed, on its own thread and in its own
 * transaction, so a failure here (the index is only Open311's) never undoes a party member's claim; the event
 * publication registry keeps the step until this has succeeded and delivers it again after a failure or a restart.
 * So the same step may come twice, and steps may come out of order; every write is therefore idempotent and none
 * depends on the order: the index row is upserted with the incident's state as it is now (read under the row's lock,
 * so the last writer writes the newest state), and an update is keyed by incident, action, state and instant.
 *
 * <p>Whether the public may see the request at all ({@link Publication#shown}) is written the same way, from the
 * incident as it is now: a triage to 私事 after the report takes it off the public lists at the next delivery.
 */
@Component
class RequestIndex {

	/** The states Open311 calls closed: done (and rated), or refused. */
	static final Set<IncidentState> CLOSED = EnumSet.of(IncidentState.CLOSED, IncidentState.RATED,
			IncidentState.REJECTED);

	private final JdbcClient jdbc;

	private final IncidentQueries incidents;

	private final Installation installation;

	RequestIndex(JdbcClient jdbc, IncidentQueries incidents, Installation installation) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.installation = installation;
	}

	static boolean closed(IncidentState state) {
		return CLOSED.contains(state);
	}

	private boolean published(IncidentView incident) {
		IncidentCategory category = incidents.categories()
			.stream()
			.filter(c -> c.code().equals(incident.categoryCode()))
			.findFirst()
			.orElse(null);
		return Publication.shown(incident, category);
	}

	/**
	 * Rows indexed before the index knew what is public (published is null, so not shown) are decided once, at
	 * start-up, from their incidents as they are now.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void decideUnknownPublication() {
		List<UUID> unknown = jdbc.sql("select incident_id from open311.request_index where published is null")
			.query(UUID.class)
			.list();
		for (UUID id : unknown) {
			boolean published = incidents.view(installation.whole(), id).map(this::published).orElse(false);
			jdbc.sql("update open311.request_index set published = :published where incident_id = :id")
				.param("published", published)
				.param("id", id)
				.update();
		}
	}

	/**
	 * New reports are indexed in the transaction that reports them, together, just before it commits: one statement
	 * for a group of reports written at once, instead of an event publication per report written, handed to a thread,
	 * marked and deleted (issue 16). A new request is the one thing the index must show as soon as it is answered,
	 * and the rows are plain inserts of what was just written; every later step still comes asynchronously, below.
	 */
	@EventListener
	void on(IncidentEvent.IncidentReported reported) {
		BeforeCommit.gather(this, reported, this::index);
	}

	private void index(List<IncidentEvent.IncidentReported> reports) {
		List<IncidentView> incidents = this.incidents.views(installation.whole(),
				reports.stream().map(IncidentEvent::incidentId).toList());
		if (incidents.isEmpty()) {
			return;
		}
		// the index rows and their first updates in one statement, sent with the hand-over's others
		BeforeCommit.statement("""
				with indexed as (
				  insert into open311.request_index (incident_id, service_code, requested_at, updated_at, closed,
				                                     published)
				  select * from unnest(:ids, :codes, cast(:requested as timestamptz[]), cast(:requested as timestamptz[]),
				                       :closed, :published)
				  on conflict (incident_id) do nothing)
				insert into open311.request_update (id, incident_id, action, to_state, occurred_at)
				select * from unnest(:uids, :updated, :actions, :states, cast(:at as timestamptz[])) on conflict do nothing""")
			.param("ids", incidents.stream().map(IncidentView::id).toArray(UUID[]::new))
			.param("codes", incidents.stream().map(IncidentView::categoryCode).toArray(String[]::new))
			.param("requested", incidents.stream().map(i -> i.reportedAt().toString()).toArray(String[]::new))
			.param("closed", incidents.stream().map(i -> closed(i.state())).toArray(Boolean[]::new))
			.param("published", incidents.stream().map(this::published).toArray(Boolean[]::new))
			.param("uids", reports.stream().map(r -> updateId(r)).toArray(UUID[]::new))
			.param("updated", reports.stream().map(IncidentEvent::incidentId).toArray(UUID[]::new))
			.param("actions", reports.stream().map(r -> r.action().name()).toArray(String[]::new))
			.param("states", reports.stream().map(r -> r.to().name()).toArray(String[]::new))
			.param("at", reports.stream().map(r -> r.at().toString()).toArray(String[]::new))
			.send(jdbc);
	}

	/** Every later step, after it has committed, in its own transaction. */
	@ApplicationModuleListener(condition = IncidentEvent.NOT_A_REPORT)
	void on(IncidentEvent step) {
		Timestamp at = Timestamp.from(step.at());
		IncidentView reported = incidents.view(installation.whole(), step.incidentId()).orElseThrow();
		jdbc.sql("""
				insert into open311.request_index (incident_id, service_code, requested_at, updated_at, closed)
				values (:id, :code, :requested, :requested, :closed) on conflict (incident_id) do nothing""")
			.param("id", step.incidentId())
			.param("code", reported.categoryCode())
			.param("requested", Timestamp.from(reported.reportedAt()))
			.param("closed", closed(reported.state()))
			.update();
		// the lock orders concurrent deliveries for one incident: whoever writes last has read the newest state
		jdbc.sql("select incident_id from open311.request_index where incident_id = :id for update")
			.param("id", step.incidentId())
			.query()
			.listOfRows();
		IncidentView now = incidents.view(installation.whole(), step.incidentId()).orElseThrow();
		jdbc.sql("""
				update open311.request_index set updated_at = greatest(updated_at, :at), closed = :closed,
				       published = :published
				 where incident_id = :id""")
			.param("id", step.incidentId())
			.param("at", at)
			.param("closed", closed(now.state()))
			.param("published", published(now))
			.update();
		recordUpdate(step, at);
	}

	/**
	 * An update's id, made from the step's own instant, so that the feed's order (occurred_at, id) is the steps' order
	 * however late or often the step is delivered.
	 */
	private static UUID updateId(IncidentEvent step) {
		return Ids.newId(Clock.fixed(step.at(), ZoneOffset.UTC));
	}

	private void recordUpdate(IncidentEvent step, Timestamp at) {
		jdbc.sql("""
				insert into open311.request_update (id, incident_id, action, to_state, occurred_at)
				values (:uid, :id, :action, :state, :at) on conflict do nothing""")
			.param("uid", updateId(step))
			.param("id", step.incidentId())
			.param("action", step.action().name())
			.param("state", step.to().name())
			.param("at", at)
			.update();
	}
}
