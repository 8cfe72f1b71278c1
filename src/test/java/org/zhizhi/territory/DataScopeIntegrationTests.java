package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Every user sees his node and what lies below it, and nothing else — in lists and single reads, through the API and
 * the pages. What each demo account gets is compared with what the system admin sees of the whole tree, narrowed by
 * walking each node's parentId chain up to the account's scope node.
 */
@ZhizhiIntegrationTest
class DataScopeIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aGridWorkerGetsNotFoundForTheNeighbouringGridThroughTheApi() {
		String token = api.tokenOf("dongcheng-g01");
		UUID ownGrid = api.orgUnitId("东城社区第1网格");
		UUID otherGrid = api.orgUnitId("东城社区第2网格");

		Response other = api.get("/api/v1/org-units/" + otherGrid, token);
		assertThat(other.problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(other.body()).doesNotContain("东城社区第2网格").doesNotContain("boundary").doesNotContain("500113");

		Response own = api.get("/api/v1/org-units/" + ownGrid, token);
		assertThat(own.status()).isEqualTo(200);
		JsonNode grid = own.json();
		assertThat(grid.path("id").asString()).isEqualTo(ownGrid.toString());
		assertThat(grid.path("name").asString()).isEqualTo("东城社区第1网格");
		assertThat(grid.path("level").asString()).isEqualTo("GRID");
		assertThat(grid.path("kind").asString()).isEqualTo("RESIDENTIAL");
		JsonNode boundary = grid.path("boundary");
		assertThat(boundary.isObject()).as("boundary is a GeoJSON object, not a string: %s", own.body()).isTrue();
		assertThat(boundary.path("type").asString()).isEqualTo("Polygon");
		JsonNode ring = boundary.path("coordinates").path(0);
		assertThat(ring.size()).isGreaterThanOrEqualTo(4);
		assertThat(ring.path(0)).isEqualTo(ring.path(ring.size() - 1));
		// WGS-84 longitude first, near 界石镇 in 巴南区
		assertThat(ring.path(0).path(0).asDouble()).isBetween(106.4, 106.9);
		assertThat(ring.path(0).path(1).asDouble()).isBetween(29.2, 29.7);

		// the community above him is out of his scope too
		assertThat(api.get("/api/v1/org-units/" + api.orgUnitId("东城社区"), token).problemCode(404))
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void aGridWorkerGetsNotFoundForTheNeighbouringGridThroughThePages() {
		WebSession browser = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		UUID ownGrid = api.orgUnitId("东城社区第1网格");
		UUID otherGrid = api.orgUnitId("东城社区第2网格");

		HttpResponse<String> other = browser.get("/territory/" + otherGrid);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).doesNotContain("东城社区第2网格");
		assertThat(browser.get("/territory/" + otherGrid + "/children").statusCode()).isEqualTo(404);
		assertThat(browser.get("/territory/" + api.orgUnitId("东城社区")).statusCode()).isEqualTo(404);

		HttpResponse<String> own = browser.get("/territory/" + ownGrid);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("东城社区第1网格").contains("第1网格第1微网格").doesNotContain("第2网格第1微网格");

		HttpResponse<String> search = browser.get("/territory?name=" + ApiClient.encode("网格"));
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(search.body()).contains("东城社区第1网格").doesNotContain("东城社区第2网格")
			.doesNotContain("第2网格第1微网格");
	}

	/** Every demo account that reads the tree (the auditor does not), with every kind of list. */
	@ParameterizedTest
	@ValueSource(strings = { "admin", "security", "banan", "jieshi", "dongcheng", "dongcheng-g01", "dongcheng-g02",
			"dangyuan01", "jumin01", "mudong" })
	void listsHoldExactlyTheNodesInsideTheCallersScope(String username) {
		Map<UUID, JsonNode> all = api.allOrgUnits();
		String token = api.tokenOf(username);
		UUID scope = UUID.fromString(api.get("/api/v1/me", token).json().path("scope").path("id").asString());
		Predicate<JsonNode> inScope = node -> ApiClient.isWithin(all, id(node), scope);

		Map<String, Predicate<JsonNode>> queries = new LinkedHashMap<>();
		queries.put("?name=" + ApiClient.encode("社区"), node -> node.path("name").asString().contains("社区"));
		queries.put("?name=" + ApiClient.encode("网格"), node -> node.path("name").asString().contains("网格"));
		queries.put("?name=" + ApiClient.encode("巴南"), node -> node.path("name").asString().contains("巴南"));
		queries.put("?level=MICRO_GRID", node -> node.path("level").asString().equals("MICRO_GRID"));
		queries.put("", node -> true);
		for (String community : List.of("东城社区", "金银桥社区", "下新新社区")) {
			UUID parent = api.orgUnitId(community);
			queries.put("?parentId=" + parent + "&level=GRID",
					node -> node.path("parentId").asString().equals(parent.toString())
							&& node.path("level").asString().equals("GRID"));
		}
		UUID ownParent = all.get(scope).path("parentId").isNull() ? scope
				: UUID.fromString(all.get(scope).path("parentId").asString());
		queries.put("?parentId=" + ownParent, node -> node.path("parentId").asString().equals(ownParent.toString()));

		for (var query : queries.entrySet()) {
			List<JsonNode> rows = api.get("/api/v1/org-units" + query.getKey(), token).list();
			Set<UUID> expected = all.values()
				.stream()
				.filter(query.getValue())
				.filter(inScope)
				.map(DataScopeIntegrationTests::id)
				.collect(Collectors.toSet());

			assertThat(rows).as("%s %s: every row inside the scope", username, query.getKey()).allMatch(inScope);
			assertThat(rows.stream().map(DataScopeIntegrationTests::id).collect(Collectors.toSet()))
				.as("%s %s", username, query.getKey())
				.isEqualTo(expected);
			assertThat(rows).as("no duplicates").hasSize(expected.size());
		}
	}

	/** Single reads agree with the lists: 200 inside the scope, 404 — the same as a node that does not exist — outside. */
	@ParameterizedTest
	@ValueSource(strings = { "banan", "jieshi", "dongcheng", "dongcheng-g02", "jumin01", "mudong" })
	void singleReadsAreFoundOnlyInsideTheScope(String username) {
		Map<UUID, JsonNode> all = api.allOrgUnits();
		String token = api.tokenOf(username);
		UUID scope = UUID.fromString(api.get("/api/v1/me", token).json().path("scope").path("id").asString());

		List<JsonNode> sample = all.values()
			.stream()
			.filter(node -> !node.path("level").asString().equals("MICRO_GRID")
					|| node.path("name").asString().startsWith("第1网格"))
			.toList();
		for (JsonNode node : sample) {
			Response response = api.get("/api/v1/org-units/" + id(node), token);
			if (ApiClient.isWithin(all, id(node), scope)) {
				assertThat(response.status()).as("%s reads %s", username, node.path("name").asString()).isEqualTo(200);
				assertThat(response.json().path("name").asString()).isEqualTo(node.path("name").asString());
			}
			else {
				assertThat(response.problemCode(404)).as("%s reads %s", username, node.path("name").asString())
					.isEqualTo("NOT_FOUND");
			}
		}
		Response missing = api.get("/api/v1/org-units/" + UUID.randomUUID(), token);
		assertThat(missing.problemCode(404)).isEqualTo("NOT_FOUND");
		if (!ApiClient.isWithin(all, api.orgUnitId("金银桥社区"), scope)) {
			Response outOfScope = api.get("/api/v1/org-units/" + api.orgUnitId("金银桥社区"), token);
			assertThat(withoutInstance(outOfScope.body()))
				.as("out of scope answers exactly like a node that does not exist")
				.isEqualTo(withoutInstance(missing.body()));
		}
	}

	@Test
	void theCommunityWorkerOfJinyinqiaoSeesItsNineGridsAndNothingOfDongcheng() {
		String token = api.tokenOf("mudong");
		UUID jinyinqiao = api.orgUnitId("金银桥社区");

		List<JsonNode> grids = api.get("/api/v1/org-units?parentId=" + jinyinqiao + "&level=GRID", token).list();
		assertThat(grids).hasSize(9);
		Map<String, Long> kinds = grids.stream()
			.map(grid -> api.get("/api/v1/org-units/" + grid.path("id").asString(), token))
			.peek(response -> assertThat(response.status()).isEqualTo(200))
			.collect(Collectors.groupingBy(response -> response.json().path("kind").asString(),
					Collectors.counting()));
		assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("RESIDENTIAL", 4L, "PARK", 5L));

		assertThat(api.get("/api/v1/org-units?name=" + ApiClient.encode("东城"), token).list()).isEmpty();
		assertThat(api.get("/api/v1/org-units?parentId=" + api.orgUnitId("东城社区") + "&level=GRID", token).list())
			.isEmpty();
		assertThat(api.get("/api/v1/org-units/" + api.orgUnitId("东城社区"), token).problemCode(404))
			.isEqualTo("NOT_FOUND");
		assertThat(api.get("/api/v1/org-units?name=" + ApiClient.encode("社区"), token).list())
			.extracting(node -> node.path("name").asString())
			.isNotEmpty()
			.allMatch(name -> name.startsWith("金银桥社区"));
	}

	@Test
	void accountListsHoldOnlyAccountsInsideTheManagersScope() {
		Map<UUID, JsonNode> all = api.allOrgUnits();
		for (String manager : List.of("security", "banan", "jieshi", "dongcheng", "mudong")) {
			String token = api.tokenOf(manager);
			UUID scope = UUID.fromString(api.get("/api/v1/me", token).json().path("scope").path("id").asString());
			List<JsonNode> accounts = api.get("/api/v1/accounts", token).list();

			assertThat(accounts).as("accounts of %s", manager)
				.isNotEmpty()
				.allMatch(account -> ApiClient.isWithin(all, UUID.fromString(account.path("orgUnitId").asString()),
						scope));
			assertThat(accounts).extracting(account -> account.path("username").asString())
				.as("accounts of %s", manager)
				.contains(manager);
		}
		assertThat(api.get("/api/v1/accounts", api.tokenOf("mudong")).list())
			.extracting(account -> account.path("username").asString())
			.doesNotContain("dongcheng", "dongcheng-g01", "jumin01", "banan", "admin");
	}

	private static String withoutInstance(String problem) {
		return problem.replaceAll("\"instance\":\"[^\"]*\"", "");
	}

	private static UUID id(JsonNode node) {
		return UUID.fromString(node.path("id").asString());
	}
}
