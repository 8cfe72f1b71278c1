package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.partnership.meeting.MeetingCommands.Hold;
import org.zhizhi.partnership.meeting.MeetingCommands.ScheduleMeeting;
import org.zhizhi.partnership.meeting.MeetingCommands.TakeDecision;
import org.zhizhi.partnership.meeting.MeetingViews.RefKind;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitQueries;

import tools.jackson.databind.JsonNode;

/**
 * The 1+4+X meetings through the HTTP API with the demo accounts: scope (金银桥社区's staff see theirs only), the state
 * machine's refusals, agenda from open incidents, decisions as tasks, the quota flag and the reminders sent once.
 */
@ZhizhiIntegrationTest
@RecordApplicationEvents
class JointMeetingApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JointMeetings meetings;

	@Autowired
	MeetingQueries queries;

	@Autowired
	MeetingReminders reminders;

	@Autowired
	OrgUnitQueries orgUnits;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationEvents events;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void communityStaffScheduleForTheirOwnCommunityAndOthersOutsideItsScopeSeeNothing() {
		Instant at = clock.instant().plus(Duration.ofDays(30));
		// the list is of one year: the meeting's own, whatever day of the year the test runs on
		String year = "?year=" + at.atZone(TestClock.CHINA).getYear();
		Response created = schedule("mudong", null, "QUARTERLY", at);
		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		JsonNode meeting = created.json().path("meeting");
		String id = meeting.path("id").asString();
		assertThat(meeting.path("state").asString()).isEqualTo("PLANNED");
		assertThat(meeting.path("communityId").asString()).isEqualTo(api.orgUnitId("金银桥社区").toString());
		assertThat(created.json().path("communityName").asString()).isEqualTo("金银桥社区");
		assertThat(meeting.path("title").asString()).isEqualTo(at.atZone(TestClock.CHINA).getYear() + "年季度协商议事会");

		// 东城社区's staff and 界石镇's street staff do not see it; it looks like nothing at all
		for (String outsider : List.of("dongcheng", "jieshi")) {
			assertThat(api.get("/api/v1/joint-meetings/" + id, api.tokenOf(outsider)).problemCode(404))
				.isEqualTo("NOT_FOUND");
			assertThat(api.get("/api/v1/joint-meetings" + year, api.tokenOf(outsider)).list())
				.noneMatch(m -> m.path("id").asString().equals(id));
			assertThat(api.post("/api/v1/joint-meetings/" + id + "/cancel", api.tokenOf(outsider),
					Map.of("reason", "x")).status()).isEqualTo(404);
		}
		// nor can 东城社区's staff schedule one for 金银桥社区
		assertThat(schedule("dongcheng", api.orgUnitId("金银桥社区"), "QUARTERLY", clock.instant().plus(Duration.ofDays(3)))
			.problemCode(404)).isEqualTo("NOT_FOUND");
		// the district sees it, and a resident may not use meetings at all
		assertThat(api.get("/api/v1/joint-meetings/" + id, api.tokenOf("banan")).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/joint-meetings", api.tokenOf("jumin01")).problemCode(403)).isEqualTo("FORBIDDEN");
		// mudong's list holds it; the community's staff were told in their inbox, in the same transaction
		assertThat(api.get("/api/v1/joint-meetings" + year, api.tokenOf("mudong")).list())
			.anyMatch(m -> m.path("id").asString().equals(id));
		assertThat(messages("JOINT_MEETING_SCHEDULED", id)).isEqualTo(1);
	}

	@Test
	void illegalStepsAreRefusedWith409NamingTheState() {
		String token = api.tokenOf("mudong");
		String id = schedule("mudong", null, "HALF_YEAR", clock.instant().plus(Duration.ofDays(20))).json()
			.path("meeting").path("id").asString();
		String base = "/api/v1/joint-meetings/" + id;

		Response minutes = api.post(base + "/minutes", token, Map.of("minutes", "纪要"));
		assertThat(minutes.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(minutes.json().path("detail").asString()).contains("PLANNED");
		assertThat(api.post(base + "/decisions", token, decision("x")).problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");

		assertThat(api.post(base + "/hold", token, Map.of()).status()).isEqualTo(200);
		Response again = api.post(base + "/hold", token, Map.of());
		assertThat(again.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(again.json().path("detail").asString()).contains("HELD");
		assertThat(api.post(base + "/cancel", token, Map.of("reason", "晚了")).problemCode(409))
			.isEqualTo("ILLEGAL_TRANSITION");

		// minutes are required, then final
		assertThat(api.post(base + "/minutes", token, Map.of("minutes", "  ")).errorFields()).containsExactly("minutes");
		Response minuted = api.post(base + "/minutes", token, Map.of("minutes", "会议议定三项工作。"));
		assertThat(minuted.json().path("meeting").path("state").asString()).isEqualTo("MINUTED");
		Response late = api.post(base + "/agenda", token, Map.of("kind", "TEXT", "title", "补充议题"));
		assertThat(late.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(late.json().path("detail").asString()).contains("MINUTED");
		// every step is on record
		assertThat(minuted.json().path("steps").findValuesAsString("action")).containsExactly("SCHEDULE", "HOLD", "MINUTE");
	}

	@Test
	void aCancelledMeetingNeedsAReasonAndIsFinal() {
		String token = api.tokenOf("mudong");
		String id = schedule("mudong", null, "YEAR_END", clock.instant().plus(Duration.ofDays(40))).json()
			.path("meeting").path("id").asString();
		String base = "/api/v1/joint-meetings/" + id;
		assertThat(api.post(base + "/cancel", token, Map.of()).errorFields()).containsExactly("reason");
		Response cancelled = api.post(base + "/cancel", token, Map.of("reason", "与防汛会议冲突"));
		assertThat(cancelled.json().path("meeting").path("state").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().path("meeting").path("cancelReason").asString()).isEqualTo("与防汛会议冲突");
		Response hold = api.post(base + "/hold", token, Map.of());
		assertThat(hold.problemCode(409)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(hold.json().path("detail").asString()).contains("CANCELLED");
	}

	@Test
	void theAgendaTakesOpenIncidentsOfTheCommunityOnlyAndEachOnce() {
		String token = api.tokenOf("mudong");
		String id = schedule("mudong", null, "QUARTERLY", clock.instant().plus(Duration.ofDays(12))).json()
			.path("meeting").path("id").asString();
		String base = "/api/v1/joint-meetings/" + id;

		List<JsonNode> candidates = api.get(base + "/agenda-candidates/incidents", token).list();
		assertThat(candidates).as("the demo has open incidents in 金银桥社区").isNotEmpty();
		String incident = candidates.get(0).path("id").asString();
		assertThat(candidates).allMatch(c -> !Set.of("CLOSED", "RATED", "REJECTED", "VERIFIED")
			.contains(c.path("state").asString()));

		Response added = api.post(base + "/agenda", token, Map.of("kind", "INCIDENT", "refId", incident));
		assertThat(added.status()).as(added.brief()).isEqualTo(201);
		JsonNode item = added.json().path("agenda").get(0);
		assertThat(item.path("kind").asString()).isEqualTo("INCIDENT");
		assertThat(item.path("refId").asString()).isEqualTo(incident);
		assertThat(item.path("title").asString()).isNotBlank();
		assertThat(api.post(base + "/agenda", token, Map.of("kind", "INCIDENT", "refId", incident)).problemCode(409))
			.isEqualTo("ALREADY_ON_AGENDA");
		assertThat(api.get(base + "/agenda-candidates/incidents", token).list())
			.noneMatch(c -> c.path("id").asString().equals(incident));

		// an incident of 东城社区 is no item of 金银桥社区's agenda
		String elsewhere = api.get("/api/v1/incidents?state=WHISTLED", api.tokenOf("dongcheng")).list().stream()
			.findFirst()
			.or(() -> api.get("/api/v1/incidents?state=REPORTED", api.tokenOf("dongcheng")).list().stream().findFirst())
			.orElseThrow()
			.path("id")
			.asString();
		Response foreign = api.post(base + "/agenda", token, Map.of("kind", "INCIDENT", "refId", elsewhere));
		assertThat(foreign.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(foreign.errorFields()).containsExactly("refId");

		Response text = api.post(base + "/agenda", token, Map.of("kind", "TEXT", "title", "暑期公益课堂总结"));
		assertThat(text.json().path("agenda").findValuesAsString("title")).hasSize(2).contains("暑期公益课堂总结");
		String textItem = text.json().path("agenda").get(1).path("id").asString();
		assertThat(api.delete(base + "/agenda/" + textItem, token).json().path("agenda")).hasSize(1);
		assertThat(api.post(base + "/agenda", token, Map.of("kind", "TEXT")).errorFields()).containsExactly("title");
	}

	@Test
	void theAgendaOffersAndTakesOnlyUnfinishedItemsOfTheCommunitysLists() {
		String token = api.tokenOf("mudong");
		String id = schedule("mudong", null, "QUARTERLY", clock.instant().plus(Duration.ofDays(14))).json()
			.path("meeting").path("id").asString();
		String base = "/api/v1/joint-meetings/" + id;
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UUID jinyinqiao = api.orgUnitId("金银桥社区");
		String open = publishNeed(token, jinyinqiao, "议程需求 " + tag, "5");
		String withdrawn = publishNeed(token, jinyinqiao, "撤回需求 " + tag, "5");
		assertThat(api.post("/api/v1/partnership/items/" + withdrawn + "/withdraw", token, null).status()).isEqualTo(200);
		// fully claimed but not delivered yet: still something a meeting may discuss
		String claimed = publishNeed(token, jinyinqiao, "已认领需求 " + tag, "1");
		assertThat(api.post("/api/v1/partnership/items/" + claimed + "/claims", api.tokenOf("mudong-school"), Map.of())
			.status()).isEqualTo(201);
		String elsewhere = publishNeed(api.tokenOf("dongcheng"), api.orgUnitId("东城社区"), "东城需求 " + tag, "5");
		String completed = api.get("/api/v1/partnership/items?kind=PROJECT&status=COMPLETED&communityId=" + jinyinqiao,
				token).list().get(0).path("id").asString();

		List<JsonNode> candidates = api.get(base + "/agenda-candidates/list-items", token).list();
		JsonNode offered = candidates.stream().filter(c -> c.path("id").asString().equals(open)).findFirst().orElse(null);
		assertThat(offered).as("the open need is offered").isNotNull();
		assertThat(offered.path("title").asString()).isEqualTo("议程需求 " + tag);
		assertThat(offered.path("list").asString()).isEqualTo("NEED");
		assertThat(candidates).extracting(c -> c.path("id").asString())
			.contains(claimed)
			.doesNotContain(withdrawn, elsewhere, completed);

		// the title is the item's, whatever the caller says
		Response added = api.post(base + "/agenda", token, Map.of("kind", "LIST_ITEM", "refId", open, "title", "别的标题"));
		assertThat(added.status()).as(added.brief()).isEqualTo(201);
		JsonNode item = added.json().path("agenda").get(0);
		assertThat(item.path("kind").asString()).isEqualTo("LIST_ITEM");
		assertThat(item.path("refId").asString()).isEqualTo(open);
		assertThat(item.path("title").asString()).isEqualTo("议程需求 " + tag);
		assertThat(api.post(base + "/agenda", token, Map.of("kind", "LIST_ITEM", "refId", open)).problemCode(409))
			.isEqualTo("ALREADY_ON_AGENDA");
		assertThat(api.get(base + "/agenda-candidates/list-items", token).list())
			.noneMatch(c -> c.path("id").asString().equals(open));
		assertThat(api.post(base + "/agenda", token, Map.of("kind", "LIST_ITEM", "refId", claimed)).status())
			.isEqualTo(201);

		// a withdrawn or completed item, another community's, or no item at all: a field error on refId
		for (String refused : List.of(withdrawn, completed, elsewhere, UUID.randomUUID().toString())) {
			Response answer = api.post(base + "/agenda", token,
					Map.of("kind", "LIST_ITEM", "refId", refused, "title", "强行加入"));
			assertThat(answer.problemCode(400)).isEqualTo("VALIDATION_FAILED");
			assertThat(answer.errorFields()).containsExactly("refId");
			assertThat(answer.json().path("errors").get(0).path("message").asString()).contains("未完成事项");
		}
		assertThat(api.post(base + "/agenda", token, Map.of("kind", "LIST_ITEM", "title", "无编号")).errorFields())
			.containsExactly("refId");
		assertThat(api.get(base, token).json().path("agenda")).hasSize(2);
	}

	@Test
	void unitsNamedByIdMustBePartnersOfTheCommunityAndTheDatabaseHoldsThemToIt() {
		String token = api.tokenOf("mudong");
		String id = schedule("mudong", null, "HALF_YEAR", clock.instant().minus(Duration.ofHours(2))).json()
			.path("meeting").path("id").asString();
		String base = "/api/v1/joint-meetings/" + id;
		String school = api.get("/api/v1/partners", token).list().stream()
			.filter(p -> p.path("name").asString().equals("木洞小学")).findFirst().orElseThrow().path("id").asString();
		String foreign = api.get("/api/v1/partners", api.tokenOf("dongcheng")).list().get(0).path("id").asString();

		Response invited = api.post(base + "/attendance", token, Map.of("kind", "UNIT", "refId", school));
		assertThat(invited.status()).as(invited.brief()).isEqualTo(200);
		assertThat(invited.json().path("attendees").get(0).path("name").asString()).isEqualTo("木洞小学");
		assertThat(invited.json().path("attendees").get(0).path("refId").asString()).isEqualTo(school);
		for (String notOurs : List.of(foreign, api.orgUnitId("金银桥社区").toString(), UUID.randomUUID().toString())) {
			Response refused = api.post(base + "/attendance", token, Map.of("kind", "UNIT", "refId", notOurs, "name", "某单位"));
			assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
			assertThat(refused.errorFields()).containsExactly("refId");
			assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("共建单位");
		}
		// the community itself, or a guest unit, is a UNIT by name
		assertThat(api.post(base + "/attendance", token, Map.of("kind", "UNIT", "name", "金银桥社区")).status())
			.isEqualTo(200);

		api.post(base + "/hold", token, Map.of());
		Map<String, Object> foreignOwner = decision("外社区单位负责");
		foreignOwner.put("ownerId", foreign);
		foreignOwner.remove("ownerName");
		assertThat(api.post(base + "/decisions", token, foreignOwner).errorFields()).containsExactly("ownerId");
		Map<String, Object> ownOwner = decision("木洞小学负责课后服务");
		ownOwner.put("ownerId", school);
		ownOwner.remove("ownerName");
		Response decided = api.post(base + "/decisions", token, ownOwner);
		assertThat(decided.status()).as(decided.brief()).isEqualTo(201);
		JsonNode task = decided.json().path("decisions").get(0);
		assertThat(task.path("ownerName").asString()).isEqualTo("木洞小学");
		assertThat(task.path("ownerId").asString()).isEqualTo(school);

		Map<String, Object> activity = new LinkedHashMap<>();
		activity.put("kind", "JOINT_STUDY");
		activity.put("title", "共同研学 " + id);
		activity.put("heldOn", clock.today().toString());
		activity.put("participants", List.of(Map.of("kind", "UNIT", "refId", foreign)));
		assertThat(api.post("/api/v1/joint-activities", token, activity).errorFields())
			.containsExactly("participants[0].refId");
		activity.put("participants", List.of(Map.of("kind", "UNIT", "refId", school)));
		Response logged = api.post("/api/v1/joint-activities", token, activity);
		assertThat(logged.status()).as(logged.brief()).isEqualTo(201);
		assertThat(logged.json().path("participants").get(0).path("name").asString()).isEqualTo("木洞小学");
		UUID activityId = UUID.fromString(logged.json().path("id").asString());

		// below the application, the foreign keys: a UNIT or LIST_ITEM row must name a partner unit or a list item
		UUID meeting = UUID.fromString(id);
		UUID nobody = UUID.randomUUID();
		assertThatThrownBy(() -> attendee(meeting, "UNIT", nobody)).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> ownerOfDecision(meeting, "UNIT", nobody))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> participant(activityId, "UNIT", nobody))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> agendaItem(meeting, "LIST_ITEM", nobody))
			.isInstanceOf(DataIntegrityViolationException.class);
		// accounts and incidents are other modules': referenced by id, not held by a key
		attendee(meeting, "PERSON", nobody);
		ownerOfDecision(meeting, "PERSON", nobody);
		participant(activityId, "PERSON", nobody);
		agendaItem(meeting, "INCIDENT", nobody);
		attendee(meeting, "UNIT", UUID.fromString(school));
	}

	private void attendee(UUID meeting, String kind, UUID ref) {
		jdbc.sql("""
				insert into partnership.joint_meeting_attendee (id, meeting_id, kind, ref_id, name, present, recorded_by,
				  recorded_at)
				values (?, ?, ?, ?, ?, true, ?, now())""")
			.params(UUID.randomUUID(), meeting, kind, ref, "直接写入 " + UUID.randomUUID(), UUID.randomUUID())
			.update();
	}

	private void ownerOfDecision(UUID meeting, String kind, UUID owner) {
		jdbc.sql("""
				insert into partnership.joint_meeting_decision (id, meeting_id, district_id, community_path, text,
				  owner_kind, owner_id, owner_name, due_on, created_by, created_at)
				select ?, id, district_id, community_path, '直接写入', ?, ?, '某方', current_date, created_by, now()
				  from partnership.joint_meeting where id = ?""")
			.params(UUID.randomUUID(), kind, owner, meeting)
			.update();
	}

	private void participant(UUID activity, String kind, UUID ref) {
		jdbc.sql("""
				insert into partnership.joint_activity_participant (id, activity_id, kind, ref_id, name)
				values (?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), activity, kind, ref, "直接写入 " + UUID.randomUUID())
			.update();
	}

	private void agendaItem(UUID meeting, String kind, UUID ref) {
		jdbc.sql("""
				insert into partnership.joint_meeting_agenda_item (id, meeting_id, position, kind, ref_id, title,
				  created_by, created_at)
				values (?, ?, 99, ?, ?, '直接写入', ?, now())""")
			.params(UUID.randomUUID(), meeting, kind, ref, UUID.randomUUID())
			.update();
	}

	private String publishNeed(String token, UUID community, String title, String quantity) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityId", community.toString());
		body.put("kind", "NEED");
		body.put("title", title);
		body.put("category", "ELDERLY_CARE");
		body.put("quantity", quantity);
		body.put("measure", "PEOPLE");
		body.put("periodStart", clock.today().toString());
		body.put("periodEnd", clock.today().plusMonths(2).toString());
		Response response = api.post("/api/v1/partnership/items", token, body);
		assertThat(response.status()).as(response.brief()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	@Test
	void attendanceAndDecisionsWithOwnersAndDueDatesBecomeTasks() {
		String token = api.tokenOf("mudong");
		String id = schedule("mudong", null, "CLAIMING", clock.instant().minus(Duration.ofHours(3))).json()
			.path("meeting").path("id").asString();
		String base = "/api/v1/joint-meetings/" + id;
		Response invited = api.post(base + "/attendance", token, Map.of("kind", "UNIT", "name", "木洞小学"));
		assertThat(invited.json().path("attendees").get(0).path("present").asBoolean()).isFalse();
		assertThat(api.post(base + "/attendance", token, Map.of("kind", "UNIT")).errorFields()).containsExactly("name");

		api.post(base + "/hold", token, Map.of());
		Response present = api.post(base + "/attendance", token, Map.of("kind", "UNIT", "name", "木洞小学"));
		assertThat(present.json().path("attendees")).hasSize(1);
		assertThat(present.json().path("attendees").get(0).path("present").asBoolean()).isTrue();

		Response missing = api.post(base + "/decisions", token, Map.of());
		assertThat(missing.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(missing.errorFields()).containsExactlyInAnyOrder("text", "ownerKind", "dueOn", "ownerName");
		Map<String, Object> early = decision("太早");
		early.put("dueOn", clock.today().minusYears(1).toString());
		assertThat(api.post(base + "/decisions", token, early).errorFields()).containsExactly("dueOn");

		Response decided = api.post(base + "/decisions", token, decision("木洞小学认领暑期公益课堂"));
		assertThat(decided.status()).as(decided.brief()).isEqualTo(201);
		JsonNode task = decided.json().path("decisions").get(0);
		assertThat(task.path("ownerName").asString()).isEqualTo("木洞小学");
		assertThat(task.path("doneAt").isNull()).isTrue();
		String decisionId = task.path("id").asString();
		assertThat(api.get("/api/v1/joint-meetings/tasks", token).list())
			.anyMatch(t -> t.path("id").asString().equals(decisionId));
		assertThat(api.get("/api/v1/joint-meetings/tasks", api.tokenOf("dongcheng")).list())
			.noneMatch(t -> t.path("id").asString().equals(decisionId));

		Response done = api.post(base + "/decisions/" + decisionId + "/done", token, null);
		assertThat(done.json().path("decisions").get(0).path("doneAt").isNull()).isFalse();
		assertThat(api.post(base + "/decisions/" + decisionId + "/done", token, null).status())
			.as("marking done twice is harmless").isEqualTo(200);
		assertThat(api.get("/api/v1/joint-meetings/tasks", token).list())
			.noneMatch(t -> t.path("id").asString().equals(decisionId));
	}

	@Test
	void aDecisionPublishesDecisionTakenForThePartnersCore() {
		Actor mudong = staffOf("金银桥社区", "mudong");
		UUID id = meetings.schedule(mudong, new ScheduleMeeting(null, MeetingKind.QUARTERLY, "事件测试",
				clock.instant().minus(Duration.ofHours(1)), null)).meeting().id();
		meetings.hold(mudong, id, new Hold(null));
		events.clear();
		var detail = meetings.decide(mudong, id, new TakeDecision("重庆新希望生物提供 20 名志愿者", RefKind.UNIT, null,
				"重庆新希望生物", clock.today().plusDays(30)));
		List<DecisionTaken> taken = events.stream(DecisionTaken.class).toList();
		assertThat(taken).hasSize(1);
		assertThat(taken.get(0).decisionId()).isEqualTo(detail.decisions().get(0).id());
		assertThat(taken.get(0).communityId()).isEqualTo(detail.meeting().communityId());
		assertThat(taken.get(0).ownerName()).isEqualTo("重庆新希望生物");
	}

	@Test
	void aCommunityThatHeldFewerMeetingsThanDueIsFlaggedByTheCalendar() {
		// 2020 holds no demo meetings: one meeting held on 10 February 2020 in 东城社区
		Actor dongcheng = staffOf("东城社区", "dongcheng");
		UUID id = meetings.schedule(dongcheng, new ScheduleMeeting(null, MeetingKind.CLAIMING, null,
				Instant.parse("2020-02-10T01:30:00Z"), null)).meeting().id();
		meetings.hold(dongcheng, id, new Hold(Instant.parse("2020-02-10T02:00:00Z")));
		UUID community = dongcheng.scope().orgUnitId();

		var march = queries.overview(dongcheng, community, 2020, LocalDate.of(2020, 3, 31));
		assertThat(march.quota().due()).isZero();
		assertThat(march.quota().held()).isEqualTo(1);
		assertThat(march.behind()).isFalse();
		var april = queries.overview(dongcheng, community, 2020, LocalDate.of(2020, 4, 1));
		assertThat(april.quota().due()).isEqualTo(1);
		assertThat(april.behind()).isFalse();
		var july = queries.overview(dongcheng, community, 2020, LocalDate.of(2020, 7, 1));
		assertThat(july.quota().due()).isEqualTo(2);
		assertThat(july.behind()).isTrue();
		assertThat(july.quota().missing()).isEqualTo(1);
		// a day before it was held, it does not count yet
		assertThat(queries.overview(dongcheng, community, 2020, LocalDate.of(2020, 2, 9)).quota().held()).isZero();
		// the street sees 东城社区 behind, first; 金银桥社区 is not in its scope
		var street = queries.overviews(staffOf("界石镇", "jieshi"), 2020, LocalDate.of(2020, 7, 1));
		assertThat(street).extracting(o -> o.communityName()).contains("东城社区").doesNotContain("金银桥社区");
		assertThat(street.get(0).behind()).isTrue();
		// a cancelled meeting does not count
		UUID cancelled = meetings.schedule(dongcheng, new ScheduleMeeting(null, MeetingKind.HALF_YEAR, null,
				Instant.parse("2020-06-20T01:30:00Z"), null)).meeting().id();
		meetings.cancel(dongcheng, cancelled, new MeetingCommands.Cancel("疫情"));
		assertThat(queries.overview(dongcheng, community, 2020, LocalDate.of(2020, 7, 1)).quota().held()).isEqualTo(1);
		// over the API, today's overview answers the quota of today
		JsonNode today = api.get("/api/v1/joint-meetings/overview?year=2020", api.tokenOf("dongcheng")).json();
		assertThat(today.path("quota").path("due").asInt()).isEqualTo(4);
		assertThat(today.path("quota").path("held").asInt()).isEqualTo(1);
		assertThat(today.path("communityName").asString()).isEqualTo("东城社区");
	}

	@Test
	void remindersGoOutOncePerThreshold() {
		String token = api.tokenOf("mudong");
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String id = schedule("mudong", null, "QUARTERLY", now.plus(Duration.ofDays(2))).json()
			.path("meeting").path("id").asString();
		String mudongId = api.get("/api/v1/me", token).json().path("id").asString();
		api.post("/api/v1/joint-meetings/" + id + "/attendance", token,
				Map.of("kind", "PERSON", "refId", mudongId));

		reminders.run(now);
		assertThat(messages("JOINT_MEETING_REMINDER", id)).as("the 7-day reminder").isEqualTo(1);
		reminders.run(now);
		reminders.run(now.plus(Duration.ofHours(6)));
		assertThat(messages("JOINT_MEETING_REMINDER", id)).as("not again").isEqualTo(1);

		reminders.run(now.plus(Duration.ofHours(25)));
		assertThat(messages("JOINT_MEETING_REMINDER", id)).as("the 1-day reminder").isEqualTo(2);
		reminders.run(now.plus(Duration.ofHours(30)));
		assertThat(messages("JOINT_MEETING_REMINDER", id)).isEqualTo(2);
		// none once the meeting has begun
		reminders.run(now.plus(Duration.ofDays(3)));
		assertThat(messages("JOINT_MEETING_REMINDER", id)).isEqualTo(2);
	}

	@Test
	void theDemoHasFourMeetingsOfThisYearIn金银桥社区InDifferentStates() {
		JsonNode overview = api.get("/api/v1/joint-meetings/overview", api.tokenOf("mudong")).json();
		assertThat(overview.path("communityName").asString()).isEqualTo("金银桥社区");
		List<String> states = new ArrayList<>();
		Map<String, String> kinds = new LinkedHashMap<>();
		overview.path("meetings").forEach(m -> {
			if (m.path("createdBy").asString().equals(api.get("/api/v1/me", api.tokenOf("mudong")).json().path("id").asString())
					&& !m.path("title").asString().equals("事件测试")) {
				states.add(m.path("state").asString());
				kinds.put(m.path("kind").asString(), m.path("state").asString());
			}
		});
		assertThat(kinds.keySet()).contains("CLAIMING", "HALF_YEAR", "QUARTERLY", "YEAR_END");
		assertThat(states).contains("MINUTED", "HELD", "CANCELLED", "PLANNED");
		List<JsonNode> activities = api.get("/api/v1/joint-activities", api.tokenOf("mudong")).list();
		assertThat(activities).extracting(a -> a.path("kind").asString())
			.contains("THEME_PARTY_DAY", "PARTY_LESSON", "JOINT_STUDY", "RESOURCE_SHARING");
		assertThat(activities.get(0).path("participants")).isNotEmpty();
		assertThat(api.get("/api/v1/joint-activities", api.tokenOf("dongcheng")).list()).isEmpty();
	}

	@Test
	void activitiesAreLoggedWithParticipantsAndCheckedInput() {
		String token = api.tokenOf("mudong");
		Response bad = api.post("/api/v1/joint-activities", token,
				Map.of("kind", "JOINT_STUDY", "heldOn", clock.today().plusDays(3).toString()));
		assertThat(bad.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(bad.errorFields()).contains("heldOn", "title");
		Response logged = api.post("/api/v1/joint-activities", token, Map.of("kind", "PARTY_LESSON", "title",
				"共上党课：红岩精神", "heldOn", clock.today().toString(), "participants",
				List.of(Map.of("kind", "UNIT", "name", "木洞小学"), Map.of("kind", "PERSON", "name", "张老师"))));
		assertThat(logged.status()).as(logged.brief()).isEqualTo(201);
		assertThat(logged.json().path("headcount").asInt()).isEqualTo(2);
		assertThat(logged.json().path("participants").findValuesAsString("name")).containsExactly("木洞小学", "张老师");
		assertThat(api.post("/api/v1/joint-activities", token, Map.of("kind", "PARTY_LESSON", "title", "无人参加",
				"heldOn", clock.today().toString())).errorFields()).containsExactly("participants");
	}

	private Response schedule(String user, UUID community, String kind, Instant at) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (community != null) {
			body.put("communityId", community.toString());
		}
		body.put("kind", kind);
		body.put("scheduledAt", at.toString());
		body.put("place", "社区会议室");
		return api.post("/api/v1/joint-meetings", api.tokenOf(user), body);
	}

	private Map<String, Object> decision(String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text);
		body.put("ownerKind", "UNIT");
		body.put("ownerName", "木洞小学");
		body.put("dueOn", clock.today().plusDays(60).toString());
		return body;
	}

	private int messages(String kind, String meetingId) {
		return jdbc.sql("select count(*) from notification.inbox_message where kind = :kind and link = :link")
			.param("kind", kind)
			.param("link", "/partnership/meetings/" + meetingId)
			.query(Integer.class)
			.single();
	}

	private Actor staffOf(String node, String username) {
		UUID nodeId = api.orgUnitId(node);
		OrgUnit unit = orgUnits.bindingOf(nodeId).orElseThrow();
		UUID userId = UUID.fromString(api.get("/api/v1/me", api.tokenOf(username)).json().path("id").asString());
		Role role = node.endsWith("镇") ? Role.STREET_STAFF : Role.COMMUNITY_STAFF;
		return new Actor(userId, username, username, Set.of(role), unit.scope());
	}
}
