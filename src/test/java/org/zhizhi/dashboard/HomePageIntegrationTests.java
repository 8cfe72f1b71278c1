package org.zhizhi.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/** The workbench counts what the user's own scope holds, level by level below his node, and nothing beyond it. */
@ZhizhiIntegrationTest
class HomePageIntegrationTests {

	private static final List<String> LEVELS = List.of("CITY", "DISTRICT", "STREET", "COMMUNITY", "GRID",
			"MICRO_GRID");

	private static final Pattern COUNT = Pattern.compile("<span[^>]*data-count=\"([A-Z_]+)\"[^>]*>(\\d+)</span>");

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "admin", "banan", "jieshi", "dongcheng", "dongcheng-g01", "jumin01", "mudong" })
	void theWorkbenchCountsTheLevelsBelowTheUsersNode(String username) {
		ApiClient api = new ApiClient(port);
		Map<UUID, JsonNode> all = api.allOrgUnits();
		JsonNode scope = api.get("/api/v1/me", api.tokenOf(username)).json().path("scope");
		UUID scopeId = UUID.fromString(scope.path("id").asString());
		int own = LEVELS.indexOf(scope.path("level").asString());

		HttpResponse<String> home = new WebSession(port).loggedInAs(username, ApiClient.DEMO_PASSWORD).get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("您的数据范围：" + scope.path("name").asString());

		Map<String, Long> shown = new java.util.LinkedHashMap<>();
		Matcher count = COUNT.matcher(home.body());
		while (count.find()) {
			if (LEVELS.contains(count.group(1))) {
				shown.put(count.group(1), Long.parseLong(count.group(2)));
			}
		}
		Map<String, Long> expected = new java.util.LinkedHashMap<>();
		// a resident works with no figures of the tree: his workbench is his to-do list, no counts (issue 15)
		List<String> counted = username.equals("jumin01") ? List.of() : LEVELS.subList(own + 1, LEVELS.size());
		for (String level : counted) {
			expected.put(level, all.values()
				.stream()
				.filter(node -> node.path("level").asString().equals(level))
				.filter(node -> ApiClient.isWithin(all, UUID.fromString(node.path("id").asString()), scopeId))
				.count());
		}
		assertThat(shown).as("counts on the workbench of %s", username).isEqualTo(expected);
		if (username.equals("dongcheng")) {
			assertThat(shown).containsEntry("GRID", 15L).containsEntry("MICRO_GRID", 76L);
		}
		if (username.equals("mudong")) {
			assertThat(shown).containsEntry("GRID", 9L).containsEntry("MICRO_GRID", 63L);
		}
	}
}
