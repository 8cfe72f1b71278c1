package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 14, property disputes over HTTP: the demo's 金鹤社区 case (seed 004: ¥50,000 asked, ¥15,000 agreed by the three
 * parties) read back; a dispute recorded by the desk of its scope, mediated, agreed, followed up and closed — no
 * agreement before a session, no closing before a follow-up; another referred; nobody outside the scope sees them.
 */
@ZhizhiIntegrationTest
class DisputesIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theThreePartiesSettledTheScooterCaseAtFifteenThousand() {
		List<JsonNode> disputes = api.get("/api/v1/property/disputes", api.tokenOf("nanan")).list();
		JsonNode scooter = disputes.stream()
			.filter(d -> d.path("facts").path("title").asString().equals("小孩玩滑板车撞倒老人"))
			.findFirst()
			.orElseThrow();
		assertThat(scooter.path("facts").path("claimedCents").asLong()).isEqualTo(50_000_00L);
		assertThat(scooter.path("agreedCents").asLong()).isEqualTo(15_000_00L);
		assertThat(scooter.path("state").asString()).isEqualTo("CLOSED");
		assertThat(scooter.path("sessions").asInt()).isEqualTo(3);
		assertThat(scooter.path("steps").findValuesAsString("present").getFirst()).contains("物业", "业委会", "党支部");
		assertThat(api.get("/api/v1/property/disputes", api.tokenOf("banan")).list())
			.as("巴南's desk sees none of 南岸's").noneMatch(d -> d.path("facts").path("estateName").asString()
				.equals("华城国际"));
	}

	@Test
	void aDisputeIsMediatedAgreedFollowedUpAndClosedInThatOrder() {
		String desk = api.tokenOf("nanan");
		String estate = api.estateId(desk, "华城国际").toString();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("estateId", api.estateId(api.tokenOf("banan"), "新河街").toString());
		body.put("title", "楼上漏水殃及楼下");
		body.put("kind", "NEIGHBOUR");
		body.put("parties", "2 栋 1201 业主；2 栋 1101 业主");
		body.put("account", "楼上卫生间防水层老化，楼下天花板渗水，楼下要求赔偿装修损失。");
		body.put("claimedCents", 8_000_00);
		assertThat(api.post("/api/v1/property/disputes", desk, body).errorFields()).as("an estate of another district")
			.containsExactly("estateId");
		body.put("estateId", estate);
		assertThat(api.post("/api/v1/property/disputes", api.tokenOf("jumin01"), body).status()).isEqualTo(403);
		Response recorded = api.post("/api/v1/property/disputes", desk, body);
		assertThat(recorded.status()).as(recorded.brief()).isEqualTo(201);
		String base = "/api/v1/property/disputes/" + recorded.json().path("id").asString();
		assertThat(recorded.json().path("allowedActions").toString()).contains("SESSION").doesNotContain("SETTLE");

		Map<String, Object> agreement = Map.of("agreedCents", 3_000_00, "terms", "楼上业主修复防水层并赔偿 3,000 元");
		assertThat(api.post(base + "/settlement", desk, agreement).problemCode(409)).isEqualTo("NOT_MEDIATED");
		assertThat(api.post(base + "/sessions", desk, Map.of("note", "")).errorFields()).containsExactly("note");
		assertThat(api.post(base + "/sessions", desk, Map.of("present", "党支部、物业、业委会、双方业主", "note",
				"物业上门查看，确认渗水来源。")).status()).isEqualTo(201);
		JsonNode settled = api.post(base + "/settlement", desk, agreement).json();
		assertThat(settled.path("state").asString()).isEqualTo("SETTLED");
		assertThat(settled.path("agreedCents").asLong()).isEqualTo(3_000_00);
		assertThat(api.post(base + "/closure", desk, Map.of()).problemCode(409)).isEqualTo("NOT_FOLLOWED_UP");
		assertThat(api.post(base + "/follow-ups", desk, Map.of("note", "防水已修复，赔偿已付。")).status()).isEqualTo(201);
		JsonNode closed = api.post(base + "/closure", desk, Map.of()).json();
		assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.path("steps").findValuesAsString("kind")).containsExactly("SESSION", "FOLLOW_UP");
		assertThat(api.get(base, api.tokenOf("banan")).status()).as("another district's desk").isEqualTo(404);
	}

	@Test
	void withoutAgreementItIsReferred() {
		String desk = api.tokenOf("nanan");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("estateId", api.estateId(desk, "华城国际").toString());
		body.put("title", "物业费上涨争议");
		body.put("kind", "FEES");
		body.put("parties", "部分业主；物业公司");
		body.put("account", "物业拟上调物业费，部分业主不同意。");
		String base = "/api/v1/property/disputes/" + api.post("/api/v1/property/disputes", desk, body).json()
			.path("id").asString();
		api.post(base + "/sessions", desk, Map.of("note", "三方座谈，未达成一致。"));
		JsonNode referred = api.post(base + "/referral", desk, Map.of("to", "花园路街道人民调解委员会")).json();
		assertThat(referred.path("state").asString()).isEqualTo("REFERRED");
		assertThat(referred.path("allowedActions")).isEmpty();
	}
}
