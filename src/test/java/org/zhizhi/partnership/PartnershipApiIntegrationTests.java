package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.partnership.PartnershipCommands.NewPartner;
import org.zhizhi.partnership.PartnershipImports.PastClaim;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

import tools.jackson.databind.JsonNode;

/**
 * Partnership over real HTTP: the demo's partners, two-way claiming with its limits under concurrent requests, the
 * delivery loop into the ranking, matching order with the penalty of a just-matched unit, rates against values
 * computed by hand, and a public page without a person's data.
 */
@ZhizhiIntegrationTest
class PartnershipApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PartnershipImports imports;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	DataSource dataSource;

	@Autowired
	TestClock clock;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private String mudong() {
		return api.tokenOf("mudong");
	}

	private UUID jinyinqiao() {
		return api.orgUnitId("金银桥社区");
	}

	private Map<String, Object> need(UUID community, String title, String quantity, String measure) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityId", community);
		body.put("kind", "NEED");
		body.put("title", title);
		body.put("category", "ELDERLY_CARE");
		body.put("description", "测试需求");
		body.put("quantity", new BigDecimal(quantity));
		body.put("measure", measure);
		body.put("periodStart", clock.today().toString());
		body.put("periodEnd", clock.today().plusMonths(2).toString());
		return body;
	}

	private String publish(String token, Map<String, Object> body) {
		Response response = api.post("/api/v1/partnership/items", token, body);
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	private String addPartner(String token, UUID community, String name, Double lat, Double lng) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityId", community);
		body.put("name", name);
		body.put("type", "ENTERPRISE");
		body.put("contactName", "测试联系人");
		body.put("contactPhone", "13800001111");
		body.put("lat", lat);
		body.put("lng", lng);
		Response response = api.post("/api/v1/partners", token, body);
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	private String partnerId(String token, String name) {
		return api.get("/api/v1/partners", token)
			.list()
			.stream()
			.filter(p -> p.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
	}

	private Response claim(String token, String itemId, String partnerId, String amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("partnerId", partnerId);
		body.put("amount", amount == null ? null : new BigDecimal(amount));
		return api.post("/api/v1/partnership/items/" + itemId + "/claims", token, body);
	}

	// --- demo ------------------------------------------------------------------------------------------------------

	@Test
	void theDemoShowsJinyinqiaosPartnersTheirMaskedContactsTheFundAndThisYearsRates() {
		List<JsonNode> partners = api.get("/api/v1/partners?communityId=" + jinyinqiao(), mudong()).list();
		assertThat(partners).extracting(p -> p.path("name").asString())
			.contains("木洞小学", "国药控股重庆崇恩医药", "重庆新希望生物", "木洞文旅公司", "国际生物城小学");
		JsonNode school = partners.stream().filter(p -> p.path("name").asString().equals("木洞小学")).findFirst().orElseThrow();
		assertThat(school.path("contactPhone").asString()).isEqualTo("139****1101");
		assertThat(school.path("contactName").asString()).isEqualTo("陈**");
		assertThat(partners.stream().filter(p -> p.path("name").asString().equals("重庆新希望生物")).findFirst()
			.orElseThrow().path("agreementSigned").asBoolean()).as("flagged: no agreement this year").isFalse();
		// the detail, for the community's staff, is in full
		assertThat(api.get("/api/v1/partners/" + school.path("id").asString(), mudong()).json().path("contactPhone")
			.asString()).isEqualTo("13908321101");

		List<JsonNode> resources = api.get("/api/v1/partnership/items?kind=RESOURCE&communityId=" + jinyinqiao(), mudong()).list();
		JsonNode fund = resources.stream().filter(r -> r.path("offeredByName").asString().equals("国际生物城小学"))
			.findFirst().orElseThrow();
		assertThat(fund.path("quantity").decimalValue()).isEqualByComparingTo("600000");
		List<JsonNode> projects = api.get("/api/v1/partnership/items?kind=PROJECT&communityId=" + jinyinqiao(), mudong()).list();
		assertThat(projects.stream().filter(p -> p.path("status").asString().equals("COMPLETED"))
			.map(p -> p.path("title").asString()))
			.contains("健康社区", "春蕾圆梦", "道路整修", "污水管网疏通维护", "农产品代销", "金喇叭宣讲");
		assertThat(projects).extracting(p -> p.path("title").asString()).contains("暑期公益课堂");

		JsonNode rates = api.get("/api/v1/partnership/rates?communityId=" + jinyinqiao(), mudong()).json();
		assertThat(rates.path("published").asLong()).isGreaterThanOrEqualTo(3);

		// 东城社区's fifteen partners, the power station among the delivering ones
		List<JsonNode> dongcheng = api.get("/api/v1/partners", api.tokenOf("dongcheng")).list();
		assertThat(dongcheng).hasSizeGreaterThanOrEqualTo(15);
		List<JsonNode> ranking = api.get("/api/v1/partnership/ranking", api.tokenOf("dongcheng")).list();
		assertThat(ranking.get(0).path("contribution").path("partnerName").asString())
			.isEqualTo("国网重庆市南供电公司鹿角供电所");
	}

	@Test
	void aLiaisonSeesOnlyHisOwnUnit() {
		String school = api.tokenOf("mudong-school");
		List<JsonNode> partners = api.get("/api/v1/partners", school).list();
		assertThat(partners).extracting(p -> p.path("name").asString()).containsExactly("木洞小学");
		String other = partnerId(mudong(), "国药控股重庆崇恩医药");
		assertThat(api.get("/api/v1/partners/" + other, school).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/partners/" + other + "/claims", school).status()).isEqualTo(404);
		// and a resident does not work with partnership at all
		assertThat(api.get("/api/v1/partnership/items", api.tokenOf("jumin01")).problemCode(403)).isEqualTo("FORBIDDEN");
	}

	// --- claiming --------------------------------------------------------------------------------------------------

	@Test
	void claimsSplitUpToTheQuantityAndARepeatedClaimChangesNothing() {
		String needId = publish(mudong(), need(jinyinqiao(), "独居老人陪伴 " + UUID.randomUUID(), "10", "PEOPLE"));
		String school = api.tokenOf("mudong-school");

		Response first = claim(school, needId, null, "4");
		assertThat(first.status()).as(first.brief()).isEqualTo(201);
		assertThat(first.json().path("status").asString()).isEqualTo("PLEDGED");
		assertThat(first.json().path("dueOn").asString()).isNotBlank();
		Response again = claim(school, needId, null, "7");
		assertThat(again.status()).as("a repeated claim answers the existing pledge").isEqualTo(200);
		assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
		assertThat(again.json().path("amount").decimalValue()).isEqualByComparingTo("4");

		String pharma = partnerId(mudong(), "国药控股重庆崇恩医药");
		assertThat(claim(mudong(), needId, pharma, "7").problemCode(409)).isEqualTo("OVER_CLAIMED");
		assertThat(claim(mudong(), needId, pharma, "6").status()).isEqualTo(201);
		JsonNode item = api.get("/api/v1/partnership/items/" + needId, mudong()).json();
		assertThat(item.path("item").path("claimed").decimalValue()).isEqualByComparingTo("10");
		assertThat(item.path("item").path("status").asString()).isEqualTo("FULLY_CLAIMED");
		assertThat(item.path("claims").size()).isEqualTo(2);
		String third = partnerId(mudong(), "木洞文旅公司");
		assertThat(claim(mudong(), needId, third, "1").problemCode(409)).isEqualTo("NOT_OPEN");

		// a liaison may not claim for another unit, nor claim a resource (the community does)
		String other = publish(mudong(), need(jinyinqiao(), "另一需求 " + UUID.randomUUID(), "3", "PEOPLE"));
		assertThat(claim(school, other, pharma, "1").errorFields()).containsExactly("partnerId");
		String fund = api.get("/api/v1/partnership/items?kind=RESOURCE&communityId=" + jinyinqiao(), mudong()).list()
			.stream().filter(r -> r.path("offeredByName").asString().equals("国际生物城小学")).findFirst().orElseThrow()
			.path("id").asString();
		assertThat(claim(school, fund, null, "1").status()).isEqualTo(403);
	}

	@Test
	void concurrentClaimersNeverTakeMoreThanTheQuantityAndOneClaimerHoldsOneClaim() {
		UUID community = api.orgUnitId("走马梁社区");
		String admin = api.tokenOf("admin");
		String needId = publish(admin, need(community, "并发认领 " + UUID.randomUUID(), "5", "PEOPLE"));
		List<String> partners = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			partners.add(addPartner(admin, community, "并发单位" + i + "-" + UUID.randomUUID(), null, null));
		}
		List<CompletableFuture<Response>> calls = new ArrayList<>();
		for (String partner : partners) {
			calls.add(api.sendAsync("POST", "/api/v1/partnership/items/" + needId + "/claims", admin,
					ApiClient.json(Map.of("partnerId", partner, "amount", 1))));
		}
		List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Response::status).toList();
		assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(5);
		assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(3);

		// ten identical requests of one more claimer on a fresh need: one pledge
		String second = publish(admin, need(community, "重复认领 " + UUID.randomUUID(), "5", "PEOPLE"));
		List<CompletableFuture<Response>> repeats = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			repeats.add(api.sendAsync("POST", "/api/v1/partnership/items/" + second + "/claims", admin,
					ApiClient.json(Map.of("partnerId", partners.get(0), "amount", 2))));
		}
		List<Integer> repeated = repeats.stream().map(CompletableFuture::join).map(Response::status).toList();
		assertThat(repeated.stream().filter(s -> s == 201).count()).as(repeated.toString()).isEqualTo(1);
		assertThat(repeated).allMatch(s -> s == 201 || s == 200);

		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("select claimed from partnership.list_item where id = ?").param(UUID.fromString(needId))
			.query(BigDecimal.class).single()).isEqualByComparingTo("5");
		assertThat(jdbc.sql("select count(*) from partnership.claim where item_id = ?").param(UUID.fromString(needId))
			.query(Long.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("select claimed from partnership.list_item where id = ?").param(UUID.fromString(second))
			.query(BigDecimal.class).single()).isEqualByComparingTo("2");
		assertThat(jdbc.sql("select count(*) from partnership.claim where item_id = ?").param(UUID.fromString(second))
			.query(Long.class).single()).isEqualTo(1);
	}

	// --- delivery --------------------------------------------------------------------------------------------------

	@Test
	void aDeliveredAndAcceptedPledgeCompletesTheNeedAndRaisesTheUnitsContribution() {
		String school = api.tokenOf("mudong-school");
		String schoolId = partnerId(school, "木洞小学");
		JsonNode before = api.get("/api/v1/partners/" + schoolId + "/contribution", mudong()).json();

		String needId = publish(mudong(), need(jinyinqiao(), "课后托管 " + UUID.randomUUID(), "30", "HOURS"));
		String claimId = claim(school, needId, null, null).json().path("id").asString();
		String photo = upload(school, jpeg(), "PHOTO");
		Response progress = api.post("/api/v1/partnership/claims/" + claimId + "/notes", school,
				Map.of("note", "第一周已开展", "photoId", photo));
		assertThat(progress.status()).as(progress.brief()).isEqualTo(201);
		// completion needs evidence
		assertThat(api.post("/api/v1/partnership/claims/" + claimId + "/complete", school, Map.of("note", "完成"))
			.errorFields()).containsExactly("evidenceId");
		String evidence = upload(school, jpeg(), "PHOTO");
		Response done = api.post("/api/v1/partnership/claims/" + claimId + "/complete", school,
				Map.of("note", "全部完成", "evidenceId", evidence, "valueYuan", 3000, "hours", 30, "peopleServed", 25));
		assertThat(done.json().path("status").asString()).isEqualTo("DELIVERED");
		// only the community accepts
		assertThat(api.post("/api/v1/partnership/claims/" + claimId + "/accept", school, null).status()).isEqualTo(403);
		Response accepted = api.post("/api/v1/partnership/claims/" + claimId + "/accept", mudong(), Map.of("note", "验收合格"));
		assertThat(accepted.json().path("status").asString()).as(accepted.brief()).isEqualTo("ACCEPTED");
		assertThat(api.post("/api/v1/partnership/claims/" + claimId + "/accept", mudong(), null).problemCode(409))
			.isEqualTo("ILLEGAL_TRANSITION");

		JsonNode item = api.get("/api/v1/partnership/items/" + needId, mudong()).json();
		assertThat(item.path("item").path("status").asString()).isEqualTo("COMPLETED");
		assertThat(item.path("notes").size()).isEqualTo(3);
		JsonNode after = api.get("/api/v1/partners/" + schoolId + "/contribution", mudong()).json();
		assertThat(after.path("projects").asLong()).isEqualTo(before.path("projects").asLong() + 1);
		assertThat(after.path("valueYuan").decimalValue().subtract(before.path("valueYuan").decimalValue()))
			.isEqualByComparingTo("3000");
		assertThat(after.path("peopleServed").asLong()).isEqualTo(before.path("peopleServed").asLong() + 25);
		List<JsonNode> ranking = api.get("/api/v1/partnership/ranking?communityId=" + jinyinqiao(), mudong()).list();
		assertThat(ranking).anyMatch(r -> r.path("contribution").path("partnerName").asString().equals("木洞小学"));

		// the photo is the liaison's and the community's to see; another community's staff gets 404
		assertThat(api.get("/api/v1/partnership/documents/" + evidence, mudong()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/partnership/documents/" + evidence, api.tokenOf("dongcheng")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/partners/" + schoolId + "/contribution.xlsx", mudong()).contentType())
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@Test
	void staffSendADeliveryBackWithAReasonAndTheUnitDeliversAgain() {
		String school = api.tokenOf("mudong-school");
		String schoolId = partnerId(school, "木洞小学");
		JsonNode before = api.get("/api/v1/partners/" + schoolId + "/contribution", mudong()).json();
		String needId = publish(mudong(), need(jinyinqiao(), "退回测试 " + UUID.randomUUID(), "10", "HOURS"));
		String claimId = claim(school, needId, null, null).json().path("id").asString();
		String base = "/api/v1/partnership/claims/" + claimId;
		assertThat(deliver(school, claimId).json().path("status").asString()).isEqualTo("DELIVERED");

		// the unit's liaison may not refuse its own delivery; nor may another community's staff see it
		assertThat(api.post(base + "/send-back", school, Map.of("reason", "自己退回")).problemCode(403))
			.isEqualTo("FORBIDDEN");
		assertThat(api.post(base + "/send-back", api.tokenOf("dongcheng"), Map.of("reason", "越权")).problemCode(404))
			.isEqualTo("NOT_FOUND");
		// a reason is required, told in Chinese beside the field
		for (Map<String, Object> body : List.of(Map.<String, Object>of(), Map.<String, Object>of("reason", "  "))) {
			Response missing = api.post(base + "/send-back", mudong(), body);
			assertThat(missing.problemCode(400)).isEqualTo("VALIDATION_FAILED");
			assertThat(missing.errorFields()).containsExactly("reason");
			assertThat(missing.json().path("errors").get(0).path("message").asString()).isEqualTo("请填写退回理由。");
		}
		assertThat(api.post(base + "/send-back", mudong(), null).errorFields()).containsExactly("reason");

		Response back = api.post(base + "/send-back", mudong(), Map.of("reason", "照片看不清服务现场，请补充后重新提交"));
		assertThat(back.status()).as(back.brief()).isEqualTo(200);
		assertThat(back.json().path("status").asString()).isEqualTo("PLEDGED");
		assertThat(back.json().path("deliveredAt").isNull()).isTrue();
		assertThat(back.json().path("valueYuan").isNull()).isTrue();
		assertThat(back.json().path("hours").isNull()).isTrue();
		assertThat(back.json().path("peopleServed").isNull()).isTrue();
		JsonNode notes = api.get("/api/v1/partnership/items/" + needId, mudong()).json().path("notes");
		JsonNode last = notes.get(notes.size() - 1);
		assertThat(last.path("kind").asString()).isEqualTo("SENT_BACK");
		assertThat(last.path("note").asString()).isEqualTo("照片看不清服务现场，请补充后重新提交");
		// the unit's liaison reads the reason on his pledge
		JsonNode seen = api.get("/api/v1/partnership/items/" + needId, school).json().path("notes");
		assertThat(seen.get(seen.size() - 1).path("kind").asString()).isEqualTo("SENT_BACK");

		// only a delivered pledge goes back, and it can no longer be accepted as it was
		Response again = api.post(base + "/send-back", mudong(), Map.of("reason", "再退"));
		assertThat(again.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(again.json().path("detail").asString()).contains("PLEDGED");
		assertThat(api.post(base + "/accept", mudong(), null).problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(api.get("/api/v1/partners/" + schoolId + "/contribution", mudong()).json().path("projects").asLong())
			.isEqualTo(before.path("projects").asLong());

		// delivered again, then accepted: counted once, with the figures of the new delivery; then final
		assertThat(deliver(school, claimId).json().path("status").asString()).isEqualTo("DELIVERED");
		assertThat(api.post(base + "/accept", mudong(), null).json().path("status").asString()).isEqualTo("ACCEPTED");
		JsonNode after = api.get("/api/v1/partners/" + schoolId + "/contribution", mudong()).json();
		assertThat(after.path("projects").asLong()).isEqualTo(before.path("projects").asLong() + 1);
		assertThat(after.path("valueYuan").decimalValue().subtract(before.path("valueYuan").decimalValue()))
			.isEqualByComparingTo("1000");
		assertThat(api.post(base + "/send-back", mudong(), Map.of("reason", "验收后退回")).problemCode(409))
			.isEqualTo("ILLEGAL_TRANSITION");
		// described in the OpenAPI document beside the acceptance
		JsonNode paths = api.get("/v3/api-docs", mudong()).json().path("paths");
		assertThat(paths.has("/api/v1/partnership/claims/{id}/accept")).isTrue();
		assertThat(paths.path("/api/v1/partnership/claims/{id}/send-back").path("post").path("summary").asString())
			.contains("PLEDGED");
	}

	@Test
	void ofStaffSendingOneDeliveryBackAtOnceExactlyOneDoesIt() {
		String school = api.tokenOf("mudong-school");
		String needId = publish(mudong(), need(jinyinqiao(), "并发退回 " + UUID.randomUUID(), "5", "PEOPLE"));
		String claimId = claim(school, needId, null, null).json().path("id").asString();
		deliver(school, claimId);
		List<CompletableFuture<Response>> calls = new ArrayList<>();
		for (String staff : List.of("mudong", "banan", "mudong", "banan")) {
			calls.add(api.sendAsync("POST", "/api/v1/partnership/claims/" + claimId + "/send-back", api.tokenOf(staff),
					ApiClient.json(Map.of("reason", "退回 " + staff))));
		}
		List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Response::status).toList();
		assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(1);
		assertThat(statuses.stream().filter(s -> s == 409).count()).as(statuses.toString()).isEqualTo(3);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		assertThat(jdbc.sql("select count(*) from partnership.delivery_note where claim_id = ? and kind = 'SENT_BACK'")
			.param(UUID.fromString(claimId))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select status from partnership.claim where id = ?")
			.param(UUID.fromString(claimId))
			.query(String.class)
			.single()).isEqualTo("PLEDGED");
	}

	/** The liaison reports the pledge delivered with a photo, ¥1,000, 10 hours and 8 people served. */
	private Response deliver(String liaison, String claimId) {
		String evidence = upload(liaison, jpeg(), "PHOTO");
		Response done = api.post("/api/v1/partnership/claims/" + claimId + "/complete", liaison,
				Map.of("note", "已完成", "evidenceId", evidence, "valueYuan", 1000, "hours", 10, "peopleServed", 8));
		assertThat(done.status()).as(done.brief()).isEqualTo(200);
		return done;
	}

	@Test
	void uploadsAreJudgedByContentAndAgreementsNeedTheSignedDocument() {
		assertThat(uploadStatus(mudong(), "%PDF-1.4 not really\n".getBytes(StandardCharsets.UTF_8), "PHOTO"))
			.isEqualTo(400);
		assertThat(uploadStatus(mudong(), "<html>hello</html>".getBytes(StandardCharsets.UTF_8), "AGREEMENT"))
			.isEqualTo(400);
		String pharma = partnerId(mudong(), "重庆农商行木洞支行");
		int year = clock.today().getYear();
		Response draft = api.post("/api/v1/partners/" + pharma + "/agreements", mudong(),
				Map.of("year", year, "commitments", "共建环境整治"));
		assertThat(draft.status()).as(draft.brief()).isEqualTo(201);
		String agreement = draft.json().path("id").asString();
		assertThat(api.post("/api/v1/agreements/" + agreement + "/sign", mudong(), Map.of()).errorFields())
			.containsExactly("documentId");
		String pdf = upload(mudong(), "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8),
				"AGREEMENT");
		Response signed = api.post("/api/v1/agreements/" + agreement + "/sign", mudong(), Map.of("documentId", pdf));
		assertThat(signed.json().path("status").asString()).as(signed.brief()).isEqualTo("SIGNED");
		assertThat(api.get("/api/v1/partners/" + pharma, mudong()).json().path("agreementSigned").asBoolean()).isTrue();
		assertThat(api.post("/api/v1/partners/" + pharma + "/agreements", mudong(),
				Map.of("year", year, "commitments", "again")).problemCode(409)).isEqualTo("DUPLICATE");
	}

	@Test
	void badInputIsAProblemWithFieldErrors() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityId", jinyinqiao());
		body.put("kind", "NEED");
		body.put("quantity", -1);
		body.put("periodStart", "2026-05-01");
		body.put("periodEnd", "2026-04-01");
		Response response = api.post("/api/v1/partnership/items", mudong(), body);
		assertThat(response.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(response.errorFields()).contains("title", "category", "quantity", "measure", "periodEnd");
		// another community's staff cannot publish into 金银桥社区
		assertThat(api.post("/api/v1/partnership/items", api.tokenOf("dongcheng"),
				need(jinyinqiao(), "越权", "1", "PEOPLE")).errorFields()).containsExactly("communityId");
	}

	// --- matching --------------------------------------------------------------------------------------------------

	@Test
	void matchesPassTheHardFiltersRankBestFirstAndPenaliseAJustMatchedUnit() {
		UUID community = api.orgUnitId("走马梁社区");
		String admin = api.tokenOf("admin");
		double lat = 30.50;
		double lng = 107.50;
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String near = addPartner(admin, community, "近单位" + tag, lat + 0.009, lng);
		String farther = addPartner(admin, community, "稍远单位" + tag, lat + 0.027, lng);
		String half = addPartner(admin, community, "半量单位" + tag, lat + 0.009, lng + 0.0001);
		String distant = addPartner(admin, community, "远单位" + tag, lat + 0.45, lng);
		String r1 = resource(admin, community, near, "HEALTH", "100", 0, 6);
		String r2 = resource(admin, community, farther, "HEALTH", "100", 0, 6);
		String r6 = resource(admin, community, half, "HEALTH", "50", 0, 6);
		String culture = resource(admin, community, near, "CULTURE", "100", 0, 6); // another category
		String later = resource(admin, community, near, "HEALTH", "100", 7, 9); // not available in the period
		String away = resource(admin, community, distant, "HEALTH", "100", 0, 6); // 50 km away
		// other tests may have offered resources in 走马梁社区 too: rank this test's own among themselves
		Set<String> own = Set.of(r1, r2, r6, culture, later, away);
		Map<String, Object> needBody = need(community, "上门护理 " + tag, "100", "HOURS");
		needBody.put("category", "HEALTH");
		needBody.put("lat", lat);
		needBody.put("lng", lng);
		String needId = publish(admin, needBody);

		List<String> order = api.get("/api/v1/partnership/items/" + needId + "/matches", admin).json()
			.path("resources").valueStream().map(m -> m.path("itemId").asString()).filter(own::contains).toList();
		assertThat(order).containsExactly(r1, r2, r6);

		// the near unit takes another need: just matched, it drops below the one a little farther away
		String other = publish(admin, need(community, "其他 " + tag, "1", "PEOPLE"));
		assertThat(claim(admin, other, near, "1").status()).isEqualTo(201);
		JsonNode after = api.get("/api/v1/partnership/items/" + needId + "/matches", admin).json();
		List<JsonNode> ranked = after.path("resources").valueStream()
			.filter(m -> own.contains(m.path("itemId").asString())).toList();
		assertThat(ranked).extracting(m -> m.path("itemId").asString()).containsExactly(r2, r1, r6);
		assertThat(ranked.get(1).path("recentlyMatched").asBoolean()).isTrue();
		assertThat(after.path("units").valueStream().map(u -> u.path("partnerId").asString()).toList())
			.contains(near, farther, half)
			.doesNotContain(distant);
	}

	private String resource(String token, UUID community, String partner, String category, String quantity,
			int startMonths, int endMonths) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityId", community);
		body.put("kind", "RESOURCE");
		body.put("offeredBy", partner);
		body.put("title", "资源 " + category + " " + UUID.randomUUID());
		body.put("category", category);
		body.put("quantity", new BigDecimal(quantity));
		body.put("measure", "HOURS");
		body.put("periodStart", clock.today().plusMonths(startMonths).toString());
		body.put("periodEnd", clock.today().plusMonths(endMonths).toString());
		return publish(token, body);
	}

	// --- rates -----------------------------------------------------------------------------------------------------

	@Test
	void ratesOfAYearMatchTheValuesComputedByHand() {
		OrgUnit community = orgUnits.bindingOf(api.orgUnitId("下新新社区")).orElseThrow();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		PartnerUnit p1 = imports.partner(community, new NewPartner(community.id(), "率单位一" + tag, PartnerType.SCHOOL,
				null, null, null, null, null, null), List.of());
		PartnerUnit p2 = imports.partner(community, new NewPartner(community.id(), "率单位二" + tag, PartnerType.SCHOOL,
				null, null, null, null, null, null), List.of());
		int year = 2020;
		Instant base = Instant.parse("2020-03-01T00:00:00Z");
		// A: claimed after 2 days, accepted after 10; B: 6 and 20; C: claimed after 20 days; D, E: never claimed
		UUID a = needAt(community, base, tag + "A");
		UUID b = needAt(community, base.plus(Duration.ofDays(1)), tag + "B");
		UUID c = needAt(community, base.plus(Duration.ofDays(2)), tag + "C");
		needAt(community, base.plus(Duration.ofDays(3)), tag + "D");
		Instant e = base.plus(Duration.ofDays(4));
		needAt(community, e, tag + "E");
		pastClaim(a, community, p1, base, 2, 10);
		pastClaim(b, community, p1, base.plus(Duration.ofDays(1)), 6, 20);
		pastClaim(c, community, p2, base.plus(Duration.ofDays(2)), 20, null);

		JsonNode rates = api.get("/api/v1/partnership/rates?communityId=" + community.id() + "&year=" + year,
				api.tokenOf("admin")).json();
		assertThat(rates.path("published").asLong()).isEqualTo(5);
		assertThat(rates.path("claimed").asLong()).isEqualTo(3);
		assertThat(rates.path("completed").asLong()).isEqualTo(2);
		assertThat(rates.path("matchRate").asDouble()).isEqualTo(0.6);
		assertThat(rates.path("completionRate").asDouble()).isEqualTo(0.6667);
		assertThat(rates.path("medianDaysToClaim").asDouble()).isEqualTo(6.0);
		assertThat(rates.path("p90DaysToClaim").asDouble()).isEqualTo(17.2); // 6 + 0.8 × (20 − 6)
		assertThat(rates.path("medianDaysToComplete").asDouble()).isEqualTo(15.0);
		assertThat(rates.path("p90DaysToComplete").asDouble()).isEqualTo(19.0); // 10 + 0.9 × (20 − 10)
		assertThat(rates.path("claimedWithin14DaysShare").asDouble()).isEqualTo(0.4);
		assertThat(rates.path("unclaimed").asLong()).isEqualTo(2);
		double ageOfD = Duration.between(base.plus(Duration.ofDays(3)), clock.instant()).toSeconds() / 86400.0;
		assertThat(rates.path("maxUnclaimedAgeDays").asDouble()).isCloseTo(ageOfD, within(0.05));
		assertThat(rates.path("medianUnclaimedAgeDays").asDouble()).isCloseTo(ageOfD - 0.5, within(0.05));

		JsonNode unit = api.get("/api/v1/partnership/rates?partnerId=" + p1.id() + "&year=" + year,
				api.tokenOf("admin")).json();
		assertThat(unit.path("claimed").asLong()).isEqualTo(2);
		assertThat(unit.path("completionRate").asDouble()).isEqualTo(1.0);
		assertThat(unit.path("medianDaysToClaim").asDouble()).isEqualTo(4.0);
		assertThat(unit.path("medianDaysToComplete").asDouble()).isEqualTo(11.0); // (10−2 + 20−6) / 2
	}

	private UUID needAt(OrgUnit community, Instant at, String title) {
		return imports.item(community, ItemKind.NEED, null, "率 " + title, ItemCategory.OTHER, "", BigDecimal.ONE,
				Measure.PEOPLE, LocalDate.of(2020, 3, 1), LocalDate.of(2020, 12, 31), at);
	}

	private void pastClaim(UUID item, OrgUnit community, PartnerUnit partner, Instant published, int claimDays,
			Integer acceptDays) {
		Instant accepted = acceptDays == null ? null : published.plus(Duration.ofDays(acceptDays));
		assertThat(imports.claim(item, community.id(), ItemKind.NEED, new PastClaim(partner.id(), BigDecimal.ONE,
				LocalDate.of(2020, 12, 31), published.plus(Duration.ofDays(claimDays)), accepted, accepted,
				BigDecimal.TEN, BigDecimal.ONE, 1))).isTrue();
	}

	// --- the public page -------------------------------------------------------------------------------------------

	@Test
	void thePublicPageShowsListsAndPledgesWithoutSignInAndWithoutPersonalData() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/communities/500113108003"))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("金银桥社区", "暑期公益课堂", "国际生物城小学", "木洞小学", "对接率");
		// contacts (names and phones), the liaison account and its name never appear
		assertThat(html).doesNotContain("陈老师", "13908321101", "139****1101", "mudong-school", "木洞小学联络员",
				"刘经理", "13908321102");
		assertThat(html).doesNotContainPattern("1[3-9][0-9]{9}");
		assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
		HttpResponse<String> unknown = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/communities/999999999999"))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	// --- uploads ---------------------------------------------------------------------------------------------------

	static byte[] jpeg() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private HttpResponse<String> uploadResponse(String token, byte[] bytes, String kind) throws Exception {
		String boundary = "zz" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\""
				+ "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(bytes);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/partnership/documents?kind=" + kind))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String upload(String token, byte[] bytes, String kind) {
		try {
			HttpResponse<String> response = uploadResponse(token, bytes, kind);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).path("id").asString();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private int uploadStatus(String token, byte[] bytes, String kind) {
		try {
			return uploadResponse(token, bytes, kind).statusCode();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
