package org.zhizhi.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * The whistle loop's pages over real HTTP with a browser-like session: 随手拍 with its field errors and its idempotency
 * key, my reports limited to my own, the desk limited to its scope and to the steps the state allows, the grab lost to
 * a faster member, and the rating form.
 */
@ZhizhiIntegrationTest
class IncidentPagesIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	// --- 随手拍 -----------------------------------------------------------------------------------------------------

	@Test
	void theReportFormOffersCategoriesByClassTheAnonymousBoxToResidentsAndAFreshKeyEachTime() {
		WebSession resident = session("jumin01");
		String first = resident.get("/m/report").body();
		String second = resident.get("/m/report").body();

		assertThat(first).contains("随手拍", "<optgroup label=\"市容环境\">", "井盖破损", "name=\"anonymous\"",
				"capture=\"environment\"", "enctype=\"multipart/form-data\"", "以“居民随手拍”渠道上报");
		assertThat(key(first)).isNotEqualTo(key(second));
		String patrol = session("dongcheng-g01").get("/m/report").body();
		assertThat(patrol).doesNotContain("name=\"anonymous\"").contains("name=\"channel\"", "网格巡查", "微孝热线");
	}

	@Test
	void anIncompleteReportIsShownAgainWithChineseMessagesBesideTheFieldsAndWritesNothing() {
		WebSession resident = session("jumin01");
		String description = "未完成的上报 " + UUID.randomUUID();
		String page = resident.get("/m/report").body();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", WebSession.csrfToken(page));
		form.put("key", key(page));
		form.put("description", description);
		form.put("lat", "北纬29度");
		form.put("lng", "");

		HttpResponse<String> refused = resident.postForm("/m/report", form);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("提交的内容有误", "格式不正确", "请先定位", "必填")
			.contains("北纬29度")
			.contains(description);
		assertThat(fieldErrorAfter(refused.body(), "id=\"categoryCode\"")).contains("必填");
		assertThat(count("select count(*) from incident.incident where description = ?", description)).isZero();
	}

	@Test
	void aReportOutsideTheResidentsGridIsRefusedBesideThePosition() {
		WebSession resident = session("jumin01");
		HttpResponse<String> refused = report(resident, resident.get("/m/report").body(), new double[] { 10.0, 10.0 },
				"ROAD_POTHOLE", "远处的坑");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("不在您所辖的任何网格内");
	}

	@Test
	void aReportSentTwiceWithTheSameFormKeyIsOneIncidentShownToItsReporter() {
		WebSession resident = session("jumin01");
		String description = "井盖破损 " + UUID.randomUUID();
		String page = resident.get("/m/report").body();
		double[] point = api.centroid("东城社区第1网格");

		HttpResponse<String> first = report(resident, page, point, "MANHOLE_COVER", description);
		HttpResponse<String> again = report(resident, page, point, "MANHOLE_COVER", description);

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(again)).isEqualTo(WebSession.location(first));
		assertThat(count("select count(*) from incident.incident where description = ?", description)).isEqualTo(1);
		String detail = resident.get(WebSession.location(first)).body();
		assertThat(detail).contains(description, "待受理", "东城社区第1网格", "上报", "居民随手拍");
		assertThat(resident.get("/m/reports").body()).contains(description);
	}

	@Test
	void theLocatedGridIsNamedBeforeTheReportIsSent() {
		WebSession resident = session("jumin01");
		double[] point = api.centroid("东城社区第1网格");

		assertThat(resident.get("/m/locate?lat=" + point[0] + "&lng=" + point[1]).body())
			.contains("所在网格：东城社区第1网格");
		assertThat(resident.get("/m/locate?lat=10&lng=10").body()).contains("不在您所辖的任何网格内");
	}

	// --- scope ------------------------------------------------------------------------------------------------------

	@Test
	void aResidentSeesOnlyHisOwnReportsAndAnotherCommunityDoesNotSeeTheIncidentAtAll() {
		String description = "巡查发现 " + UUID.randomUUID();
		UUID id = reportByApi("dongcheng-g01", description);
		WebSession resident = session("jumin01");

		assertThat(resident.get("/m/reports").body()).doesNotContain(description);
		assertThat(resident.get("/m/reports/" + id).statusCode()).isEqualTo(404);
		assertThat(resident.get("/incidents/" + id).statusCode()).isEqualTo(403);
		assertThat(resident.get("/incidents").statusCode()).isEqualTo(403);

		WebSession otherCommunity = session("mudong");
		assertThat(otherCommunity.get("/incidents/" + id).statusCode()).isEqualTo(404);
		assertThat(otherCommunity.get("/incidents").body()).doesNotContain(description);
		assertThat(session("dongcheng").get("/incidents").body()).contains(description);
	}

	// --- the desk ---------------------------------------------------------------------------------------------------

	@Test
	void theDeskQueueFiltersByStateAndCategoryAndCountsPerState() {
		String description = "车辆乱停 " + UUID.randomUUID();
		UUID id = reportByApi("dongcheng-g01", description, "ILLEGAL_PARKING");
		WebSession desk = session("dongcheng-g01");

		String reported = desk.get("/incidents?state=REPORTED&category=ILLEGAL_PARKING").body();
		assertThat(reported).contains(description, "待受理", "name=\"ids\"");
		assertThat(reported).containsPattern("data-state=\"REPORTED\"[^>]*>\\s*<span>待受理</span><span class=\"n\">\\d+</span>");
		assertThat(desk.get("/incidents?state=ACCEPTED&category=ILLEGAL_PARKING").body()).doesNotContain(description);
		assertThat(desk.get("/incidents?category=MANHOLE_COVER").body()).doesNotContain(description);
		assertThat(desk.get("/incidents?overdue=true&category=ILLEGAL_PARKING").body()).doesNotContain(description);
		assertThat(desk.get("/incidents?grid=" + api.orgUnitId("东城社区第1网格") + "&category=ILLEGAL_PARKING").body())
			.contains(description);
		assertThat(desk.get("/incidents?grid=" + api.orgUnitId("东城社区第2网格") + "&category=ILLEGAL_PARKING").body())
			.doesNotContain(description);
		assertThat(desk.get("/incidents/" + id).body()).contains("id=\"action-accept\"", "id=\"action-reject\"")
			.doesNotContain("id=\"action-triage\"", "id=\"action-whistle\"");
	}

	@Test
	void theDeskTakesEachStepInOneClickAndShowsRefusalsBesideTheForm() {
		UUID id = reportByApi("dongcheng-g01", "楼道乱堆 " + UUID.randomUUID(), "PUBLIC_SPACE_CLUTTER");
		WebSession desk = session("dongcheng-g01");
		String path = "/incidents/" + id;

		HttpResponse<String> accepted = desk.submit(path, path + "/accept", Map.of());
		assertThat(WebSession.location(accepted)).isEqualTo(path);
		String page = desk.get(path).body();
		assertThat(page).contains("已受理。", "id=\"action-triage\"").doesNotContain("id=\"action-accept\"");

		HttpResponse<String> refused = desk.submit(path, path + "/triage", Map.of("triage", "PRIVATE"));
		assertThat(refused.statusCode()).isEqualTo(200);
		String triageForm = refused.body().substring(refused.body().indexOf("id=\"action-triage\""));
		assertThat(triageForm.substring(0, triageForm.indexOf("</form>"))).contains("私事分流须填写给居民的建议说明");

		desk.submit(path, path + "/triage", Map.of("triage", "COMMUNITY"));
		HttpResponse<String> whistled = desk.submit(path, path + "/whistle", Map.of("type", "QUICK"));
		assertThat(WebSession.location(whistled)).isEqualTo(path);
		assertThat(desk.get(path).body()).contains("已吹哨", "快捷哨", "小事（社区自治）");

		// a step the incident has gone past (a second tab, a colleague): the page says so, no error page
		HttpResponse<String> stale = desk.submit(path, path + "/accept", Map.of());
		assertThat(WebSession.location(stale)).isEqualTo(path);
		assertThat(desk.get(path).body()).contains("该事件刚被他人处理");
	}

	// --- my tasks and the rating ------------------------------------------------------------------------------------

	@Test
	void aGrabLostToAFasterClaimIsToldInChineseOnTheTaskList() {
		UUID id = whistledByApi("抢单 " + UUID.randomUUID());
		WebSession member = session("dangyuan01");
		String tasks = member.get("/m/tasks").body();
		assertThat(tasks).contains("/m/tasks/" + id + "/claim", "抢单");

		api.post("/api/v1/incidents/" + id + "/claim", api.tokenOf("dangyuan01"), Map.of());
		HttpResponse<String> late = member.postForm("/m/tasks/" + id + "/claim",
				Map.of("_csrf", WebSession.csrfToken(tasks)));

		assertThat(WebSession.location(late)).isEqualTo("/m/tasks");
		assertThat(member.get("/m/tasks").body()).contains("手慢了");
	}

	@Test
	void theClaimerChecksInWithAPositionAndResolvesWithANoteAndMissingProofIsNamed() {
		UUID id = whistledByApi("报到 " + UUID.randomUUID());
		WebSession member = session("dangyuan01");
		String path = "/m/tasks/" + id;
		assertThat(WebSession.location(member.submit("/m/tasks", path + "/claim", Map.of()))).isEqualTo(path);

		HttpResponse<String> noPhoto = member.submit(path, path + "/check-in", Map.of("lat", "", "lng", ""));
		assertThat(noPhoto.statusCode()).isEqualTo(200);
		assertThat(noPhoto.body()).contains("线下报到须拍一张现场照片", "请先定位");

		// resolving before the check-in: the step is not open, said on the task page, not on an error page
		HttpResponse<String> early = member.submit(path, path + "/resolve", Map.of("note", "已处理"));
		assertThat(WebSession.location(early)).isEqualTo(path);
		assertThat(member.get(path).body()).contains("状态已变化", "id=\"check-in-form\"");
		assertThat(count("select count(*) from incident.timeline_entry where incident_id = ? and action = 'CHECK_IN'",
				id)).isZero();
	}

	@Test
	void theReporterRatesAClosedIncidentOnceAndAnUnsatisfiedRatingNeedsAComment() {
		WebSession resident = session("jumin01");
		String description = "评价 " + UUID.randomUUID();
		HttpResponse<String> reported = report(resident, resident.get("/m/report").body(),
				api.centroid("东城社区第1网格"), "SANITATION_BLACKSPOT", description);
		String path = WebSession.location(reported);
		UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		assertThat(resident.get(path).body()).doesNotContain("id=\"rate-form\"");
		closeByApi(id);

		assertThat(resident.get(path).body()).contains("id=\"rate-form\"", "满意", "基本满意", "不满意");
		HttpResponse<String> refused = resident.submit(path, path + "/rate", Map.of("rating", "UNSATISFIED"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("评价为不满意时须填写原因");

		HttpResponse<String> rated = resident.submit(path, path + "/rate",
				Map.of("rating", "SATISFIED", "comment", "处理很快"));
		assertThat(WebSession.location(rated)).isEqualTo(path);
		String after = resident.get(path).body();
		assertThat(after).contains("感谢您的评价", "已评价", "处理很快").doesNotContain("id=\"rate-form\"");
	}

	// --- helpers ----------------------------------------------------------------------------------------------------

	private WebSession session(String username) {
		return new WebSession(port).loggedInAs(username, ApiClient.DEMO_PASSWORD);
	}

	private static String key(String page) {
		Matcher matcher = KEY.matcher(page);
		assertThat(matcher.find()).as("a hidden form key").isTrue();
		return matcher.group(1);
	}

	private static HttpResponse<String> report(WebSession session, String page, double[] point, String category,
			String description) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", WebSession.csrfToken(page));
		form.put("key", key(page));
		form.put("categoryCode", category);
		form.put("description", description);
		form.put("lat", Double.toString(point[0]));
		form.put("lng", Double.toString(point[1]));
		return session.postForm("/m/report", form);
	}

	/** The text between a field's element and the next field label: where its messages stand. */
	private static String fieldErrorAfter(String html, String marker) {
		int at = html.indexOf(marker);
		assertThat(at).as("%s in the page", marker).isNotNegative();
		int end = html.indexOf("<label", at + marker.length());
		return html.substring(at, end < 0 ? Math.min(html.length(), at + 3000) : end);
	}

	private UUID reportByApi(String username, String description) {
		return reportByApi(username, description, "OTHER");
	}

	private UUID reportByApi(String username, String description, String category) {
		double[] point = api.centroid("东城社区第1网格");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", category);
		body.put("description", description);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		try {
			var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + api.tokenOf(username))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
				.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return UUID.fromString(new ApiClient.Response(response.statusCode(), response.headers(), response.body())
				.json()
				.path("incident")
				.path("id")
				.asString());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private UUID whistledByApi(String description) {
		UUID id = reportByApi("dongcheng-g01", description);
		String leader = api.tokenOf("dongcheng-g01");
		api.post("/api/v1/incidents/" + id + "/accept", leader, Map.of());
		api.post("/api/v1/incidents/" + id + "/triage", leader, Map.of("triage", "COMMUNITY"));
		api.post("/api/v1/incidents/" + id + "/whistle", leader, Map.of("type", "QUICK"));
		return id;
	}

	private void closeByApi(UUID id) {
		String leader = api.tokenOf("dongcheng-g01");
		api.post("/api/v1/incidents/" + id + "/accept", leader, Map.of());
		var closed = api.post("/api/v1/incidents/" + id + "/triage", leader,
				Map.of("triage", "PRIVATE", "note", "已告知居民联系物业"));
		assertThat(closed.json().path("incident").path("state").asString()).isEqualTo("CLOSED");
	}


	private long count(String sql, Object parameter) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement count = connection.prepareStatement(sql)) {
			count.setObject(1, parameter);
			try (var rs = count.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
