package org.zhizhi.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.open311.Open311Http.eventually;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentEvent.IncidentClaimed;

/**
 * Open311's index follows the incident's steps through the event publication registry: a failure in it can no longer
 * undo the step (a party member's claim), the step is kept as an incomplete publication until the index has it, it is
 * delivered again — by the retry of failed publications while the application runs, or the way a restart delivers
 * it — and its effect then happens exactly once, however often it comes.
 *
 * <p>The failure is a real one, raised by the database in the middle of the listener (after it has touched the index
 * row, before it writes the update): a trigger on {@code open311.request_update} that refuses this test's incident's
 * claim, and nothing else.
 */
@ZhizhiIntegrationTest
class RequestIndexEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FailedEventPublications failed;

	@Autowired
	TestClock clock;

	@Value("${zhizhi.events.retry-min-age}")
	Duration retryMinAge;

	private Open311Http open311;

	private ApiClient api;

	private final String trigger = "refuse_claim_" + UUID.randomUUID().toString().replace("-", "");

	@BeforeEach
	void client() {
		open311 = new Open311Http(port);
		api = open311.api();
	}

	@AfterEach
	void removeTrigger() {
		jdbc.sql("drop trigger if exists " + trigger + " on open311.request_update").update();
		jdbc.sql("drop function if exists open311." + trigger + "()").update();
	}

	@Test
	void aFailingIndexNoLongerRollsBackThePartyMembersClaimAndIsRetriedWhileRunning() {
		UUID id = whistledRequest();
		refuseIndexingTheClaimOf(id);

		var claim = api.post("/api/v1/incidents/" + id + "/claim", api.tokenOf("dangyuan01"), Map.of());

		assertThat(claim.status()).as(claim.brief()).isEqualTo(200);
		eventually(() -> assertThat(claimPublication(id)).as("the claim's publication to the index")
			.singleElement()
			.satisfies(p -> assertThat(p.status()).isEqualTo("FAILED")));
		// committed: read back by another request, after the index has failed
		assertThat(api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng-g01"))
			.json()
			.path("incident")
			.path("state")
			.asString()).isEqualTo("CLAIMED");
		assertThat(indexedClaims(id)).isZero();

		// the index is back; once the failure is retry-min-age old, the retry that runs every retry-interval
		// (shared.events.FailedPublicationRetry) hands it over again
		removeTrigger();
		clock.advance(retryMinAge.plusSeconds(1));
		failed.resubmit(ResubmissionOptions.defaults().withMinAge(retryMinAge));
		eventually(() -> {
			assertThat(claimPublication(id)).isEmpty();
			assertThat(indexedClaims(id)).isOne();
		});
	}

	@Test
	void aListenerKilledMidWayKeepsTheEventAndHandlesItLaterExactlyOnce() {
		UUID id = whistledRequest();
		Map<String, Object> before = indexRow(id);
		refuseIndexingTheClaimOf(id);

		assertThat(api.post("/api/v1/incidents/" + id + "/claim", api.tokenOf("dangyuan01"), Map.of()).status())
			.isEqualTo(200);

		// the first delivery died half-way: its writes are rolled back and the publication stays incomplete
		eventually(() -> assertThat(claimPublication(id)).singleElement()
			.satisfies(p -> assertThat(p.status()).isEqualTo("FAILED")));
		assertThat(indexedClaims(id)).isZero();
		assertThat(indexRow(id)).isEqualTo(before);

		// the cause is gone; the publication is handed to the listener again, as a restart hands every incomplete one
		removeTrigger();
		incomplete.resubmitIncompletePublications(
				publication -> publication.getEvent() instanceof IncidentClaimed claim && claim.incidentId().equals(id));

		eventually(() -> {
			assertThat(claimPublication(id)).as("completed publications are deleted").isEmpty();
			assertThat(indexedClaims(id)).isOne();
		});
		assertThat(indexRow(id).get("updated_at")).isNotEqualTo(before.get("updated_at"));

		// the very same event once more (a node that crashed after the listener's commit but before the registry's
		// completion would deliver it again): nothing is written twice
		IncidentClaimed claimed = claimEventOf(id);
		transactions.executeWithoutResult(status -> events.publishEvent(claimed));
		eventually(() -> assertThat(claimPublication(id)).isEmpty());
		assertThat(indexedClaims(id)).isOne();
		int steps = api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng-g01")).json().path("timeline").size();
		assertThat(jdbc.sql("select count(*) from open311.request_update where incident_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).as("every step of the timeline once").isEqualTo(steps);
	}

	// --- helpers -------------------------------------------------------------------------------------------------

	/** A request sent through Open311 and whistled as an open call (抢单) in its grid, indexed up to there. */
	private UUID whistledRequest() {
		double[] point = open311.inside("东城社区第1网格");
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("api_key", Open311Http.DEMO_KEY);
		form.put("service_code", "OTHER");
		form.put("lat", point[0]);
		form.put("long", point[1]);
		form.put("description", "抢单 " + UUID.randomUUID());
		var posted = open311.post("requests.json", form);
		assertThat(posted.status()).as(posted.body()).isEqualTo(200);
		UUID id = UUID.fromString(posted.json().get(0).path("service_request_id").asString());
		String leader = api.tokenOf("dongcheng-g01");
		for (var step : List.of(Map.entry("accept", Map.<String, Object>of()),
				Map.entry("triage", Map.<String, Object>of("triage", "COMMUNITY")),
				Map.entry("whistle", Map.<String, Object>of("type", "QUICK")))) {
			var response = api.post("/api/v1/incidents/" + id + "/" + step.getKey(), leader, step.getValue());
			assertThat(response.status()).as("%s: %s", step.getKey(), response.brief()).isEqualTo(200);
		}
		eventually(() -> assertThat(jdbc
			.sql("select count(*) from open311.request_update where incident_id = :id and action = 'WHISTLE'")
			.param("id", id)
			.query(Integer.class)
			.single()).isOne());
		return id;
	}

	private void refuseIndexingTheClaimOf(UUID id) {
		jdbc.sql("""
				create function open311.%s() returns trigger language plpgsql as $$
				begin
				  if new.incident_id = '%s' and new.action = 'CLAIM' then
				    raise exception 'the index is down (test)';
				  end if;
				  return new;
				end $$""".formatted(trigger, id)).update();
		jdbc.sql("create trigger %s before insert on open311.request_update for each row execute function open311.%s()"
			.formatted(trigger, trigger)).update();
	}

	record Publication(String status, Integer attempts) {
	}

	/** The registry's incomplete publications of this incident's claim to the index. */
	private List<Publication> claimPublication(UUID id) {
		return jdbc.sql("""
				select status, completion_attempts from events.event_publication
				 where listener_id like '%RequestIndex%' and completion_date is null
				   and event_type = :type and serialized_event like :incident""")
			.param("type", IncidentClaimed.class.getName())
			.param("incident", "%" + id + "%")
			.query((rs, n) -> new Publication(rs.getString(1), (Integer) rs.getObject(2)))
			.list();
	}

	private int indexedClaims(UUID id) {
		return jdbc.sql("select count(*) from open311.request_update where incident_id = :id and action = 'CLAIM'")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private Map<String, Object> indexRow(UUID id) {
		return jdbc.sql("select service_code, requested_at, updated_at, closed from open311.request_index "
				+ "where incident_id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	/** The claim's event as the incident module published it, rebuilt from the index's own record of the step. */
	private IncidentClaimed claimEventOf(UUID id) {
		UUID member = UUID.fromString(api.get("/api/v1/me", api.tokenOf("dangyuan01")).json().path("id").asString());
		return jdbc.sql("""
				select occurred_at from open311.request_update where incident_id = :id and action = 'CLAIM'""")
			.param("id", id)
			.query((rs, n) -> new IncidentClaimed(id, IncidentState.WHISTLED,
					IncidentState.CLAIMED, rs.getTimestamp(1).toInstant(), member))
			.single();
	}
}
