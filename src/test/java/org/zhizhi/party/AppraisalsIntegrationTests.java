package org.zhizhi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * 民主评议党员 and the branch assessment through the API, each test with a branch of its own under 下新新社区: one round a
 * branch a year (two desks at once: one round), a result per member with its reason below 合格, closed only complete;
 * the assessment scored by the evaluation engine on the PARTY_BRANCH template.
 */
@ZhizhiIntegrationTest
class AppraisalsIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	private String banan;

	private String branchId;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		banan = api.tokenOf("banan");
		Response branch = api.post("/api/v1/party-orgs", banan, Map.of("name",
				"下新新评议测试党支部" + UUID.randomUUID().toString().substring(0, 6), "level", "BRANCH", "placeId",
				api.orgUnitId("下新新社区").toString()));
		assertThat(branch.status()).as(branch.brief()).isEqualTo(201);
		branchId = branch.json().path("id").asString();
	}

	private String member(String name) {
		return api.post("/api/v1/party-members", banan, Map.of("orgId", branchId, "name", name, "gender", "MALE",
				"joinedOn", "1998-07-01", "kind", "REGULAR")).json().path("id").asString();
	}

	@Test
	void aBranchAppraisesEveryMemberOnceAYearAndClosesOnlyWhenComplete() {
		String good = member("唐志强");
		String weak = member("蒋德文");
		String body = "{\"orgId\":\"" + branchId + "\",\"year\":2025}";
		List<Response> twice = List.of(api.sendAsync("POST", "/api/v1/party-appraisals", banan, body),
				api.sendAsync("POST", "/api/v1/party-appraisals", banan, body))
			.stream()
			.map(CompletableFuture::join)
			.toList();
		assertThat(twice).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
		assertThat(twice.stream().filter(r -> r.status() == 409).findFirst().orElseThrow().json().path("code")
			.asString()).isEqualTo("APPRAISAL_EXISTS");
		String round = twice.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json()
			.path("appraisal").path("id").asString();

		Response noReason = api.post("/api/v1/party-appraisals/" + round + "/results", banan,
				Map.of("memberId", weak, "grade", "UNQUALIFIED"));
		assertThat(noReason.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noReason.errorFields()).containsExactly("note");
		api.post("/api/v1/party-appraisals/" + round + "/results", banan, Map.of("memberId", good, "grade", "EXCELLENT"));
		assertThat(api.post("/api/v1/party-appraisals/" + round + "/close", banan, null).problemCode(409))
			.isEqualTo("APPRAISAL_INCOMPLETE");

		JsonNode complete = api.post("/api/v1/party-appraisals/" + round + "/results", banan,
				Map.of("memberId", weak, "grade", "BASICALLY_QUALIFIED", "note", "长期不参加组织生活")).json();
		assertThat(complete.path("missing").asLong()).isZero();
		assertThat(complete.path("counts").path("EXCELLENT").asLong()).isEqualTo(1);
		JsonNode closed = api.post("/api/v1/party-appraisals/" + round + "/close", banan, null).json();
		assertThat(closed.path("appraisal").path("state").asString()).isEqualTo("CLOSED");
		assertThat(api.post("/api/v1/party-appraisals/" + round + "/results", banan,
				Map.of("memberId", good, "grade", "QUALIFIED")).problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
	}

	@Test
	void theBranchAssessmentIsScoredByTheEvaluationEngineOnItsOwnTemplate() {
		JsonNode template = api.get("/api/v1/branch-assessments/template", banan).json();
		assertThat(template.path("code").asString()).isEqualTo("PARTY_BRANCH");
		List<String> codes = template.findValuesAsString("code").stream().filter(c -> c.matches("[A-E]\\d\\d")).toList();
		assertThat(codes).hasSize(15);

		Map<String, Object> partial = new HashMap<>(Map.of("orgId", branchId, "year", 2025, "marks",
				Map.of("A01", "PASS")));
		Response refused = api.post("/api/v1/branch-assessments", banan, partial);
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("marks");

		Map<String, String> marks = new LinkedHashMap<>();
		codes.forEach(code -> marks.put(code, code.equals("B02") || code.equals("E01") ? "FAIL" : "PASS"));
		Response assessed = api.post("/api/v1/branch-assessments", banan,
				Map.of("orgId", branchId, "year", 2025, "marks", marks));
		assertThat(assessed.status()).as(assessed.brief()).isEqualTo(201);
		assertThat(assessed.json().path("awarded").asInt()).isEqualTo(86);
		assertThat(assessed.json().path("possible").asInt()).isEqualTo(100);
		assertThat(api.post("/api/v1/branch-assessments", banan, Map.of("orgId", branchId, "year", 2025, "marks",
				marks)).problemCode(409)).isEqualTo("ASSESSMENT_EXISTS");
		assertThat(api.get("/api/v1/branch-assessments?orgId=" + branchId, banan).list()).hasSize(1);
	}
}
