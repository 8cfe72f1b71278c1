package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12: an estate's bodies and guardians, and its conventions — drafted, deliberated as topics, adopted when the
 * topic passes, versioned — with the 四个一 checklist showing what exists.
 */
@ZhizhiIntegrationTest
class SelfGovernanceIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void conventionsAreAdoptedByTheResidentsAndTheFourOnesFillUp() {
		String desk = api.tokenOf("dongcheng");
		String estate = api.get("/api/v1/estates?communityId=" + api.orgUnitId("东城社区"), desk).json().get(0).path("id")
			.asString();
		String governance = "/api/v1/self-governance/estates/" + estate;

		Response body = api.post("/api/v1/self-governance/bodies", desk,
				Map.of("estateId", estate, "kind", "GUARDIANS", "name", "守护楼员队伍", "termStart", "2026-01-01"));
		assertThat(body.status()).as(body.brief()).isEqualTo(201);
		String guardians = body.json().path("id").asString();
		Response noBuilding = api.post("/api/v1/self-governance/bodies/" + guardians + "/members", desk,
				Map.of("name", "陈党员", "role", "守护楼员", "partyMember", true, "joinedOn", "2026-02-01"));
		assertThat(noBuilding.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noBuilding.json().path("errors").get(0).path("field").asString()).isEqualTo("buildingId");
		Response badTerm = api.post("/api/v1/self-governance/bodies", desk, Map.of("estateId", estate, "kind",
				"SUPERVISORY", "name", "监督队", "termStart", "2026-01-01", "termEnd", "2025-12-31"));
		assertThat(badTerm.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(api.post("/api/v1/self-governance/bodies", desk, Map.of("estateId", estate, "kind", "SUPERVISORY",
				"name", "居民监督队", "termStart", "2026-01-01", "termEnd", "2028-12-31")).status()).isEqualTo(201);

		String topic = draft(desk, estate, "CONVENTION", "文明养犬公约", null, "一、出门牵绳；二、及时清理粪便；三、不在楼道内饲养。");
		JsonNode before = api.get(governance, desk).json();
		JsonNode convention = find(before.path("conventions"), "文明养犬公约");
		assertThat(convention.path("adoptedVersion").isNull()).isTrue();
		assertThat(convention.path("draftTopicId").asString()).isEqualTo(topic);
		assertThat(before.path("fourOnes").path("convention").asBoolean()).isFalse();
		assertThat(before.path("fourOnes").path("supervisionTeam").asBoolean()).isTrue();

		decide(desk, topic);
		JsonNode after = api.get(governance, desk).json();
		convention = find(after.path("conventions"), "文明养犬公约");
		assertThat(convention.path("adoptedVersion").asInt()).isEqualTo(1);
		assertThat(convention.path("adoptedText").asString()).startsWith("一、出门牵绳");
		assertThat(convention.path("draftTopicId").isNull()).isTrue();
		assertThat(after.path("fourOnes").path("convention").asBoolean()).isTrue();
		assertThat(after.path("fourOnes").path("consultation").asBoolean()).isTrue();

		// a revision is a new version, adopted only when its own topic passes
		String revision = draft(desk, estate, "CONVENTION", "ignored", convention.path("id").asString(),
				"一、出门牵绳；二、及时清理粪便；三、不在楼道内饲养；四、大型犬进电梯须抱起或戴嘴套。");
		JsonNode revised = find(api.get(governance, desk).json().path("conventions"), "文明养犬公约");
		assertThat(revised.path("adoptedVersion").asInt()).as("still the first").isEqualTo(1);
		assertThat(revised.path("draftTopicId").asString()).isEqualTo(revision);
		decide(desk, revision);
		revised = find(api.get(governance, desk).json().path("conventions"), "文明养犬公约");
		assertThat(revised.path("adoptedVersion").asInt()).isEqualTo(2);
		assertThat(revised.path("adoptedText").asString()).contains("嘴套");

		decide(desk, draft(desk, estate, "PROPOSAL", "垃圾分类倡议书", null, "倡议每户按时按类投放，志愿者每周督导。"));
		assertThat(api.get(governance, desk).json().path("fourOnes").path("proposalLetter").asBoolean()).isTrue();
		assertThat(api.get(governance, api.tokenOf("mudong")).problemCode(404)).isEqualTo("NOT_FOUND");
	}

	private String draft(String desk, String estate, String kind, String title, String conventionId, String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("estateId", estate);
		body.put("kind", kind);
		body.put("title", title);
		body.put("conventionId", conventionId);
		body.put("text", text);
		Response drafted = api.post("/api/v1/self-governance/conventions", desk, body);
		assertThat(drafted.status()).as(drafted.brief()).isEqualTo(201);
		return drafted.json().path("topicId").asString();
	}

	private void decide(String desk, String topic) {
		api.post("/api/v1/topics/" + topic + "/admission", desk, Map.of());
		Response decided = api.post("/api/v1/topics/" + topic + "/decision", desk,
				Map.of("rule", "REPRESENTATIVES", "passed", true, "minutes", "居民代表会议讨论通过"));
		assertThat(decided.status()).as(decided.brief()).isEqualTo(200);
	}

	private static JsonNode find(JsonNode conventions, String title) {
		for (JsonNode c : conventions) {
			if (c.path("title").asString().equals(title)) {
				return c;
			}
		}
		throw new AssertionError("no convention " + title + " in " + conventions);
	}
}
