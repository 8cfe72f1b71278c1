package org.zhizhi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.points.persistence.JdbcSchemes;
import org.zhizhi.volunteer.PairingVisited;

/**
 * Issue 13, points for volunteering beyond approved hours: a pairing's visit (结对帮扶) pays the VISIT rules of every
 * scheme covering the visitor that he earns in, once per visit and under the daily cap. The events are published as
 * the volunteer module publishes them — inside a transaction, through the event publication registry — and each test
 * earns on a day of its own (the caps count per day).
 */
@ZhizhiIntegrationTest
class VolunteerPointsIntegrationTests {

	private static final String MEMBERS = "member-500113000000";

	private static final String VIRTUE = "virtue-500113101001";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcSchemes schemes;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	VolunteerEarnings volunteering;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aPairingVisitPaysAMembersVisitRulesOncePerVisitUnderTheDailyCap() {
		UUID member = accountId("dangyuan01");
		clock.advance(Duration.ofDays(121));

		PairingVisited first = visit(member, "陈党员");
		publish(first);
		eventually(() -> {
			assertThat(paid("visit:" + first.visitId() + ":" + MEMBERS + ":", member)).as("党员积分").isEqualTo(3);
			assertThat(paid("visit:" + first.visitId() + ":" + VIRTUE + ":", member)).as("道德积分银行·睦邻")
				.isEqualTo(3);
		});
		assertThat(reasons("visit:" + first.visitId() + ":")).containsOnly("结对帮扶走访");

		// the registry hands the same visit over again (a crash after the listener's commit): nothing more is paid
		publish(first);
		eventually(() -> assertThat(outstanding(first.visitId())).isZero());
		volunteering.on(first);
		assertThat(paid("visit:" + first.visitId() + ":", member)).isEqualTo(6);

		// a second visit that day pays too; a third is over the cap of two visits' worth a day
		PairingVisited second = visit(member, "陈党员");
		PairingVisited third = visit(member, "陈党员");
		publish(second);
		eventually(() -> assertThat(paid("visit:" + second.visitId() + ":", member)).isEqualTo(6));
		publish(third);
		eventually(() -> assertThat(outstanding(third.visitId())).isZero());
		assertThat(paid("visit:" + third.visitId() + ":", member)).isZero();
	}

	@Test
	void aResidentsVisitPaysTheVirtueBankButNoMemberPoints() {
		UUID resident = accountId("jumin02");
		clock.advance(Duration.ofDays(122));
		PairingVisited visit = visit(resident, "李居民");
		publish(visit);
		eventually(() -> assertThat(outstanding(visit.visitId())).isZero());
		assertThat(paid("visit:" + visit.visitId() + ":" + VIRTUE + ":", resident)).isEqualTo(3);
		assertThat(paid("visit:" + visit.visitId() + ":" + MEMBERS + ":", resident)).as("not a party member").isZero();
	}

	private PairingVisited visit(UUID person, String name) {
		return new PairingVisited(UUID.randomUUID(), UUID.randomUUID(), person, name,
				schemes.byCode(VIRTUE).orElseThrow().scopePath(), clock.instant());
	}

	/** Published as the volunteer module publishes it: inside its step's transaction, through the registry. */
	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	/** The points the person's accounts gained by the movements whose source keys begin so. */
	private long paid(String keyPrefix, UUID person) {
		return jdbc.sql("""
				SELECT coalesce(sum(e.amount), 0) FROM points.entry e
				  JOIN points.movement m ON m.id = e.movement_id
				  JOIN points.account a ON a.id = e.account_id
				 WHERE a.holder_id = :person AND a.kind = 'PERSON' AND starts_with(m.source_key, :prefix)""")
			.param("person", person)
			.param("prefix", keyPrefix)
			.query(Long.class)
			.single();
	}

	private java.util.List<String> reasons(String keyPrefix) {
		return jdbc.sql("SELECT reason FROM points.movement WHERE starts_with(source_key, :prefix)")
			.param("prefix", keyPrefix)
			.query(String.class)
			.list();
	}

	/** The registry's publications of events naming this id that are not yet done (done ones are deleted). */
	private long outstanding(UUID id) {
		return jdbc.sql("""
				SELECT count(*) FROM events.event_publication
				 WHERE completion_date IS NULL AND serialized_event LIKE :id""")
			.param("id", "%" + id + "%")
			.query(Long.class)
			.single();
	}

	private UUID accountId(String username) {
		return UUID.fromString(api.get("/api/v1/me", api.tokenOf(username)).json().path("id").asString());
	}

	private static void eventually(ThrowingRunnable assertion) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(assertion);
	}
}
