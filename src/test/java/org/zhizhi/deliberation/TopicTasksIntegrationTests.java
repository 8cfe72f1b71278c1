package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Part;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12, 执事: a decision's task becomes an incident of the whistle loop or a project of the community's lists, and
 * is done when that one is — followed through the event publication registry, after the other module's step has
 * committed. By hand only once the linked object ended without the work done.
 */
@ZhizhiIntegrationTest
class TopicTasksIntegrationTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.zhizhi.TestClock clock;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aTaskWhistledToTheGridIsDoneWhenItsIncidentIsVerified() {
		String desk = api.tokenOf("dongcheng");
		String topic = decidedTopic(desk, "东城社区", "楼下人行道破损要修");
		double[] point = api.centroid("东城社区第1网格");

		// an incident needs its category, and a refused task leaves neither task nor incident
		Map<String, Object> task = task("修补 3 号楼前人行道", "东城社区网格员", "INCIDENT");
		task.put("lat", point[0]);
		task.put("lng", point[1]);
		assertThat(api.post(topic + "/tasks", desk, task).errorFields()).containsExactly("incidentCategory");
		assertThat(api.get(topic, desk).json().path("tasks").size()).isZero();

		task.put("incidentCategory", "OTHER");
		Response added = api.post(topic + "/tasks", desk, task);
		assertThat(added.status()).as(added.brief()).isEqualTo(201);
		JsonNode made = added.json().path("tasks").get(0);
		assertThat(made.path("kind").asString()).isEqualTo("INCIDENT");
		assertThat(made.path("linkedState").asString()).isEqualTo("REPORTED");
		assertThat(made.path("byHand").asBoolean()).isFalse();
		String incident = made.path("linkedId").asString();
		String taskId = made.path("id").asString();

		// the incident is the grid's, reported by the meeting, with the decision in its words
		JsonNode reported = api.get("/api/v1/incidents/" + incident, desk).json().path("incident");
		assertThat(reported.path("channel").asString()).isEqualTo("MEETING");
		assertThat(reported.path("description").asString()).contains("楼下人行道破损要修", "修补 3 号楼前人行道");

		// nobody marks it done by hand while the loop runs
		assertThat(api.post(topic + "/tasks/" + taskId + "/completion", desk, Map.of("note", "修好了"))
			.problemCode(409)).isEqualTo("TASK_FOLLOWS_LINK");

		String leader = api.tokenOf("dongcheng-g01");
		String member = api.tokenOf("dangyuan01");
		step(incident, "accept", leader, Map.of());
		step(incident, "triage", leader, Map.of("triage", "COMMUNITY"));
		step(incident, "whistle", leader, Map.of("type", "QUICK"));
		step(incident, "claim", member, Map.of());
		awaitTask(topic, desk, taskId, "CLAIMED", false);
		step(incident, "check-in", member, withPhoto(incident, member, Map.of("lat", point[0], "lng", point[1])));
		step(incident, "resolve", member, withPhoto(incident, member, Map.of("note", "人行道已修补")));
		step(incident, "verify", desk, Map.of());

		JsonNode done = awaitTask(topic, desk, taskId, "CLOSED", true);
		assertThat(done.path("byHand").asBoolean()).isFalse();
		List<String> actions = api.get(topic, desk).json().path("timeline").findValuesAsString("action");
		assertThat(actions).containsSubsequence("ADD_TASK", "COMPLETE_TASK");
		assertThat(api.post(topic + "/execution/finish", desk, Map.of()).json().path("state").asString())
			.isEqualTo("EVALUATING");
	}

	@Test
	void anIncidentClosedAsAPrivateMatterLeavesItsTaskToTheDesk() {
		String desk = api.tokenOf("dongcheng");
		String topic = decidedTopic(desk, "东城社区", "楼道堆放杂物");
		double[] point = api.centroid("东城社区第1网格");
		Map<String, Object> body = task("清理二单元楼道杂物", "楼栋长", "INCIDENT");
		body.put("incidentCategory", "OTHER");
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		JsonNode made = api.post(topic + "/tasks", desk, body).json().path("tasks").get(0);
		String incident = made.path("linkedId").asString();
		String leader = api.tokenOf("dongcheng-g01");
		step(incident, "accept", leader, Map.of());
		step(incident, "triage", leader, Map.of("triage", "PRIVATE", "note", "杂物是住户自家的，已当面劝导"));

		JsonNode closed = awaitTask(topic, desk, made.path("id").asString(), "CLOSED", false);
		assertThat(closed.path("byHand").asBoolean()).isTrue();
		assertThat(api.post(topic + "/tasks/" + made.path("id").asString() + "/completion", desk,
				Map.of("note", "住户已自行清走")).status()).isEqualTo(200);
	}

	@Test
	void aTaskPutOnAsAVolunteerActivityIsDoneWhenTheHoursAreApproved() {
		String desk = api.tokenOf("dongcheng");
		String topic = decidedTopic(desk, "东城社区", "小区绿地杂草丛生");
		String team = api.get("/api/v1/volunteer/teams", desk).list()
			.stream()
			.filter(t -> t.path("name").asString().equals("睦邻志愿服务队"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		Map<String, Object> body = task("清理中心绿地杂草", "睦邻志愿服务队", "VOLUNTEER");
		body.put("dueOn", clock.today().plusDays(1).toString());
		assertThat(api.post(topic + "/tasks", desk, body).errorFields()).containsExactly("teamId");
		body.put("teamId", team);
		Response added = api.post(topic + "/tasks", desk, body);
		assertThat(added.status()).as(added.brief()).isEqualTo(201);
		JsonNode made = added.json().path("tasks").get(0);
		String activity = "/api/v1/volunteer/activities/" + made.path("linkedId").asString();
		String taskId = made.path("id").asString();
		assertThat(made.path("linkedState").asString()).isEqualTo("OPEN");

		// a neighbour signs up, turns up with the organiser's code, serves an hour; the desk approves his hours
		String volunteer = api.tokenOf("dangyuan02");
		assertThat(api.post(activity + "/participants", volunteer, Map.of()).status()).isEqualTo(201);
		clock.advance(java.time.Duration.ofHours(23));
		desk = api.login("dongcheng", ApiClient.DEMO_PASSWORD);
		volunteer = api.login("dangyuan02", ApiClient.DEMO_PASSWORD);
		JsonNode venue = api.get(activity, volunteer).json().path("activity");
		Map<String, Object> spot = new LinkedHashMap<>();
		spot.put("code", api.get(activity + "/code", desk).json().path("code").asString());
		spot.put("lat", venue.path("lat").asDouble());
		spot.put("lng", venue.path("lng").asDouble());
		assertThat(api.post(activity + "/check-in", volunteer, spot).status()).isEqualTo(200);
		clock.advance(java.time.Duration.ofMinutes(70));
		spot.put("code", api.get(activity + "/code", desk).json().path("code").asString());
		assertThat(api.post(activity + "/check-out", volunteer, spot).status()).isEqualTo(200);
		String volunteerId = api.get("/api/v1/me", volunteer).json().path("id").asString();
		assertThat(api.post(activity + "/participants/" + volunteerId + "/approval", desk, Map.of()).status())
			.isEqualTo(200);

		awaitTask(topic, desk, taskId, "SERVED", true);
	}

	@Test
	void aTaskPublishedAsAProjectIsDoneWhenItsPledgeIsAccepted() {
		String desk = api.tokenOf("mudong");
		String topic = decidedTopic(desk, "金银桥社区", "小区健身器材老化要换");
		Map<String, Object> body = task("更换中心院坝健身器材", "共建单位", "PROJECT");
		body.put("projectCategory", "NO_SUCH");
		assertThat(api.post(topic + "/tasks", desk, body).errorFields()).containsExactly("projectCategory");
		body.put("projectCategory", "EQUIPMENT");
		Response added = api.post(topic + "/tasks", desk, body);
		assertThat(added.status()).as(added.brief()).isEqualTo(201);
		JsonNode made = added.json().path("tasks").get(0);
		String item = made.path("linkedId").asString();
		String taskId = made.path("id").asString();
		assertThat(made.path("linkedState").asString()).isEqualTo("OPEN");

		// in the community's project list, for its partner units to claim
		JsonNode listed = api.get("/api/v1/partnership/items/" + item, desk).json().path("item");
		assertThat(listed.path("kind").asString()).isEqualTo("PROJECT");
		assertThat(listed.path("category").asString()).isEqualTo("EQUIPMENT");
		assertThat(listed.path("title").asString()).isEqualTo("更换中心院坝健身器材");
		assertThat(listed.path("communityName").asString()).isEqualTo("金银桥社区");

		String school = api.tokenOf("mudong-school");
		Response claim = api.post("/api/v1/partnership/items/" + item + "/claims", school, Map.of());
		assertThat(claim.status()).as(claim.brief()).isEqualTo(201);
		String claimId = claim.json().path("id").asString();
		awaitTask(topic, desk, taskId, "FULLY_CLAIMED", false);
		Response delivered = api.post("/api/v1/partnership/claims/" + claimId + "/complete", school,
				Map.of("note", "器材已更换", "evidenceId", upload(school)));
		assertThat(delivered.status()).as(delivered.brief()).isEqualTo(200);
		assertThat(api.post("/api/v1/partnership/claims/" + claimId + "/accept", desk, Map.of("note", "验收合格"))
			.status()).isEqualTo(200);

		awaitTask(topic, desk, taskId, "COMPLETED", true);
	}

	@Test
	void aWithdrawnProjectLeavesItsTaskToTheDesk() {
		String desk = api.tokenOf("mudong");
		String topic = decidedTopic(desk, "金银桥社区", "小区围墙要不要加高");
		Response added = api.post(topic + "/tasks", desk, task("围墙加高 50 厘米", "共建单位", "PROJECT"));
		JsonNode made = added.json().path("tasks").get(0);
		String taskId = made.path("id").asString();
		assertThat(api.post("/api/v1/partnership/items/" + made.path("linkedId").asString() + "/withdraw", desk,
				Map.of("reason", "改由居民自筹施工")).status()).isEqualTo(200);

		JsonNode withdrawn = awaitTask(topic, desk, taskId, "WITHDRAWN", false);
		assertThat(withdrawn.path("byHand").asBoolean()).isTrue();
		Response settled = api.post(topic + "/tasks/" + taskId + "/completion", desk,
				Map.of("note", "改由居民自筹，已施工完毕"));
		assertThat(settled.status()).as(settled.brief()).isEqualTo(200);
	}

	/** A topic of the first estate of the community, decided by the representatives' meeting: ready for tasks. */
	private String decidedTopic(String desk, String community, String title) {
		String estate = api.get("/api/v1/estates?communityId=" + api.orgUnitId(community), desk).json().get(0)
			.path("id").asString();
		Response raised = api.post("/api/v1/topics", desk, Map.of("title", title + " " + UUID.randomUUID()
			.toString().substring(0, 8), "description", "居民反映多次，请大家议一议怎么办", "placeKind", "ESTATE",
				"placeId", estate));
		assertThat(raised.status()).as(raised.brief()).isEqualTo(201);
		String topic = "/api/v1/topics/" + raised.json().path("id").asString();
		assertThat(api.post(topic + "/admission", desk, Map.of()).status()).isEqualTo(200);
		Response decided = api.post(topic + "/decision", desk,
				Map.of("rule", "REPRESENTATIVES", "passed", true, "minutes", "居民代表会议一致同意，尽快落实"));
		assertThat(decided.status()).as(decided.brief()).isEqualTo(200);
		return topic;
	}

	private static Map<String, Object> task(String title, String owner, String kind) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("owner", owner);
		// far enough not to fall due while the test runs, near enough to be a date a person means
		body.put("dueOn", org.zhizhi.TestClock.current().today().plusYears(1).toString());
		body.put("kind", kind);
		return body;
	}

	/** Waits for the listener: the task's linked state, and whether it is done. */
	private JsonNode awaitTask(String topic, String desk, String taskId, String linkedState, boolean done) {
		JsonNode[] found = new JsonNode[1];
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode task = api.get(topic, desk).json().path("tasks").findParents("id").stream()
				.filter(t -> t.path("id").asString().equals(taskId))
				.findFirst()
				.orElseThrow();
			assertThat(task.path("linkedState").asString()).isEqualTo(linkedState);
			assertThat(task.path("done").asBoolean()).isEqualTo(done);
			found[0] = task;
		});
		return found[0];
	}

	private void step(String incident, String step, String token, Map<String, Object> body) {
		Response response = api.post("/api/v1/incidents/" + incident + "/" + step, token, body);
		assertThat(response.status()).as("%s: %s", step, response.brief()).isEqualTo(200);
	}

	private Map<String, Object> withPhoto(String incident, String token, Map<String, Object> body) {
		Map<String, Object> withPhoto = new LinkedHashMap<>(body);
		withPhoto.put("photoIds", List.of(api.uploadPhoto(token, incident)));
		return withPhoto;
	}

	private String upload(String token) {
		Response uploaded = api.postMultipart("/api/v1/partnership/documents?kind=PHOTO", token,
				Map.of("file", new Part("application/octet-stream", jpeg(), "f.jpg")));
		assertThat(uploaded.status()).as(uploaded.brief()).isEqualTo(201);
		return uploaded.json().path("id").asString();
	}

	private static byte[] jpeg() {
		try {
			var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
