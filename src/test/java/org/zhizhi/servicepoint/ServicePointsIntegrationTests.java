package org.zhizhi.servicepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 14 over HTTP: a desk sets up a point with a room; two bookings of the room for the same time at the same
 * instant — one wins; an elder's errand from his phone to his confirmation, refused to everyone else at each step;
 * a desk sees only its own scope; the demo's points, activities, errands and 东城's 15-minute circle.
 */
@ZhizhiIntegrationTest
class ServicePointsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void twoBookingsOfOneRoomAtOnceOneWins() throws Exception {
		String desk = api.tokenOf("dongcheng");
		String dongcheng = api.get("/api/v1/me", desk).json().path("scope").path("id").asString();
		Map<String, Object> point = new LinkedHashMap<>();
		point.put("orgUnitId", dongcheng);
		point.put("name", "测试驿站" + UUID.randomUUID().toString().substring(0, 6));
		point.put("kind", "POST");
		point.put("address", "界石镇东城社区");
		point.put("lat", 29.4012);
		point.put("lng", 106.6431);
		point.put("hours", "每天 8:00-20:00");
		point.put("services", List.of("REST", "NO_SUCH"));
		assertThat(api.post("/api/v1/service-points", desk, point).errorFields()).containsExactly("services");
		point.put("services", List.of("REST", "ACTIVITIES"));
		assertThat(api.post("/api/v1/service-points", api.tokenOf("jumin01"), point).status()).isEqualTo(403);
		Response created = api.post("/api/v1/service-points", desk, point);
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		String pointId = created.json().path("id").asString();
		Response room = api.post("/api/v1/service-points/" + pointId + "/rooms", desk,
				Map.of("name", "活动室", "capacity", 40));
		assertThat(room.status()).as(room.brief()).isEqualTo(201);
		String roomId = room.json().path("id").asString();

		Instant start = clock.instant().plus(Duration.ofDays(2));
		Map<String, Object> booking = new LinkedHashMap<>();
		booking.put("roomId", roomId);
		booking.put("title", "读书会");
		booking.put("startsAt", start.toString());
		booking.put("endsAt", start.plus(Duration.ofHours(2)).toString());
		booking.put("expected", 50);
		assertThat(api.post("/api/v1/service-points/bookings", desk, booking).errorFields()).containsExactly("expected");
		booking.put("expected", 30);
		// a resident of the community and the desk ask for the same room at the same instant
		String resident = api.tokenOf("jumin02");
		String body = ApiClient.json(booking);
		CompletableFuture<Response> first = api.sendAsync("POST", "/api/v1/service-points/bookings", resident, body);
		CompletableFuture<Response> second = api.sendAsync("POST", "/api/v1/service-points/bookings", desk, body);
		List<Response> both = List.of(first.get(), second.get());
		assertThat(both.stream().map(Response::status).sorted().toList()).as(both.toString()).containsExactly(201, 409);
		assertThat(both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow().problemCode(409))
			.isEqualTo("ROOM_TAKEN");
		// an overlapping hour later is refused too; the next hour after it is free
		booking.put("startsAt", start.plus(Duration.ofHours(1)).toString());
		booking.put("endsAt", start.plus(Duration.ofHours(3)).toString());
		assertThat(api.post("/api/v1/service-points/bookings", resident, booking).problemCode(409))
			.isEqualTo("ROOM_TAKEN");
		booking.put("startsAt", start.plus(Duration.ofHours(2)).toString());
		Response next = api.post("/api/v1/service-points/bookings", resident, booking);
		assertThat(next.status()).as(next.brief()).isEqualTo(201);

		// attendance once it has begun; the booker cancels one that has not
		String bookingId = next.json().path("id").asString();
		assertThat(api.post("/api/v1/service-points/bookings/" + bookingId + "/attendance", resident,
				Map.of("attendance", 25)).errorFields()).containsExactly("attendance");
		clock.advance(Duration.ofDays(2).plusHours(3));
		String residentAgain = api.login("jumin02", ApiClient.DEMO_PASSWORD);
		JsonNode counted = api.post("/api/v1/service-points/bookings/" + bookingId + "/attendance", residentAgain,
				Map.of("attendance", 25)).json();
		assertThat(counted.path("attendance").asInt()).isEqualTo(25);
		JsonNode detail = api.get("/api/v1/service-points/" + pointId, api.login("dongcheng", ApiClient.DEMO_PASSWORD))
			.json();
		assertThat(detail.path("figures").path("attendance").asLong()).isEqualTo(25);
		assertThat(detail.path("rooms").findValuesAsString("name")).containsExactly("活动室");

		// 金银桥's desk neither sees nor books 东城's point
		String mudong = api.login("mudong", ApiClient.DEMO_PASSWORD);
		assertThat(api.get("/api/v1/service-points/" + pointId, mudong).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/service-points", mudong).json().findValuesAsString("id")).doesNotContain(pointId);
	}

	@Test
	void anEldersErrandFromHisPhoneToHisConfirmation() {
		String elder = api.tokenOf("jumin01");
		String desk = api.tokenOf("dongcheng");
		String runner = api.tokenOf("dangyuan04");
		String runnerId = api.get("/api/v1/me", runner).json().path("id").asString();

		assertThat(api.post("/api/v1/errands", elder, Map.of("kind", "NOPE", "details", "x")).errorFields())
			.containsExactly("kind", "details");
		Response asked = api.post("/api/v1/errands", elder, Map.of("kind", "MEDICINE", "details", "到卫生服务中心买降压药"));
		assertThat(asked.status()).as(asked.brief()).isEqualTo(201);
		String id = asked.json().path("id").asString();
		assertThat(asked.json().path("channel").asString()).isEqualTo("SELF");
		assertThat(asked.json().path("allowedActions").valueStream().map(JsonNode::asString).toList())
			.containsExactly("CANCEL");
		String path = "/api/v1/errands/" + id;

		// the desk sees it in its queue and gives it to a runner; the runner cannot assign, the elder cannot complete
		assertThat(api.get("/api/v1/errands?state=REQUESTED", desk).json().path("queue").path("errands")
			.findValuesAsString("id")).contains(id);
		assertThat(api.post(path + "/assign", runner, Map.of("runnerId", runnerId)).status()).isEqualTo(404);
		assertThat(api.post(path + "/assign", desk, Map.of("runnerId", UUID.randomUUID().toString())).errorFields())
			.containsExactly("runnerId");
		JsonNode assigned = api.post(path + "/assign", desk, Map.of("runnerId", runnerId)).json();
		assertThat(assigned.path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(api.post(path + "/complete", elder, Map.of("note", "我自己办了")).problemCode(403))
			.isEqualTo("NOT_THE_RUNNER");

		// done with the money: spent more than received is refused beside the field
		assertThat(api.post(path + "/complete", runner,
				Map.of("note", "药已买回", "moneyReceived", 100, "moneySpent", 120)).errorFields())
			.containsExactly("moneySpent");
		JsonNode done = api.post(path + "/complete", runner,
				Map.of("note", "药已买回，发票交给老人", "moneyReceived", 100, "moneySpent", 86.5)).json();
		assertThat(done.path("state").asString()).isEqualTo("DONE");
		assertThat(done.path("change").decimalValue()).isEqualByComparingTo("13.5");
		assertThat(api.post(path + "/confirm", runner, null).problemCode(403)).isEqualTo("OWN_WORK");
		assertThat(api.post(path + "/confirm", desk, null).problemCode(403)).isEqualTo("NOT_THE_RESIDENT");

		JsonNode confirmed = api.post(path + "/confirm", elder, null).json();
		assertThat(confirmed.path("state").asString()).isEqualTo("CONFIRMED");
		assertThat(api.post(path + "/confirm", elder, null).problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		JsonNode detail = api.get(path, elder).json();
		assertThat(detail.path("steps").findValuesAsString("state")).containsExactly("REQUESTED", "ASSIGNED", "DONE",
				"CONFIRMED");
		// another community's desk, another resident: it does not exist for them
		assertThat(api.get(path, api.tokenOf("mudong")).status()).isEqualTo(404);
		assertThat(api.get(path, api.tokenOf("jumin03")).status()).isEqualTo(404);
		Response xlsx = api.get("/api/v1/errands.xlsx", desk);
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).contains("spreadsheetml");
	}

	@Test
	void theDemosPointsActivitiesAndErrandsAreTheSeedsFigures() {
		String district = api.tokenOf("banan");
		List<JsonNode> points = api.get("/api/v1/service-points", district).list();
		Map<String, String> byName = points.stream()
			.collect(Collectors.toMap(p -> p.path("name").asString(), p -> p.path("id").asString(), (a, b) -> a));
		assertThat(byName).containsKeys("爱心驿站", "暖心驿站", "初心驿站", "贴心驿站", "下新新社区养老服务站", "新河街党群服务站",
				"走马梁社区党群服务站", "东城社区党群服务中心");
		assertThat(api.get("/api/v1/service-points", api.tokenOf("mudong")).list().stream()
			.filter(p -> p.path("kind").asString().equals("POST"))
			.map(p -> p.path("name").asString())
			.toList()).containsExactlyInAnyOrder("爱心驿站", "暖心驿站", "初心驿站", "贴心驿站");
		JsonNode care = api.get("/api/v1/service-points/" + byName.get("下新新社区养老服务站"), district).json();
		assertThat(care.path("rooms").findValuesAsString("name")).containsExactlyInAnyOrder("休闲娱乐室", "图书学习室",
				"日间休息室", "健身康复室", "社会工作室", "老人饭堂");
		JsonNode station = api.get("/api/v1/service-points/" + byName.get("新河街党群服务站"), district).json();
		assertThat(station.path("figures").path("activities").asLong()).isEqualTo(20);
		assertThat(station.path("figures").path("attendance").asLong()).isEqualTo(1036);

		List<JsonNode> confirmed = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode queue = api.get("/api/v1/errands?state=CONFIRMED&page=" + page, district).json().path("queue");
			queue.path("errands").forEach(confirmed::add);
			if (!queue.path("more").asBoolean()) {
				break;
			}
		}
		List<JsonNode> zoumaliang = confirmed.stream()
			.filter(e -> e.path("dwellingLabel").asString().startsWith("走马二村"))
			.toList();
		assertThat(zoumaliang).hasSizeGreaterThanOrEqualTo(30);
		Set<String> runners = zoumaliang.stream().map(e -> e.path("runnerName").asString()).collect(Collectors.toSet());
		assertThat(runners).hasSize(10);

		// the report's network beside the sample: 90+ grid stations, 1,700+ workers on duty there — the district's
		// figures, read by its communities too, and labelled as the report's
		for (String account : List.of("banan", "mudong")) {
			String page = new WebSession(port).loggedInAs(account, ApiClient.DEMO_PASSWORD).get("/servicepoints")
				.body();
			String stated = page.substring(page.indexOf("id=\"stated-figures\""));
			assertThat(stated).contains("网格党群服务站", ">90<", "常态化驻点服务的社区工作者", ">1700<", "种子材料003");
		}
	}

	@Test
	void dongchengsCircleAddsUpAndLeavesItsFarCornerOutside() {
		String desk = api.tokenOf("dongcheng");
		JsonNode coverage = api.get("/api/v1/service-points/coverage?limit=2000", desk).json();
		assertThat(coverage.path("method").path("detourFactor").asDouble()).isEqualTo(1.3);
		assertThat(coverage.path("method").path("metresPerMinute").asDouble()).isEqualTo(80);
		List<JsonNode> areas = new ArrayList<>();
		coverage.path("areas").forEach(areas::add);
		JsonNode community = areas.stream().filter(a -> a.path("level").asString().equals("COMMUNITY")).findFirst()
			.orElseThrow();
		assertThat(community.path("name").asString()).isEqualTo("东城社区");
		int dwellings = community.path("dwellings").asInt();
		int within = community.path("within").asInt();
		int outside = 0;
		for (JsonNode b : coverage.path("outside")) {
			assertThat(b.path("minutes").asDouble()).isGreaterThan(15);
			outside += b.path("dwellings").asInt();
		}
		assertThat(within + outside).as("every dwelling is inside or listed outside").isEqualTo(dwellings);
		assertThat(areas.stream().filter(a -> a.path("level").asString().equals("GRID"))
			.mapToInt(a -> a.path("dwellings").asInt()).sum()).isEqualTo(dwellings);
		assertThat(within).isPositive();
		// another community's desk sees its own circle, not 东城's
		assertThat(api.get("/api/v1/service-points/coverage", api.tokenOf("mudong")).json().path("areas")
			.findValuesAsString("name")).doesNotContain("东城社区").contains("金银桥社区");
	}
}
