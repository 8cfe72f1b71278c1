package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12, done means: "open 新河街's 逢四说事 history and its ¥10 decision" — the demo district's deliberation as
 * the seeds tell it, read through the API by the district.
 */
@ZhizhiIntegrationTest
class DemoDeliberationIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void xinheStreetsTenYuanDecisionWentThroughAllFiveStagesWith380Households() {
		String banan = api.tokenOf("banan");
		JsonNode closed = api.get("/api/v1/topics?state=CLOSED", banan).json();
		String id = null;
		for (JsonNode topic : closed) {
			if (topic.path("title").asString().equals("聘请保洁员，每户每月10元")) {
				id = topic.path("id").asString();
			}
		}
		assertThat(id).as("新河街's topic among %s", closed.findValuesAsString("title")).isNotNull();
		JsonNode topic = api.get("/api/v1/topics/" + id, banan).json();
		assertThat(topic.path("placeName").asString()).isEqualTo("新河街");
		assertThat(topic.path("round").asInt()).as("5 rounds of collecting opinions").isEqualTo(5);
		assertThat(topic.path("voteRule").asString()).isEqualTo("HOUSEHOLD_MAJORITY");
		assertThat(topic.path("count").path("households").asLong()).isEqualTo(380);
		assertThat(topic.path("count").path("yes").asLong()).as("380 households agreed").isEqualTo(380);
		assertThat(topic.path("decision").path("passed").asBoolean()).isTrue();
		assertThat(topic.path("tasks").findValuesAsString("title")).anyMatch(t -> t.contains("2 名保洁员"));
		assertThat(topic.path("tasks").findValuesAsString("owner")).anyMatch(o -> o.contains("12 名党员、9 名居民"));
		assertThat(topic.path("ratings").path("count").asLong()).isPositive();
		assertThat(topic.path("timeline").findValuesAsString("action")).containsSubsequence("RAISE", "ADMIT",
				"OPEN_ROUND", "OPEN_VOTING", "CLOSE_VOTING", "ADD_TASK", "FINISH_EXECUTION", "CLOSE");

		JsonNode past = api.get("/api/v1/deliberation-meetings?past=true", banan).json();
		List<JsonNode> talks = new ArrayList<>();
		past.forEach(m -> {
			if (m.path("format").asString().equals("FOURTH_DAY_TALK") && m.path("placeName").asString().equals("新河街")) {
				talks.add(m);
			}
		});
		assertThat(talks).as("a 逢四说事 every month of the past year").hasSize(11);
		assertThat(talks).allSatisfy(m -> {
			assertThat(m.path("state").asString()).isEqualTo("HELD");
			assertThat(m.path("minutes").asString()).isNotBlank();
		});
		assertThat(talks).extracting(m -> m.path("agenda").findValuesAsString("topicId")).anyMatch(a -> a.contains(
				topic.path("id").asString()));
		JsonNode upcoming = api.get("/api/v1/deliberation-meetings", banan).json();
		assertThat(upcoming.findValuesAsString("format")).contains("FOURTH_DAY_TALK", "REPRESENTATIVES");
	}

	/** 长生雅苑 (004): the fire lane, decided by the branch after its 院坝会 heard the residents, carried out in three tasks. */
	@Test
	void changshengYayuansFireLaneWasDecidedByTheBranchAfterItsCourtyardMeeting() {
		String admin = api.tokenOf("nanan");
		JsonNode lane = null;
		for (JsonNode topic : api.get("/api/v1/topics?state=CLOSED", admin).json()) {
			if (topic.path("title").asString().equals("打通消防通道“生命通道”")) {
				lane = api.get("/api/v1/topics/" + topic.path("id").asString(), admin).json();
			}
		}
		assertThat(lane).as("长生雅苑's fire lane topic").isNotNull();
		assertThat(lane.path("placeName").asString()).isEqualTo("长生雅苑");
		assertThat(lane.path("voteRule").asString()).isEqualTo("BRANCH");
		assertThat(lane.path("decision").path("passed").asBoolean()).isTrue();
		assertThat(lane.path("decision").path("note").asString()).contains("支委会", "党员大会", "院坝会");
		assertThat(lane.path("tasks").findValuesAsString("title")).containsExactly("清理占用消防通道的外来车辆，施划禁停标线",
				"拓宽车道、修建露天停车场", "平整场地、硬化路面");
		assertThat(lane.path("tasks").findValuesAsString("note")).anyMatch(n -> n.contains("免费提供挖掘机"));
		assertThat(lane.path("timeline").findValuesAsString("action")).containsSubsequence("RAISE", "ADMIT",
				"OPEN_ROUND", "RECORD_DECISION", "ADD_TASK", "FINISH_EXECUTION", "CLOSE");
		String laneId = lane.path("id").asString();
		JsonNode courtyard = null;
		for (JsonNode m : api.get("/api/v1/deliberation-meetings?past=true", admin).json()) {
			if (m.path("format").asString().equals("COURTYARD") && m.path("placeName").asString().equals("长生雅苑")) {
				courtyard = m;
			}
		}
		assertThat(courtyard).as("长生雅苑's 院坝会").isNotNull();
		assertThat(courtyard.path("state").asString()).isEqualTo("HELD");
		assertThat(courtyard.path("agenda").findValuesAsString("topicId")).containsExactly(laneId);
	}

	/** 东城社区 6栋's lift: an incident triaged a community matter, turned into a topic (转议事), linked both ways. */
	@Test
	void sixthBuildingsLiftIsATopicRaisedFromItsIncident() {
		String desk = api.tokenOf("dongcheng");
		JsonNode lift = null;
		for (JsonNode topic : api.get("/api/v1/topics?state=DELIBERATING", desk).json()) {
			if (topic.path("title").asString().equals("6栋加装电梯")) {
				lift = api.get("/api/v1/topics/" + topic.path("id").asString(), desk).json();
			}
		}
		assertThat(lift).as("6栋's lift topic").isNotNull();
		assertThat(lift.path("raisedThrough").asString()).isEqualTo("INCIDENT");
		assertThat(lift.path("round").asInt()).isEqualTo(2);
		JsonNode incident = api.get("/api/v1/incidents/" + lift.path("sourceIncidentId").asString(), desk).json()
			.path("incident");
		assertThat(incident.path("categoryCode").asString()).isEqualTo("ELEVATOR_RETROFIT");
		assertThat(incident.path("triage").asString()).isEqualTo("COMMUNITY");
	}

	/** The estate's public page: what was decided and done, aggregates only, for anyone without signing in. */
	@Test
	void xinheStreetsPublicPageShowsTheDecisionButNoHouseholdsVoteOrDwelling() throws Exception {
		String banan = api.tokenOf("banan");
		String estate = api.get("/api/v1/estates?name=新河街", banan).json().get(0).path("id").asString();
		java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
					"http://localhost:" + port + "/public/estates/" + estate + "/deliberation")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("新河街 · 议事公开", "聘请保洁员，每户每月10元", "同意 380 户，反对 0 户，弃权 0 户，应参与 380 户",
				"聘请 2 名保洁员");
		assertThat(page.body()).as("no dwelling, no household's vote").doesNotContain("单元").doesNotContain("IMPORTED");
		java.net.http.HttpResponse<String> none = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
					"http://localhost:" + port + "/public/estates/" + java.util.UUID.randomUUID() + "/deliberation")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(none.statusCode()).isEqualTo(404);
	}

	/** The seeds' path (004): over ¥6,000 from households at ¥30 each, ¥25,000 from 民泰基金, ¥18,000 from the street. */
	@Test
	void theCoFundedPathsLedgerAddsUpToTheSeedsFigures() {
		String banan = api.tokenOf("banan");
		String id = null;
		for (JsonNode topic : api.get("/api/v1/topics?state=CLOSED", banan).json()) {
			if (topic.path("title").asString().equals("修缮小区步道（共筹共建）")) {
				id = topic.path("id").asString();
			}
		}
		assertThat(id).isNotNull();
		JsonNode fund = api.get("/api/v1/topics/" + id + "/fund", banan).json();
		java.math.BigDecimal households = java.math.BigDecimal.ZERO;
		java.math.BigDecimal lines = java.math.BigDecimal.ZERO;
		java.util.Map<String, java.math.BigDecimal> organisations = new java.util.HashMap<>();
		for (JsonNode line : fund.path("lines")) {
			if (line.path("kind").asString().equals("PAYMENT")) {
				lines = lines.add(line.path("amount").decimalValue());
				if (line.path("source").asString().equals("HOUSEHOLD")) {
					households = households.add(line.path("amount").decimalValue());
					assertThat(line.path("amount").decimalValue()).isEqualByComparingTo("30");
				}
				else {
					organisations.put(line.path("sourceName").asString(), line.path("amount").decimalValue());
				}
			}
		}
		assertThat(households).isGreaterThan(new java.math.BigDecimal("6000"));
		assertThat(organisations.get("民泰基金")).isEqualByComparingTo("25000");
		assertThat(organisations.get("花溪街道")).isEqualByComparingTo("18000");
		assertThat(fund.path("paid").decimalValue()).isEqualByComparingTo(lines)
			.isEqualByComparingTo(households.add(new java.math.BigDecimal("43000")));
		assertThat(fund.path("spent").decimalValue()).isEqualByComparingTo("47500");
		assertThat(fund.path("balance").decimalValue())
			.isEqualByComparingTo(fund.path("paid").decimalValue().subtract(new java.math.BigDecimal("47500")));
	}

	/** The minutes of a 逢四说事 and the path's ledger as .xlsx: the same figures as the pages. */
	@Test
	void minutesAndLedgerExportAsSpreadsheets() throws Exception {
		String banan = api.tokenOf("banan");
		JsonNode talk = null;
		for (JsonNode m : api.get("/api/v1/deliberation-meetings?past=true", banan).json()) {
			if (m.path("format").asString().equals("FOURTH_DAY_TALK")) {
				talk = m;
			}
		}
		assertThat(talk).isNotNull();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
				bytes("/api/v1/deliberation-meetings/" + talk.path("id").asString() + "/minutes.xlsx", banan)))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("新河街逢四说事");
			assertThat(book.getSheetAt(0).getRow(1).getCell(6).getStringCellValue())
				.isEqualTo(talk.path("minutes").asString());
		}
		String path = null;
		for (JsonNode topic : api.get("/api/v1/topics?state=CLOSED", banan).json()) {
			if (topic.path("title").asString().equals("修缮小区步道（共筹共建）")) {
				path = topic.path("id").asString();
			}
		}
		JsonNode fund = api.get("/api/v1/topics/" + path + "/fund", banan).json();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(bytes("/api/v1/topics/" + path + "/fund.xlsx", banan)))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue())
				.isEqualTo(fund.path("paid").asDouble());
			var lines = book.getSheetAt(1);
			assertThat(lines.getLastRowNum()).isEqualTo(fund.path("lines").size());
		}
	}

	private byte[] bytes(String path, String token) throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		return response.body();
	}

	/** 新河街's guardians (12 members and 9 residents) and 钱佳花园's 四个一, complete. */
	@Test
	void xinheStreetsGuardiansAndQianjiaGardensFourOnes() {
		String banan = api.tokenOf("banan");
		String xinhe = api.get("/api/v1/estates?name=新河街", banan).json().get(0).path("id").asString();
		JsonNode governance = api.get("/api/v1/self-governance/estates/" + xinhe, banan).json();
		JsonNode guardians = null;
		for (JsonNode body : governance.path("bodies")) {
			if (body.path("kind").asString().equals("GUARDIANS")) {
				guardians = body;
			}
		}
		assertThat(guardians).isNotNull();
		assertThat(guardians.path("members").size()).isEqualTo(21);
		long party = 0;
		for (JsonNode m : guardians.path("members")) {
			party += m.path("partyMember").asBoolean() ? 1 : 0;
			assertThat(m.path("buildingName").asString()).isNotBlank();
		}
		assertThat(party).isEqualTo(12);

		String qianjia = api.get("/api/v1/estates?name=钱佳花园", banan).json().get(0).path("id").asString();
		JsonNode fourOnes = api.get("/api/v1/self-governance/estates/" + qianjia, banan).json().path("fourOnes");
		assertThat(fourOnes.path("proposalLetter").asBoolean()).isTrue();
		assertThat(fourOnes.path("supervisionTeam").asBoolean()).isTrue();
		assertThat(fourOnes.path("convention").asBoolean()).isTrue();
		assertThat(fourOnes.path("consultation").asBoolean()).isTrue();
	}
}
