package org.zhizhi.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhizhi.open311.Open311Http.eventually;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.TaskExecutionOutcome;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.IncidentEvent.IncidentClaimed;

/**
 * Open311's index follows the incident's steps ({@code IncidentEvent}s) through the event publication registry: a
 * failure in it can no longer undo the step (a party member's claim), the step is kept as an incomplete publication
 * until the index has it, it is delivered again — by the platform's own retry of failed publications while the
 * application runs ({@code shared.events.FailedPublicationRetry}, run here as its scheduler runs it), or the way a
 * restart delivers it — and its effect then happens exactly once, however often it comes.
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

	/** The platform's role changes no schema: the test's fault (a trigger that fails) is put in by the superuser. */
	@Autowired
	EmbeddedPostgres postgres;

	private JdbcClient ddl() {
		return JdbcClient.create(postgres.getPostgresDatabase());
	}

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	List<ScheduledTaskHolder> schedulers;

	@Autowired
	TestClock clock;

	@Value("${zhizhi.events.retry-min-age}")
	Duration retryMinAge;

	@Value("${zhizhi.events.retry-interval}")
	Duration retryInterval;

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
		ddl().sql("drop trigger if exists " + trigger + " on open311.request_update").update();
		ddl().sql("drop function if exists open311." + trigger + "()").update();
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
		Publication failedOnce = claimPublication(id).getFirst();
		// committed: read back by another request, after the index has failed
		assertThat(api.get("/api/v1/incidents/" + id, api.tokenOf("dongcheng-g01"))
			.json()
			.path("incident")
			.path("state")
			.asString()).isEqualTo("CLAIMED");
		assertThat(indexedClaims(id)).isZero();

		// the index is back. The platform's own retry (shared.events.FailedPublicationRetry), run as its scheduler
		// runs it every retry-interval, leaves a failure alone while it is younger than retry-min-age …
		removeTrigger();
		ScheduledTask retry = failedPublicationRetry();
		assertThat(retry.getTask()).as("scheduled with a fixed delay of zhizhi.events.retry-interval")
			.isInstanceOfSatisfying(FixedDelayTask.class,
					task -> assertThat(task.getIntervalDuration()).isEqualTo(retryInterval));
		retry.getTask().getRunnable().run();
		assertThat(claimPublication(id)).as("too young to be retried").containsExactly(failedOnce);
		assertThat(indexedClaims(id)).isZero();

		// … and hands it to the index again once it is old enough: delivered, and the publication is done
		clock.advance(retryMinAge.plusSeconds(1));
		retry.getTask().getRunnable().run();
		eventually(() -> {
			assertThat(claimPublication(id)).as("completed publications are deleted").isEmpty();
			assertThat(indexedClaims(id)).isOne();
		});
		assertThat(retry.getTask().getLastExecutionOutcome().status()).isEqualTo(TaskExecutionOutcome.Status.SUCCESS);
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

	@Test
	void aClaimStillOwedFromBeforeTheRecordsPerStepIsDeliveredAfterTheUpgrade() throws IOException {
		UUID id = whistledRequest();
		refuseIndexingTheClaimOf(id);
		assertThat(api.post("/api/v1/incidents/" + id + "/claim", api.tokenOf("dangyuan01"), Map.of()).status())
			.isEqualTo(200);
		eventually(() -> assertThat(claimPublication(id)).singleElement()
			.satisfies(p -> assertThat(p.status()).isEqualTo("FAILED")));
		assertThat(jdbc.sql("select listener_id from events.event_publication where serialized_event like :incident "
				+ "and event_type = :type")
			.param("incident", "%" + id + "%")
			.param("type", IncidentClaimed.class.getName())
			.query(String.class)
			.single()).as("the listener the registry names, which the migration renames")
			.isEqualTo("org.zhizhi.open311.RequestIndex.on(org.zhizhi.incident.IncidentEvent)");

		// the publication as the platform wrote it before events.V2, and that migration run over it — in one
		// transaction, so that nothing else ever reads a row whose event class no longer exists
		String migration = new String(new ClassPathResource(
				"db/migration/events/V2__convert_incident_stepped_publications.sql").getContentAsByteArray(),
				StandardCharsets.UTF_8);
		transactions.executeWithoutResult(status -> {
			int old = jdbc.sql("""
					update events.event_publication
					   set event_type = 'org.zhizhi.incident.IncidentStepped',
					       serialized_event = jsonb_set(serialized_event::jsonb, '{action}', '"CLAIM"')::text,
					       listener_id = 'org.zhizhi.open311.RequestIndex.on(org.zhizhi.incident.IncidentStepped)'
					 where serialized_event like :incident and event_type = :type""")
				.param("incident", "%" + id + "%")
				.param("type", IncidentClaimed.class.getName())
				.update();
			assertThat(old).isOne();
			jdbc.sql("set local search_path to events").update();
			jdbc.sql(migration).update();
		});
		assertThat(claimPublication(id)).as("the claim again, as an IncidentClaimed").singleElement()
			.satisfies(p -> assertThat(p.status()).isEqualTo("FAILED"));

		removeTrigger();
		clock.advance(retryMinAge.plusSeconds(1));
		failedPublicationRetry().getTask().getRunnable().run();
		eventually(() -> {
			assertThat(claimPublication(id)).as("delivered and completed").isEmpty();
			assertThat(indexedClaims(id)).isOne();
		});
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
		ddl().sql("""
				create function open311.%s() returns trigger language plpgsql as $$
				begin
				  if new.incident_id = '%s' and new.action = 'CLAIM' then
				    raise exception 'the index is down (test)';
				  end if;
				  return new;
				end $$""".formatted(trigger, id)).update();
		ddl().sql("create trigger %s before insert on open311.request_update for each row execute function open311.%s()"
			.formatted(trigger, trigger)).update();
	}

	/**
	 * The retry of failed publications as the application's scheduler holds it: the very task it runs every
	 * {@code zhizhi.events.retry-interval}, so that the test runs what production runs, when it chooses.
	 */
	private ScheduledTask failedPublicationRetry() {
		return schedulers.stream()
			.flatMap(scheduler -> scheduler.getScheduledTasks().stream())
			.filter(task -> task.toString().equals("org.zhizhi.shared.events.FailedPublicationRetry.retry"))
			.collect(Collectors.collectingAndThen(Collectors.toList(), tasks -> {
				assertThat(tasks).as("the scheduled retry of failed publications").hasSize(1);
				return tasks.getFirst();
			}));
	}

	record Publication(String status, Integer attempts, Instant lastResubmission) {
	}

	/** The registry's incomplete publications of this incident's claim to the index. */
	private List<Publication> claimPublication(UUID id) {
		return jdbc.sql("""
				select status, completion_attempts, last_resubmission_date from events.event_publication
				 where listener_id like '%RequestIndex%' and completion_date is null
				   and event_type = :type and serialized_event like :incident""")
			.param("type", IncidentClaimed.class.getName())
			.param("incident", "%" + id + "%")
			.query((rs, n) -> new Publication(rs.getString(1), (Integer) rs.getObject(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
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
