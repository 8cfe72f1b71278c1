package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12: 三事分流 — a community or public matter reported as an incident becomes the residents' topic (转议事), once,
 * linked both ways: the topic names its incident, the incident's page leads to the topic. A private matter does not.
 */
@ZhizhiIntegrationTest
class TopicFromIncidentIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aCommunityMatterBecomesATopicOnceAndTheIncidentLeadsToIt() throws Exception {
		String desk = api.tokenOf("dongcheng");
		UUID incident = triaged("小区消防通道被私家车长期占用，需要居民商量停车办法 " + UUID.randomUUID(), "COMMUNITY");
		String estate = api.get("/api/v1/estates?communityId=" + api.orgUnitId("东城社区"), desk).json().get(0).path("id")
			.asString();
		Map<String, Object> raise = new LinkedHashMap<>();
		raise.put("title", "消防通道停车怎么管");
		raise.put("description", "消防通道长期被占，吹哨后仍反复，请居民一起议定停车公约");
		raise.put("placeKind", "ESTATE");
		raise.put("placeId", estate);
		raise.put("incidentId", incident.toString());
		Response raised = api.post("/api/v1/topics", desk, raise);
		assertThat(raised.status()).as(raised.brief()).isEqualTo(201);
		JsonNode topic = raised.json();
		assertThat(topic.path("raisedThrough").asString()).isEqualTo("INCIDENT");
		assertThat(topic.path("sourceIncidentId").asString()).isEqualTo(incident.toString());
		assertThat(api.post("/api/v1/topics", desk, raise).problemCode(409)).isEqualTo("ALREADY_A_TOPIC");

		// the incident's page leads to its topic
		WebSession page = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		assertThat(page.get("/incidents/" + incident).body()).contains("/topics/from-incident/" + incident);
		assertThat(WebSession.location(page.get("/topics/from-incident/" + incident)))
			.isEqualTo("/topics/" + topic.path("id").asString());

		UUID personal = triaged("邻里之间漏水纠纷 " + UUID.randomUUID(), "PRIVATE");
		raise.put("incidentId", personal.toString());
		Response refused = api.post("/api/v1/topics", desk, raise);
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("incidentId");
		assertThat(page.get("/incidents/" + personal).body()).doesNotContain("/topics/from-incident/");
	}

	private UUID triaged(String description, String triage) throws Exception {
		return IncidentsToDeliberate.triaged(api, port, description, triage);
	}
}
