package org.zhizhi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.TestClock;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The inbox over real HTTP, API and page: a person sees, reads and clears his own messages, newest first, and another
 * person's message does not exist for him.
 */
@ZhizhiIntegrationTest
class InboxApiIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	private ApiClient api;

	private Person me;

	private Person other;

	record Person(UUID id, String username, String token) {
	}

	@BeforeEach
	void twoPeople() {
		api = new ApiClient(port);
		me = person();
		other = person();
	}

	@Test
	void iSeeMyMessagesNewestFirstAndTheUnreadOnesOnRequest() {
		UUID first = send(me, "第一条");
		UUID second = send(me, "第二条");
		UUID third = send(me, "第三条");
		send(other, "别人的消息");

		List<JsonNode> all = api.get("/api/v1/inbox", me.token()).list();
		assertThat(all).extracting(m -> m.path("id").asString())
			.containsExactly(third.toString(), second.toString(), first.toString());
		assertThat(all.get(0).path("title").asString()).isEqualTo("第三条");
		assertThat(all.get(0).path("link").asString()).isEqualTo("/inbox");
		assertThat(all.get(0).path("readAt").isNull()).isTrue();
		assertThat(unread(me)).isEqualTo(3);

		JsonNode read = api.post("/api/v1/inbox/" + second + "/read", me.token(), null).json();
		assertThat(read.path("readAt").isNull()).isFalse();
		assertThat(unread(me)).isEqualTo(2);
		assertThat(api.get("/api/v1/inbox?unread=true", me.token()).list()).extracting(m -> m.path("id").asString())
			.containsExactly(third.toString(), first.toString());
		String readAt = read.path("readAt").asString();
		assertThat(api.post("/api/v1/inbox/" + second + "/read", me.token(), null).json().path("readAt").asString())
			.as("reading again keeps the first time").isEqualTo(readAt);

		assertThat(api.post("/api/v1/inbox/read-all", me.token(), null).json().path("marked").asInt()).isEqualTo(2);
		assertThat(unread(me)).isZero();
		assertThat(api.get("/api/v1/inbox?unread=true", me.token()).list()).isEmpty();
		assertThat(unread(other)).as("my read-all leaves his messages alone").isEqualTo(1);
	}

	@Test
	void anotherPersonCanNeitherSeeNorMarkMyMessage() {
		UUID mine = send(me, "只给我的");

		assertThat(api.get("/api/v1/inbox/" + mine, other.token()).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(api.post("/api/v1/inbox/" + mine + "/read", other.token(), null).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/inbox", other.token()).list()).noneMatch(m -> m.path("id").asString()
			.equals(mine.toString()));
		api.post("/api/v1/inbox/read-all", other.token(), null);

		assertThat(api.get("/api/v1/inbox/" + mine, me.token()).json().path("readAt").isNull())
			.as("still unread for me").isTrue();
		assertThat(api.get("/api/v1/inbox/" + UUID.randomUUID(), me.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/inbox", null).status()).isEqualTo(401);
	}

	@Test
	void theInboxIsPagedTwentyAtATime() {
		List<UUID> recipients = java.util.Collections.nCopies(1, me.id());
		for (int i = 0; i < 25; i++) {
			transactions.executeWithoutResult(s -> notifications.notify(recipients,
					new Notice("TEST_NOTICE", "分页", "", null)));
		}

		assertThat(api.get("/api/v1/inbox", me.token()).list()).hasSize(Inbox.PAGE_SIZE);
		assertThat(api.get("/api/v1/inbox?page=1", me.token()).list()).hasSize(5);
		assertThat(api.get("/api/v1/inbox?page=2", me.token()).list()).isEmpty();
	}

	@Test
	void theInboxPageListsMyMessagesAndOpeningOneMarksItReadAndFollowsItsLink() {
		UUID mine = send(me, "请核查井盖", "/territory");
		send(me, "第二条消息", null);
		UUID his = send(other, "他的消息");
		WebSession session = new WebSession(port).loggedInAs(me.username(), ApiClient.TEST_PASSWORD);

		HttpResponse<String> page = session.get("/inbox");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>消息</h1>", "请核查井盖", "第二条消息", "全部标为已读")
			.doesNotContain("他的消息")
			.containsPattern("id=\"inbox-link\"[^>]*>.*<span class=\"inbox-count\">2</span>");

		HttpResponse<String> opened = session.submit("/inbox", "/inbox/" + mine + "/open", Map.of());
		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(opened)).isEqualTo("/territory");
		assertThat(unread(me)).isEqualTo(1);

		HttpResponse<String> notMine = session.submit("/inbox", "/inbox/" + his + "/open", Map.of());
		assertThat(notMine.statusCode()).isEqualTo(404);
		assertThat(unread(other)).isEqualTo(1);

		HttpResponse<String> cleared = session.submit("/inbox", "/inbox/read-all", Map.of());
		assertThat(WebSession.location(cleared)).isEqualTo("/inbox");
		HttpResponse<String> after = session.get("/inbox");
		assertThat(after.body()).contains("已全部标为已读。").doesNotContain("class=\"inbox-count\"");
		assertThat(session.get("/inbox?unread=true").body()).contains("没有未读消息。");
	}

	private Person person() {
		JsonNode created = api.createResident("inbox");
		String username = created.path("username").asString();
		return new Person(UUID.fromString(created.path("id").asString()), username,
				api.login(username, ApiClient.TEST_PASSWORD));
	}

	private UUID send(Person to, String title) {
		return send(to, title, "/inbox");
	}

	/** One message to one person; a second after the last, so that "newest first" has an order to keep. */
	private UUID send(Person to, String title, String link) {
		clock.advance(Duration.ofSeconds(1));
		transactions.executeWithoutResult(s -> notifications.notify(List.of(to.id()),
				new Notice("TEST_NOTICE", title, "正文", link)));
		List<JsonNode> newest = api.get("/api/v1/inbox", to.token()).list();
		assertThat(newest.get(0).path("title").asString()).isEqualTo(title);
		return UUID.fromString(newest.get(0).path("id").asString());
	}

	private long unread(Person person) {
		Response response = api.get("/api/v1/inbox/unread-count", person.token());
		assertThat(response.status()).isEqualTo(200);
		return response.json().path("unread").asLong();
	}
}
