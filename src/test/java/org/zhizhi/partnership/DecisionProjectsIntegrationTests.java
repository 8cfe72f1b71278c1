package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.partnership.meeting.DecisionTaken;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;

import tools.jackson.databind.JsonNode;

/**
 * A joint meeting's decision becomes a project of the community's lists (项目清单) in the decision's own transaction:
 * visible on the lists right after the API answered, naming its meeting, owned by the partner unit the decision named,
 * and once only — a replayed {@link DecisionTaken} changes nothing.
 */
@ZhizhiIntegrationTest
class DecisionProjectsIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aDecisionBecomesAProjectOfTheCommunitysListsOnceEvenWhenItsEventIsReplayed() {
		String token = api.tokenOf("mudong");
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String meeting = heldMeeting(token, "决定转项目 " + tag);
		LocalDate due = clock.today().plusDays(45);
		String text = "木洞小学开放操场，承办“四点半课堂” " + tag;
		Response decided = api.post("/api/v1/joint-meetings/" + meeting + "/decisions", token,
				decision(text, "UNIT", "木洞小学", due));
		assertThat(decided.status()).as(decided.brief()).isEqualTo(201);
		String decisionId = decided.json().path("decisions").get(0).path("id").asString();

		JsonNode project = projectOf(token, decisionId);
		assertThat(project).as("the project is on the lists as soon as the decision is").isNotNull();
		assertThat(project.path("kind").asString()).isEqualTo("PROJECT");
		assertThat(project.path("title").asString()).isEqualTo(text);
		assertThat(project.path("description").asString()).contains("决定转项目 " + tag, text, "木洞小学",
				due.toString());
		assertThat(project.path("periodStart").asString()).isEqualTo(clock.today().toString());
		assertThat(project.path("periodEnd").asString()).isEqualTo(due.toString());
		assertThat(project.path("quantity").decimalValue()).isEqualByComparingTo("1");
		assertThat(project.path("measure").asString()).isEqualTo("ITEMS");
		assertThat(project.path("category").asString()).isEqualTo("OTHER");
		assertThat(project.path("status").asString()).isEqualTo("OPEN");
		assertThat(project.path("claimed").decimalValue()).isEqualByComparingTo("0");
		assertThat(project.path("meetingId").asString()).isEqualTo(meeting);
		assertThat(project.path("ownerPartnerId").asString()).isEqualTo(partnerId(token, "木洞小学"));
		assertThat(project.path("ownerPartnerName").asString()).isEqualTo("木洞小学");
		// the owner's liaison finds it on his community's lists, to claim it
		assertThat(projectOf(api.tokenOf("mudong-school"), decisionId)).isNotNull();
		// another community does not
		assertThat(api.get("/api/v1/partnership/items?kind=PROJECT", api.tokenOf("dongcheng")).list())
			.noneMatch(i -> i.path("decisionId").asString().equals(decisionId));

		// the same decision again — a redelivery, even one that says something else — changes nothing
		DecisionTaken replay = new DecisionTaken(UUID.fromString(decisionId), UUID.fromString(meeting),
				api.orgUnitId("金银桥社区"), UUID.randomUUID(), "另一段文字", RefKind.PERSON, null, "别人",
				due.plusDays(10), UUID.randomUUID(), clock.instant(), communityPath(meeting), "另一个会议");
		events.publishEvent(replay);
		events.publishEvent(replay);
		assertThat(jdbc.sql("select count(*) from partnership.list_item where decision_id = ?")
			.param(UUID.fromString(decisionId))
			.query(Long.class)
			.single()).isEqualTo(1);
		JsonNode after = projectOf(token, decisionId);
		assertThat(after.path("id").asString()).isEqualTo(project.path("id").asString());
		assertThat(after.path("title").asString()).isEqualTo(text);
		assertThat(after.path("periodEnd").asString()).isEqualTo(due.toString());
	}

	@Test
	void aPersonsTaskIsAProjectWithoutOwnerUnitAndALongDecisionIsCutToTheTitle() {
		String token = api.tokenOf("mudong");
		String meeting = heldMeeting(token, "长决定 " + UUID.randomUUID().toString().substring(0, 8));
		String text = "社区协调".repeat(40) + "\n汛期前完成";
		Response decided = api.post("/api/v1/joint-meetings/" + meeting + "/decisions", token,
				decision(text, "PERSON", "王主任", clock.today().plusDays(20)));
		assertThat(decided.status()).as(decided.brief()).isEqualTo(201);
		JsonNode project = projectOf(token, decided.json().path("decisions").get(0).path("id").asString());
		String title = project.path("title").asString();
		assertThat(title).hasSize(DecisionProjects.TITLE_MAX).endsWith("…").startsWith("社区协调社区协调");
		assertThat(project.path("description").asString()).contains(text.strip(), "责任人：王主任");
		assertThat(project.path("ownerPartnerId").isNull()).isTrue();
		// a unit named that is none of the community's partners is only named
		Response guest = api.post("/api/v1/joint-meetings/" + meeting + "/decisions", token,
				decision("区文旅委指导", "UNIT", "巴南区文化旅游委员会", clock.today().plusDays(20)));
		JsonNode guestProject = projectOf(token, guest.json().path("decisions").get(1).path("id").asString());
		assertThat(guestProject.path("ownerPartnerId").isNull()).isTrue();
		assertThat(guestProject.path("description").asString()).contains("责任单位：巴南区文化旅游委员会");
	}

	private String heldMeeting(String token, String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "QUARTERLY");
		body.put("title", title);
		body.put("scheduledAt", clock.instant().minus(Duration.ofHours(2)).toString());
		Response created = api.post("/api/v1/joint-meetings", token, body);
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		String id = created.json().path("meeting").path("id").asString();
		assertThat(api.post("/api/v1/joint-meetings/" + id + "/hold", token, Map.of()).status()).isEqualTo(200);
		return id;
	}

	private static Map<String, Object> decision(String text, String ownerKind, String ownerName, LocalDate due) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text);
		body.put("ownerKind", ownerKind);
		body.put("ownerName", ownerName);
		body.put("dueOn", due.toString());
		return body;
	}

	private JsonNode projectOf(String token, String decisionId) {
		List<JsonNode> projects = api.get("/api/v1/partnership/items?kind=PROJECT", token).list();
		return projects.stream()
			.filter(i -> i.path("decisionId").asString().equals(decisionId))
			.findFirst()
			.orElse(null);
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

	private String communityPath(String meetingId) {
		return jdbc.sql("select community_path from partnership.joint_meeting where id = ?")
			.param(UUID.fromString(meetingId))
			.query(String.class)
			.single();
	}
}
