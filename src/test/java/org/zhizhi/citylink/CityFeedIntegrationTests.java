package org.zhizhi.citylink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbound feed over real HTTP: a district admin adds a subscriber (a JDK HTTP server in the test), an incident
 * step of his district reaches it signed with its secret, a 500 is retried after the schedule's wait and delivered
 * once with the same event id, the delivery log shows both attempts, another district's subscriber gets nothing,
 * and two workers at once send a delivery once.
 */
@ZhizhiIntegrationTest
class CityFeedIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	CityFeed feed;

	@Autowired
	org.zhizhi.territory.OrgUnitQueries orgUnits;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aStepReachesTheSubscriberSignedAndA500IsRetriedUntilDeliveredOnceWithTheSameEventId() throws Exception {
		String banan = api.tokenOf("banan");
		try (Receiver receiver = new Receiver().answering(500)) {
			JsonNode made = subscribe(banan, "巴南测试订阅 ", receiver.url(), List.of("incident.report"));
			String subscriberId = made.path("subscriber").path("id").asString();
			String secret = made.path("secret").asString();
			assertThat(secret).startsWith("whsec_");
			assertThat(api.get("/api/v1/citylink/subscribers/" + subscriberId, banan).body()).doesNotContain(secret);

			String incident = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "推送测试 " + UUID.randomUUID());
			JsonNode delivery = awaitDelivery(banan, subscriberId, incident);
			assertThat(delivery.path("state").asString()).isEqualTo("PENDING");

			worker.run();
			assertThat(receiver.received()).hasSize(1);
			JsonNode afterFailure = detail(banan, delivery);
			assertThat(afterFailure.path("delivery").path("state").asString()).isEqualTo("PENDING");
			assertThat(afterFailure.path("delivery").path("lastStatus").asInt()).isEqualTo(500);
			assertThat(Duration.between(
					java.time.Instant.parse(afterFailure.path("attempts").get(0).path("attemptedAt").asString()),
					java.time.Instant.parse(afterFailure.path("delivery").path("nextAttemptAt").asString())))
				.as("the schedule's first wait after the failed attempt").isEqualTo(Duration.ofMinutes(1));

			worker.run();
			assertThat(receiver.received()).as("not due before its wait").hasSize(1);
			clock.advance(Duration.ofMinutes(1));
			worker.run();
			worker.run();

			List<Receiver.Received> got = receiver.received();
			assertThat(got).hasSize(2);
			assertThat(got.get(1).header(DeliveryWorker.EVENT_ID)).isEqualTo(got.get(0).header(DeliveryWorker.EVENT_ID))
				.isEqualTo(delivery.path("eventId").asString());
			for (Receiver.Received request : got) {
				assertThat(new FeedSignature(secret.getBytes(StandardCharsets.UTF_8)).verifies(
						request.header(DeliveryWorker.TIMESTAMP), request.body(),
						request.header(DeliveryWorker.SIGNATURE))).as("signed with the subscriber's secret").isTrue();
				assertThat(request.header(DeliveryWorker.EVENT_KIND)).isEqualTo("incident.report");
			}
			JsonNode body = JsonMapper.builder().build().readTree(got.get(1).body());
			assertThat(body.path("id").asString()).isEqualTo(delivery.path("eventId").asString());
			assertThat(body.path("data").path("incidentId").asString()).isEqualTo(incident);
			assertThat(body.path("data").path("to").asString()).isEqualTo("REPORTED");
			assertThat(got.get(1).body()).doesNotContain("jumin01").doesNotContain("张居民");

			JsonNode log = detail(banan, delivery);
			assertThat(log.path("delivery").path("state").asString()).isEqualTo("DELIVERED");
			assertThat(log.path("attempts")).hasSize(2);
			assertThat(log.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(500);
			assertThat(log.path("attempts").get(0).path("outcome").asString()).isEqualTo("RETRY");
			assertThat(log.path("attempts").get(1).path("statusCode").asInt()).isEqualTo(200);
			assertThat(log.path("attempts").get(1).path("outcome").asString()).isEqualTo("DELIVERED");

			// sent again by hand: the same event id once more, a third attempt in the log
			Response resent = api.post("/api/v1/citylink/deliveries/" + delivery.path("id").asString() + "/resend",
					banan, Map.of());
			assertThat(resent.status()).as(resent.brief()).isEqualTo(200);
			worker.run();
			assertThat(receiver.received()).hasSize(3);
			assertThat(receiver.received().get(2).header(DeliveryWorker.EVENT_ID))
				.isEqualTo(delivery.path("eventId").asString());
			assertThat(detail(banan, delivery).path("attempts")).hasSize(3);
			assertThat(api.post("/api/v1/citylink/deliveries/" + delivery.path("id").asString() + "/resend",
					api.tokenOf("nanan"), Map.of()).status()).as("another district's delivery").isEqualTo(404);
		}
	}

	@Test
	void aSubscriberOfAnotherDistrictGetsNothingAndAKindNotSubscribedIsNotSent() throws Exception {
		try (Receiver nanan = new Receiver(); Receiver banan = new Receiver()) {
			String nananToken = api.tokenOf("nanan");
			String nananSubscriber = subscribe(nananToken, "南岸测试订阅 ", nanan.url(), List.of("incident.*"))
				.path("subscriber").path("id").asString();
			String bananToken = api.tokenOf("banan");
			String closesOnly = subscribe(bananToken, "只要办结 ", banan.url(), List.of("incident.close"))
				.path("subscriber").path("id").asString();
			String watcher = subscribe(bananToken, "巴南全部 ", banan.url(), List.of("incident.*"))
				.path("subscriber").path("id").asString();

			String incident = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "跨区测试 " + UUID.randomUUID());
			awaitDelivery(bananToken, watcher, incident);
			worker.run();

			assertThat(nanan.received()).isEmpty();
			assertThat(api.get("/api/v1/citylink/deliveries?subscriberId=" + nananSubscriber, nananToken).list())
				.isEmpty();
			assertThat(api.get("/api/v1/citylink/deliveries?subscriberId=" + closesOnly, bananToken).list()).isEmpty();
			assertThat(api.get("/api/v1/citylink/subscribers/" + nananSubscriber, bananToken).status())
				.as("another district's subscriber is not found").isEqualTo(404);
		}
	}

	@Test
	void twoWorkersAtOnceSendEachDeliveryOnce() throws Exception {
		try (Receiver receiver = new Receiver()) {
			String banan = api.tokenOf("banan");
			String subscriberId = subscribe(banan, "并发测试 ", receiver.url(), List.of("incident.report"))
				.path("subscriber").path("id").asString();
			List<String> incidents = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				incidents.add(api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "并发推送 " + UUID.randomUUID()));
			}
			for (String incident : incidents) {
				awaitDelivery(banan, subscriberId, incident);
			}
			CompletableFuture<Integer> one = CompletableFuture.supplyAsync(worker::run);
			CompletableFuture<Integer> two = CompletableFuture.supplyAsync(worker::run);
			one.join();
			two.join();

			List<String> eventIds = receiver.received().stream().map(r -> r.header(DeliveryWorker.EVENT_ID)).toList();
			assertThat(eventIds).hasSize(6).doesNotHaveDuplicates();
		}
	}

	@Test
	void aSubscriberIsRefusedWithFieldProblemsAndOnlyByADistrictAdmin() {
		String banan = api.tokenOf("banan");
		Map<String, Object> bad = new LinkedHashMap<>();
		bad.put("name", "");
		bad.put("url", "http://example.cn/hook");
		bad.put("kinds", List.of("incident.nothing"));
		Response refused = api.post("/api/v1/citylink/subscribers", banan, bad);
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).contains("name", "url", "kinds");
		assertThat(api.get("/api/v1/citylink/subscribers", banan).body()).doesNotContain("http://example.cn/hook");

		Map<String, Object> good = Map.of("name", "网格员试图添加", "url", "https://example.cn/hook", "kinds",
				List.of("incident.*"));
		assertThat(api.post("/api/v1/citylink/subscribers", api.tokenOf("dongcheng"), good).problemCode(403))
			.isEqualTo("ROLE_NOT_ALLOWED");
		assertThat(api.get("/api/v1/citylink/subscribers", null).status()).isEqualTo(401);
	}

	@Test
	void aPausedSubscriberKeepsItsDeliveriesAndARotatedSecretSignsWhatFollows() throws Exception {
		try (Receiver receiver = new Receiver()) {
			String banan = api.tokenOf("banan");
			JsonNode made = subscribe(banan, "暂停测试 ", receiver.url(), List.of("incident.report"));
			String id = made.path("subscriber").path("id").asString();
			assertThat(api.post("/api/v1/citylink/subscribers/" + id + "/pause", banan, Map.of()).json().path("state")
				.asString()).isEqualTo("PAUSED");
			assertThat(api.post("/api/v1/citylink/subscribers/" + id + "/pause", banan, Map.of()).problemCode(409))
				.isEqualTo("ILLEGAL_TRANSITION");

			String incident = api.reportAsResident("jumin01", "东城社区第1网格", "OTHER", "暂停测试 " + UUID.randomUUID());
			awaitDelivery(banan, id, incident);
			worker.run();
			assertThat(receiver.received()).as("paused: nothing sent, nothing lost").isEmpty();

			String rotated = api.post("/api/v1/citylink/subscribers/" + id + "/rotate-secret", banan, Map.of()).json()
				.path("secret").asString();
			assertThat(rotated).startsWith("whsec_").isNotEqualTo(made.path("secret").asString());
			api.post("/api/v1/citylink/subscribers/" + id + "/resume", banan, Map.of());
			worker.run();
			assertThat(receiver.received()).hasSize(1);
			Receiver.Received got = receiver.received().getFirst();
			assertThat(new FeedSignature(rotated.getBytes(StandardCharsets.UTF_8)).verifies(
					got.header(DeliveryWorker.TIMESTAMP), got.body(), got.header(DeliveryWorker.SIGNATURE))).isTrue();
		}
	}

	@Test
	void anEventPublishedTwiceIsWrittenAndDeliveredOnce() throws Exception {
		try (Receiver receiver = new Receiver()) {
			String banan = api.tokenOf("banan");
			String subscriberId = subscribe(banan, "重复发布 ", receiver.url(), List.of("incident.note"))
				.path("subscriber").path("id").asString();
			UUID district = UUID.fromString(api.get("/api/v1/me", banan).json().path("scope").path("id").asString());
			String path = orgUnits.bindingOf(district).orElseThrow().scope().path();
			UUID subject = UUID.randomUUID();
			// what a publication delivered again after a crash does: the same step, so the same id
			FeedEvent event = new FeedEvent(FeedEvent.idOf("incident", subject.toString(), "NOTE"), "incident.note",
					district, path, subject, clock.instant(), Map.of("action", "NOTE"));

			assertThat(feed.publish(event)).isPositive();
			assertThat(feed.publish(event)).as("written once").isZero();
			worker.run();
			worker.run();

			assertThat(api.get("/api/v1/citylink/deliveries?subscriberId=" + subscriberId, banan).list()).hasSize(1);
			assertThat(receiver.received()).hasSize(1);
			assertThat(receiver.received().getFirst().header(DeliveryWorker.EVENT_ID))
				.isEqualTo(event.id().toString());
		}
	}

	@Test
	void theCommandCentresAlertsAndEmergencyWhistlesReachTheirSubscribers() throws Exception {
		try (Receiver receiver = new Receiver()) {
			String banan = api.tokenOf("banan");
			String subscriberId = subscribe(banan, "指挥中心订阅 ", receiver.url(), List.of("alert.*", "emergency.*"))
				.path("subscriber").path("id").asString();
			// an emergency whistle over 东城社区's first grid, and its stand-down
			Map<String, Object> whistle = new java.util.LinkedHashMap<>();
			whistle.put("kind", "FIRE");
			whistle.put("title", "推送测试火情 " + UUID.randomUUID().toString().substring(0, 4));
			whistle.put("gridIds", List.of(api.orgUnitId("东城社区第1网格")));
			whistle.put("forces", List.of("GRID_TEAM"));
			Response blown = api.post("/api/v1/command/emergency-whistles", api.tokenOf("dongcheng"), whistle);
			assertThat(blown.status()).as(blown.brief()).isEqualTo(201);
			String whistleId = blown.json().path("id").asString();
			JsonNode delivery = awaitDelivery(banan, subscriberId, whistleId);
			assertThat(delivery.path("kind").asString()).isEqualTo("emergency.blown");
			// an open alert of the district acknowledged
			JsonNode alert = api.get("/api/v1/command/alerts?state=NEW&page=0", banan).json().path("alerts").get(0);
			assertThat(alert).as("the demo's pass leaves new alerts in 巴南区").isNotNull();
			String alertId = alert.path("id").asString();
			Response acknowledged = api.post("/api/v1/command/alerts/" + alertId + "/acknowledge", banan, Map.of());
			assertThat(acknowledged.status()).as(acknowledged.brief()).isEqualTo(200);
			assertThat(awaitDelivery(banan, subscriberId, alertId).path("kind").asString())
				.isEqualTo("alert.acknowledged");
			worker.run();
			assertThat(receiver.received().stream().map(r -> r.header(DeliveryWorker.EVENT_KIND)).toList())
				.contains("emergency.blown", "alert.acknowledged");
		}
	}

	private JsonNode subscribe(String token, String name, String url, List<String> kinds) {
		return new DeliveryLog(api, token).subscribe(name, url, kinds);
	}

	private JsonNode awaitDelivery(String token, String subscriberId, String subject) {
		return new DeliveryLog(api, token).awaitDelivery(subscriberId, subject);
	}

	private JsonNode detail(String token, JsonNode delivery) {
		return new DeliveryLog(api, token).detail(delivery);
	}
}
