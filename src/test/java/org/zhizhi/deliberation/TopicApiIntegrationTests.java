package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Part;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.TestPhotos;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12, done means: as jumin01 raise a topic about the stairwell light and co-sign it from other households; as
 * dongcheng put it on the agenda and open the households' vote; vote as several households (phones and paper
 * ballots); see the result, the task it became, and the households' rating — over HTTP, as the phone and the desk do.
 */
@ZhizhiIntegrationTest
class TopicApiIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aStairwellLightGoesThroughTheFiveStages() {
		String zhang = api.tokenOf("jumin01");
		String li = api.tokenOf("jumin02");
		String wang = api.tokenOf("jumin03");
		String desk = api.tokenOf("dongcheng");

		// 提事
		Response raised = api.post("/api/v1/topics", zhang, Map.of("title", "楼道灯坏了一个月", "description",
				"三楼到六楼的楼道灯坏了一个月，晚上老人上下楼看不见，请大家一起想办法", "placeKind", "BUILDING"));
		assertThat(raised.status()).as(raised.brief()).isEqualTo(201);
		String id = raised.json().path("id").asString();
		String topic = "/api/v1/topics/" + id;
		assertThat(raised.headers().firstValue("Location")).hasValue(topic);
		assertThat(raised.json().path("state").asString()).isEqualTo("RAISED");
		assertThat(raised.json().path("cosigns").asInt()).as("the raiser's household signs first").isEqualTo(1);
		assertThat(raised.json().path("mine").path("cosigned").asBoolean()).isTrue();
		assertThat(actions(raised.json())).contains("WITHDRAW", "COMMENT").doesNotContain("COSIGN", "ADMIT");
		assertThat(api.post(topic + "/cosigns", zhang, Map.of()).problemCode(409)).isEqualTo("ALREADY_COSIGNED");

		assertThat(actions(api.get(topic, li).json())).contains("COSIGN");
		assertThat(api.post(topic + "/cosigns", li, Map.of()).json().path("cosigns").asInt()).isEqualTo(2);
		assertThat(api.post(topic + "/cosigns", wang, Map.of()).json().path("cosigns").asInt()).isEqualTo(3);
		Response mine = api.get("/api/v1/topics", li);
		assertThat(mine.status()).as(mine.brief()).isEqualTo(200);
		assertThat(mine.json().findValuesAsString("id")).contains(id);

		// 议事
		assertThat(api.post(topic + "/comments", li, Map.of("stance", "SUPPORT", "text", "支持，最好换声控灯")).status())
			.isEqualTo(201);
		JsonNode admitted = api.post(topic + "/admission", desk, Map.of()).json();
		assertThat(admitted.path("state").asString()).isEqualTo("DELIBERATING");
		assertThat(api.post(topic + "/admission", zhang, Map.of()).problemCode(403)).isEqualTo("FORBIDDEN");

		// 决事: every household of the building, frozen now
		JsonNode voting = api.post(topic + "/voting", desk, Map.of("rule", "HOUSEHOLD_MAJORITY")).json();
		assertThat(voting.path("state").asString()).isEqualTo("VOTING");
		long households = voting.path("count").path("households").asLong();
		assertThat(households).isGreaterThanOrEqualTo(3);
		for (String household : List.of(zhang, li, wang)) {
			assertThat(api.post(topic + "/votes", household, Map.of("choice", "YES")).status()).isEqualTo(200);
		}
		// a vote changes until the vote closes; the household still has one
		api.post(topic + "/votes", wang, Map.of("choice", "NO"));
		JsonNode count = api.post(topic + "/votes", wang, Map.of("choice", "YES")).json().path("count");
		assertThat(count.path("yes").asLong()).isEqualTo(3);
		assertThat(count.path("cast").asLong()).isEqualTo(3);
		assertThat(api.get(topic + "/votes", zhang).json().path("ballots").isNull())
			.as("which household voted how is the desk's").isTrue();
		assertThat(api.put(topic + "/voting/rule", desk, Map.of("rule", "SIMPLE_MAJORITY")).problemCode(409))
			.isEqualTo("RULE_FROZEN");

		// the desk enters paper ballots until more than half of the households said yes
		List<String> notVoted = new ArrayList<>();
		api.get(topic + "/votes", desk).json().path("ballots").forEach(ballot -> {
			if (ballot.path("choice").isNull()) {
				notVoted.add(ballot.path("householdId").asString());
			}
		});
		long needed = households / 2 + 1 - 3;
		Response noPhoto = api.postMultipart(topic + "/votes", desk,
				Map.of("vote", Part.json(Map.of("choice", "YES", "householdId", notVoted.getFirst()))));
		assertThat(noPhoto.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noPhoto.json().path("errors").get(0).path("field").asString()).isEqualTo("ballot");
		for (int i = 0; i < needed; i++) {
			Map<String, Part> ballot = new LinkedHashMap<>();
			ballot.put("vote", Part.json(Map.of("choice", "YES", "householdId", notVoted.get(i))));
			ballot.put("ballot", Part.jpeg(TestPhotos.jpeg(Color.WHITE)));
			Response paper = api.postMultipart(topic + "/votes", desk, ballot);
			assertThat(paper.status()).as(paper.brief()).isEqualTo(200);
		}
		String topicPage = "/m/topics/" + topic.substring(topic.lastIndexOf('/') + 1);
		assertThat(votingNotice(zhang, topicPage).path("doneAt").isNull()).as("the call to vote, open").isTrue();
		JsonNode closed = api.post(topic + "/voting/close", desk, Map.of()).json();
		assertThat(closed.path("state").asString()).isEqualTo("PASSED");
		assertThat(votingNotice(zhang, topicPage).path("doneAt").isNull()).as("the vote is closed: done (issue 15)")
			.isFalse();
		assertThat(closed.path("count").path("yes").asLong()).isEqualTo(Math.max(3, households / 2 + 1));
		assertThat(closed.path("decision").path("passed").asBoolean()).isTrue();
		assertThat(api.post(topic + "/votes", zhang, Map.of("choice", "NO")).problemCode(409))
			.isEqualTo("VOTING_CLOSED");

		// 执事
		Response task = api.post(topic + "/tasks", desk,
				Map.of("title", "更换三到六楼声控灯", "owner", "东城红色物业", "dueOn", "2026-12-31"));
		assertThat(task.status()).as(task.brief()).isEqualTo(201);
		String taskId = task.json().path("tasks").get(0).path("id").asString();
		assertThat(api.post(topic + "/execution/finish", desk, Map.of()).problemCode(409)).isEqualTo("TASKS_OPEN");
		assertThat(api.post(topic + "/tasks/" + taskId + "/completion", desk, Map.of("note", "已更换 4 盏声控灯"))
			.json()
			.path("tasks")
			.get(0)
			.path("done")
			.asBoolean()).isTrue();
		assertThat(api.post(topic + "/tasks/" + taskId + "/completion", desk, Map.of("note", "再按一次"))
			.problemCode(409)).isEqualTo("TASK_DONE");
		assertThat(api.post(topic + "/execution/finish", desk, Map.of()).json().path("state").asString())
			.isEqualTo("EVALUATING");

		// 评事
		assertThat(api.post(topic + "/ratings", zhang, Map.of("stars", 5, "comment", "亮了，谢谢")).json()
			.path("ratings")
			.path("count")
			.asLong()).isEqualTo(1);
		assertThat(api.post(topic + "/ratings", zhang, Map.of("stars", 1)).problemCode(409)).isEqualTo("ALREADY_RATED");
		JsonNode done = api.post(topic + "/close", desk, Map.of()).json();
		assertThat(done.path("state").asString()).isEqualTo("CLOSED");
		assertThat(done.path("timeline").findValuesAsString("action")).containsSubsequence("RAISE", "COSIGN", "ADMIT",
				"OPEN_VOTING", "VOTE", "CLOSE_VOTING", "ADD_TASK", "COMPLETE_TASK", "FINISH_EXECUTION", "RATE", "CLOSE");
	}

	@Test
	void twoVotesOfOneHouseholdAtOnceAreOneVote() throws Exception {
		String desk = api.tokenOf("dongcheng");
		String id = openVote(desk);
		String zhang = api.tokenOf("jumin01");
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<CompletableFuture<Response>> votes = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String choice = i % 2 == 0 ? "YES" : "NO";
				votes.add(CompletableFuture.supplyAsync(
						() -> api.post("/api/v1/topics/" + id + "/votes", zhang, Map.of("choice", choice)), pool));
			}
			for (CompletableFuture<Response> vote : votes) {
				assertThat(vote.get().status()).as(vote.get().brief()).isEqualTo(200);
			}
		}
		JsonNode count = api.get("/api/v1/topics/" + id + "/votes", desk).json();
		assertThat(count.path("count").path("cast").asLong()).isEqualTo(1);
		assertThat(count.path("count").path("yes").asLong() + count.path("count").path("no").asLong()).isEqualTo(1);
	}

	@Test
	void aTopicIsReadOnlyByItsHouseholdsAndTheDeskOfItsScope() {
		String id = api.post("/api/v1/topics", api.tokenOf("jumin01"),
				Map.of("title", "单元门禁坏了", "description", "二单元门禁一直开着，外人随便进", "placeKind", "BUILDING"))
			.json()
			.path("id")
			.asString();
		assertThat(api.get("/api/v1/topics/" + id, api.tokenOf("dongcheng")).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/topics/" + id, api.tokenOf("mudong")).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/topics/" + id, api.tokenOf("dongcheng-g02")).problemCode(404))
			.as("another grid's worker").isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/topics/" + id, api.tokenOf("chengguan")).problemCode(403)).isEqualTo("FORBIDDEN");
		assertThat(api.get("/api/v1/topics", api.tokenOf("mudong")).json().findValuesAsString("id")).doesNotContain(id);
		assertThat(api.post("/api/v1/topics/" + id + "/withdrawal", api.tokenOf("jumin02"), Map.of("reason", "不是我提的"))
			.problemCode(403)).isEqualTo("FORBIDDEN");
		assertThat(api.post("/api/v1/topics/" + id + "/withdrawal", api.tokenOf("jumin01"), Map.of("reason", "物业已修好"))
			.json()
			.path("state")
			.asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void badInputIsAFieldProblemAndLeavesNoTopic() {
		String zhang = api.tokenOf("jumin01");
		Response list = api.get("/api/v1/topics", zhang);
		assertThat(list.status()).as(list.brief()).isEqualTo(200);
		int before = list.json().size();
		Response bad = api.post("/api/v1/topics", zhang, Map.of("title", "　", "description", "短", "placeKind", "BUILDING"));
		assertThat(bad.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("title", "description");
		assertThat(api.get("/api/v1/topics", zhang).json().size()).isEqualTo(before);
		Response staff = api.post("/api/v1/topics", api.tokenOf("dongcheng"),
				Map.of("title", "小区停车难", "description", "晚上车位不够，消防通道被占", "placeKind", "ESTATE"));
		assertThat(staff.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(staff.json().path("errors").findValuesAsString("field")).containsExactly("placeId");
	}

	private String openVote(String desk) {
		String id = api.post("/api/v1/topics", api.tokenOf("jumin01"),
				Map.of("title", "楼顶防水要不要维修", "description", "顶楼漏水，维修要动用公共维修资金", "placeKind", "BUILDING"))
			.json()
			.path("id")
			.asString();
		api.post("/api/v1/topics/" + id + "/admission", desk, Map.of());
		Response voting = api.post("/api/v1/topics/" + id + "/voting", desk, Map.of("rule", "SIMPLE_MAJORITY"));
		assertThat(voting.status()).as(voting.brief()).isEqualTo(200);
		return id;
	}

	private static List<String> actions(JsonNode topic) {
		List<String> actions = new ArrayList<>();
		topic.path("allowedActions").forEach(a -> actions.add(a.asString()));
		return actions;
	}

	/** The household's call to vote on the topic in its member's inbox. */
	private JsonNode votingNotice(String token, String topicPage) {
		return api.get("/api/v1/inbox", token).json().findParents("link")
			.stream()
			.filter(m -> m.path("kind").asString().equals("TOPIC_VOTING"))
			.filter(m -> m.path("link").asString().equals(topicPage))
			.findFirst()
			.orElseThrow();
	}
}
