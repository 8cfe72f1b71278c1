package org.zhizhi.servicepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 14, who came to an activity counted on the pages: the booker counts on 预约活动室 once it has begun (not
 * before), the desk sees the count on the point's page; nobody else is offered the form.
 */
@ZhizhiIntegrationTest
class AttendancePagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Test
	void theBookerCountsWhoCameOnceItHasBegun() {
		ApiClient api = new ApiClient(port);
		String desk = api.tokenOf("dongcheng");
		Map<String, Object> point = new LinkedHashMap<>();
		point.put("orgUnitId", api.get("/api/v1/me", desk).json().path("scope").path("id").asString());
		point.put("name", "测试驿站" + UUID.randomUUID().toString().substring(0, 6));
		point.put("kind", "POST");
		point.put("address", "界石镇东城社区");
		point.put("lat", 29.4012);
		point.put("lng", 106.6431);
		point.put("hours", "每天 8:00-20:00");
		point.put("services", List.of("ACTIVITIES"));
		String pointId = api.post("/api/v1/service-points", desk, point).json().path("id").asString();
		String roomId = api.post("/api/v1/service-points/" + pointId + "/rooms", desk,
				Map.of("name", "活动室", "capacity", 40)).json().path("id").asString();
		Instant start = clock.instant().plus(Duration.ofMinutes(30));
		String bookingId = api.post("/api/v1/service-points/bookings", api.tokenOf("jumin02"), Map.of("roomId", roomId,
				"title", "棋牌活动", "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(2)).toString(),
				"expected", 20)).json().path("id").asString();

		WebSession booker = new WebSession(port).loggedInAs("jumin02", ApiClient.DEMO_PASSWORD);
		assertThat(booker.get("/m/rooms").body()).as("not before it begins")
			.doesNotContain("/servicepoints/bookings/" + bookingId + "/attendance");
		clock.advance(Duration.ofMinutes(40));
		assertThat(booker.get("/m/rooms").body()).contains("/servicepoints/bookings/" + bookingId + "/attendance");
		booker.submit("/m/rooms", "/servicepoints/bookings/" + bookingId + "/attendance", Map.of("attendance", "18"));
		assertThat(booker.get("/m/rooms").body()).contains("到场人数已记录");

		WebSession deskPages = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String page = deskPages.get("/servicepoints/" + pointId).body();
		assertThat(page).contains("棋牌活动", ">18<");
		WebSession neighbour = new WebSession(port).loggedInAs("jumin03", ApiClient.DEMO_PASSWORD);
		assertThat(neighbour.get("/m/rooms").body()).doesNotContain("/servicepoints/bookings/" + bookingId);
	}
}
