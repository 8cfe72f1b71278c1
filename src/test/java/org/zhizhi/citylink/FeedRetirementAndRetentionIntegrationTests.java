package org.zhizhi.citylink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The end of a subscriber and of its log: a retired subscriber gets nothing more and what waited for it is given up
 * (and no step reopens it); the retention sweep removes settled deliveries with their attempts and events once they
 * are older than the retention, and keeps what is pending however old, and what is younger.
 */
@ZhizhiIntegrationTest
class FeedRetirementAndRetentionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	FeedRetention retention;

	@Autowired
	CitylinkProperties settings;

	@Autowired
	JdbcClient jdbc;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aRetiredSubscriberGetsNothingMoreAndWhatWaitedForItIsGivenUp() throws Exception {
		try (Receiver receiver = new Receiver(); Receiver witness = new Receiver()) {
			String banan = api.tokenOf("banan");
			String retiring = subscribe(banan, "停用测试 ", receiver.url());
			String staying = subscribe(banan, "停用对照 ", witness.url());
			api.post("/api/v1/citylink/subscribers/" + retiring + "/pause", banan, Map.of());
			String first = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "停用测试 " + UUID.randomUUID());
			JsonNode waiting = awaitDelivery(banan, retiring, first);
			assertThat(waiting.path("state").asString()).isEqualTo("PENDING");

			Response retired = api.post("/api/v1/citylink/subscribers/" + retiring + "/retire", banan, Map.of());
			assertThat(retired.status()).as(retired.brief()).isEqualTo(200);
			assertThat(retired.json().path("state").asString()).isEqualTo("RETIRED");
			JsonNode givenUp = detail(banan, waiting).path("delivery");
			assertThat(givenUp.path("state").asString()).isEqualTo("FAILED");
			assertThat(givenUp.path("lastError").asString()).contains("停用");

			for (String step : List.of("retire", "resume", "pause", "rotate-secret")) {
				assertThat(api.post("/api/v1/citylink/subscribers/" + retiring + "/" + step, banan, Map.of())
					.problemCode(409)).as(step + " after retiring").isEqualTo("ILLEGAL_TRANSITION");
			}
			assertThat(api.post("/api/v1/citylink/deliveries/" + waiting.path("id").asString() + "/resend", banan,
					Map.of()).problemCode(409)).isEqualTo("SUBSCRIBER_RETIRED");
			assertThat(api.post("/api/v1/citylink/subscribers/" + staying + "/retire", api.tokenOf("dongcheng"),
					Map.of()).status()).as("only the district admin").isEqualTo(403);

			// a later step: the subscriber that stays hears it, the retired one has no delivery of it
			String second = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "停用之后 " + UUID.randomUUID());
			awaitDelivery(banan, staying, second);
			assertThat(api.get("/api/v1/citylink/deliveries?subscriberId=" + retiring, banan).list())
				.extracting(d -> d.path("subjectId").asString())
				.containsExactly(first);
			worker.run();
			assertThat(receiver.received()).isEmpty();
			assertThat(witness.received()).isNotEmpty();
		}
	}

	@Test
	void theSweepRemovesSettledDeliveriesOlderThanTheRetentionAndKeepsPendingAndYoungerOnes() throws Exception {
		try (Receiver receiver = new Receiver(); Receiver paused = new Receiver()) {
			String banan = api.tokenOf("banan");
			String subscriber = subscribe(banan, "保留期限 ", receiver.url());
			String waitingOne = subscribe(banan, "保留期限暂停 ", paused.url());
			api.post("/api/v1/citylink/subscribers/" + waitingOne + "/pause", banan, Map.of());

			String old = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "保留旧 " + UUID.randomUUID());
			JsonNode oldDelivery = awaitDelivery(banan, subscriber, old);
			JsonNode oldPending = awaitDelivery(banan, waitingOne, old);
			worker.run();
			assertThat(detail(banan, oldDelivery).path("delivery").path("state").asString()).isEqualTo("DELIVERED");
			clock.advance(Duration.ofHours(1));
			String young = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "保留新 " + UUID.randomUUID());
			JsonNode youngDelivery = awaitDelivery(banan, subscriber, young);
			worker.run();

			Instant oldMade = Instant.parse(oldDelivery.path("createdAt").asString());
			retention.run(oldMade.plus(settings.keepDeliveries()).minusSeconds(1));
			assertThat(exists(oldDelivery)).as("not older than the retention yet").isTrue();

			FeedRetention.Removed removed = retention.run(oldMade.plus(settings.keepDeliveries()).plusSeconds(60));
			assertThat(removed.deliveries()).isPositive();
			assertThat(exists(oldDelivery)).as("settled and older than the retention").isFalse();
			assertThat(api.get("/api/v1/citylink/deliveries/" + oldDelivery.path("id").asString(), banan).status())
				.isEqualTo(404);
			assertThat(jdbc.sql("SELECT count(*) FROM citylink.delivery_attempt WHERE delivery_id = :id")
				.param("id", UUID.fromString(oldDelivery.path("id").asString()))
				.query(Long.class)
				.single()).as("its attempts went with it").isZero();
			assertThat(exists(oldPending)).as("pending however old: the paused subscriber gets it on 恢复").isTrue();
			assertThat(eventExists(oldPending)).as("an event a pending delivery names stays").isTrue();
			assertThat(exists(youngDelivery)).as("younger than the retention").isTrue();

			// once the pending one is settled too, the sweep takes it and then its event
			api.post("/api/v1/citylink/subscribers/" + waitingOne + "/resume", banan, Map.of());
			worker.run();
			assertThat(paused.received()).extracting(r -> r.header(DeliveryWorker.EVENT_ID))
				.contains(oldPending.path("eventId").asString());
			Instant later = oldMade.plus(settings.keepDeliveries()).plusSeconds(60);
			retention.run(later);
			assertThat(exists(oldPending)).isFalse();
			// other tests' subscribers in this database may hear the same event and still wait for it: the event
			// stays exactly as long as a delivery names it, and no old event named by none is left
			assertThat(eventExists(oldPending)).isEqualTo(namedByADelivery(oldPending));
			assertThat(jdbc.sql("""
					SELECT count(*) FROM citylink.feed_event e
					 WHERE e.recorded_at < :cutoff
					   AND NOT EXISTS (SELECT 1 FROM citylink.delivery d WHERE d.event_id = e.id)""")
				.param("cutoff", java.sql.Timestamp.from(later.minus(settings.keepDeliveries())))
				.query(Long.class)
				.single()).as("old events no delivery names").isZero();
		}
	}

	private boolean exists(JsonNode delivery) {
		return jdbc.sql("SELECT count(*) FROM citylink.delivery WHERE id = :id")
			.param("id", UUID.fromString(delivery.path("id").asString()))
			.query(Long.class)
			.single() == 1;
	}

	private boolean namedByADelivery(JsonNode delivery) {
		return jdbc.sql("SELECT count(*) FROM citylink.delivery WHERE event_id = :id")
			.param("id", UUID.fromString(delivery.path("eventId").asString()))
			.query(Long.class)
			.single() > 0;
	}

	private boolean eventExists(JsonNode delivery) {
		return jdbc.sql("SELECT count(*) FROM citylink.feed_event WHERE id = :id")
			.param("id", UUID.fromString(delivery.path("eventId").asString()))
			.query(Long.class)
			.single() == 1;
	}

	private String subscribe(String token, String name, String url) {
		return new DeliveryLog(api, token).subscribe(name, url, List.of("incident.report"))
			.path("subscriber")
			.path("id")
			.asString();
	}

	private JsonNode awaitDelivery(String token, String subscriberId, String subject) {
		return new DeliveryLog(api, token).awaitDelivery(subscriberId, subject);
	}

	private JsonNode detail(String token, JsonNode delivery) {
		return new DeliveryLog(api, token).detail(delivery);
	}
}
