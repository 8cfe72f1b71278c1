package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Opening accounts: nobody grants a role or a scope beyond his own (the RuoYi lesson), the password and username
 * rules hold, and a username is taken once even by two requests at the same moment.
 */
@ZhizhiIntegrationTest
class AccountApiIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void aCommunityWorkerOpensAGridWorkerOnOneOfHisGrids() {
		String dongcheng = api.tokenOf("dongcheng");
		UUID grid = api.orgUnitId("东城社区第3网格");
		String username = ApiClient.uniqueUsername("it-grid");

		Response created = api.post("/api/v1/accounts", dongcheng,
				ApiClient.newAccount(username, "GRID_WORKER", grid, "PART_TIME"));

		assertThat(created.status()).as(created.brief()).isEqualTo(201);
		JsonNode account = created.json();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/accounts/" + account.path("id").asString());
		assertThat(account.path("username").asString()).isEqualTo(username);
		assertThat(account.path("roles").get(0).asString()).isEqualTo("GRID_WORKER");
		assertThat(account.path("gridPosition").asString()).isEqualTo("PART_TIME");
		assertThat(account.path("orgUnitId").asString()).isEqualTo(grid.toString());
		assertThat(account.path("enabled").asBoolean()).isTrue();
		assertThat(account.path("locked").asBoolean()).isFalse();
		assertThat(account.has("password")).isFalse();
		assertThat(account.has("passwordHash")).isFalse();
		assertThat(created.body()).doesNotContain(ApiClient.TEST_PASSWORD);

		// the new grid worker signs in and sees his grid only
		String token = api.login(username, ApiClient.TEST_PASSWORD);
		JsonNode me = api.get("/api/v1/me", token).json();
		assertThat(me.path("scope").path("name").asString()).isEqualTo("东城社区第3网格");
		assertThat(api.get("/api/v1/org-units/" + api.orgUnitId("东城社区第1网格"), token).status()).isEqualTo(404);

		assertThat(api.get("/api/v1/accounts/" + account.path("id").asString(), dongcheng).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/accounts/" + account.path("id").asString(), api.tokenOf("mudong")).status())
			.isEqualTo(404);
	}

	@Test
	void aCommunityWorkerCannotGrantADistrictAdmin() {
		String username = ApiClient.uniqueUsername("it-grant");
		Response refused = api.post("/api/v1/accounts", api.tokenOf("dongcheng"),
				ApiClient.newAccount(username, "DISTRICT_ADMIN", api.orgUnitId("东城社区"), null));

		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).contains("roles");
		assertNotCreated(username);
	}

	@Test
	void aCommunityWorkerCannotBindAnAccountToAnotherCommunity() {
		String username = ApiClient.uniqueUsername("it-grant");
		Response refused = api.post("/api/v1/accounts", api.tokenOf("dongcheng"),
				ApiClient.newAccount(username, "COMMUNITY_STAFF", api.orgUnitId("金银桥社区"), null));

		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("orgUnitId");
		assertNotCreated(username);

		Response grid = api.post("/api/v1/accounts", api.tokenOf("dongcheng"),
				ApiClient.newAccount(username, "GRID_WORKER", api.orgUnitId("金银桥社区第1网格"), "FULL_TIME"));
		assertThat(grid.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(grid.errorFields()).containsExactly("orgUnitId");
		assertNotCreated(username);
	}

	@Test
	void aCommunityWorkerCannotBindAnAccountAboveHisOwnNode() {
		String dongcheng = api.tokenOf("dongcheng");
		String username = ApiClient.uniqueUsername("it-grant");

		Response district = api.post("/api/v1/accounts", dongcheng,
				ApiClient.newAccount(username, "DISTRICT_ADMIN", api.orgUnitId("巴南区"), null));
		assertThat(district.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(district.errorFields()).contains("orgUnitId");

		Response sameRoleAbove = api.post("/api/v1/accounts", dongcheng,
				ApiClient.newAccount(username, "COMMUNITY_STAFF", api.orgUnitId("巴南区"), null));
		assertThat(sameRoleAbove.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(sameRoleAbove.errorFields()).contains("orgUnitId");

		Response street = api.post("/api/v1/accounts", dongcheng,
				ApiClient.newAccount(username, "RESIDENT", api.orgUnitId("界石镇"), null));
		assertThat(street.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(street.errorFields()).contains("orgUnitId");

		Response nowhere = api.post("/api/v1/accounts", dongcheng,
				ApiClient.newAccount(username, "RESIDENT", UUID.randomUUID(), null));
		assertThat(nowhere.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(nowhere.errorFields()).containsExactly("orgUnitId");
		assertNotCreated(username);
	}

	@Test
	void streetStaffCannotGrantAdministrationRoles() {
		String jieshi = api.tokenOf("jieshi");
		String username = ApiClient.uniqueUsername("it-grant");
		for (String role : List.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDITOR", "DISTRICT_ADMIN")) {
			Response refused = api.post("/api/v1/accounts", jieshi,
					ApiClient.newAccount(username, role, api.orgUnitId("界石镇"), null));
			assertThat(refused.problemCode(400)).as(role).isEqualTo("VALIDATION_FAILED");
			assertThat(refused.errorFields()).as(role).contains("roles");
		}
		assertNotCreated(username);
	}

	@Test
	void theSecurityAdminCannotGrantTheSystemAdminRole() {
		String security = api.tokenOf("security");
		UUID root = api.orgUnitId("重庆市");
		String username = ApiClient.uniqueUsername("it-grant");

		Response refused = api.post("/api/v1/accounts", security,
				ApiClient.newAccount(username, "SYSTEM_ADMIN", root, null));
		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("roles");

		Map<String, Object> mixed = ApiClient.newAccount(username, "SYSTEM_ADMIN", root, null);
		mixed.put("roles", List.of("AUDITOR", "SYSTEM_ADMIN"));
		assertThat(api.post("/api/v1/accounts", security, mixed).errorFields()).contains("roles");
		assertNotCreated(username);

		// issue 11: nor an auditor any more (auditors are appointed and confirmed by two people)
		Response auditor = api.post("/api/v1/accounts", security,
				ApiClient.newAccount(username, "AUDITOR", api.orgUnitId("巴南区"), null));
		assertThat(auditor.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(auditor.errorFields()).containsExactly("roles");
		assertNotCreated(username);
	}

	@Test
	void rolesMustFitTheLevelOfTheNodeAndGridWorkersNeedAPost() {
		String dongcheng = api.tokenOf("dongcheng");
		String username = ApiClient.uniqueUsername("it-grant");

		Response gridWorkerOnCommunity = api.post("/api/v1/accounts", dongcheng,
				ApiClient.newAccount(username, "GRID_WORKER", api.orgUnitId("东城社区"), "FULL_TIME"));
		assertThat(gridWorkerOnCommunity.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(gridWorkerOnCommunity.errorFields()).containsExactly("orgUnitId");

		Response noPost = api.post("/api/v1/accounts", dongcheng,
				ApiClient.newAccount(username, "GRID_WORKER", api.orgUnitId("东城社区第2网格"), null));
		assertThat(noPost.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(noPost.errorFields()).containsExactly("gridPosition");

		Map<String, Object> noRoles = ApiClient.newAccount(username, "RESIDENT", api.orgUnitId("东城社区第2网格"), null);
		noRoles.put("roles", List.of());
		Response none = api.post("/api/v1/accounts", dongcheng, noRoles);
		assertThat(none.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(none.errorFields()).contains("roles");
		assertNotCreated(username);
	}

	@Test
	void passwordsMustFollowTheRules() {
		String dongcheng = api.tokenOf("dongcheng");
		UUID grid = api.orgUnitId("东城社区第1网格");
		String username = ApiClient.uniqueUsername("it-pw");

		for (String password : List.of("", "Ab1#", "alllowercase", "lowercase123", "UPPERlower",
				"Xx1#" + username + "!", "Aa1#" + "x".repeat(70))) {
			Map<String, Object> body = ApiClient.newAccount(username, "RESIDENT", grid, null);
			body.put("password", password);
			Response refused = api.post("/api/v1/accounts", dongcheng, body);

			assertThat(refused.problemCode(400)).as("password %s", password).isEqualTo("VALIDATION_FAILED");
			assertThat(refused.errorFields()).as("password %s", password).containsOnly("password");
			assertThat(refused.json().path("errors").get(0).path("message").asString()).isNotBlank();
		}
		assertNotCreated(username);

		Map<String, Object> threeClasses = ApiClient.newAccount(username, "RESIDENT", grid, null);
		threeClasses.put("password", "lower-and-123");
		api.createAccount(dongcheng, threeClasses);
		api.login(username, "lower-and-123");
	}

	@Test
	void usernamesMustBeWellFormedAndFree() {
		String dongcheng = api.tokenOf("dongcheng");
		UUID grid = api.orgUnitId("东城社区第1网格");

		for (String username : List.of("", "ab", "-starts-with-dash", "has space", "中文名", "x".repeat(40),
				"semi;colon")) {
			Response refused = api.post("/api/v1/accounts", dongcheng,
					ApiClient.newAccount(username, "RESIDENT", grid, null));
			assertThat(refused.problemCode(400)).as("username %s", username).isEqualTo("VALIDATION_FAILED");
			assertThat(refused.errorFields()).as("username %s", username).contains("username");
		}

		Response taken = api.post("/api/v1/accounts", dongcheng,
				ApiClient.newAccount("dongcheng-g01", "RESIDENT", grid, null));
		assertThat(taken.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(taken.errorFields()).containsExactly("username");

		String username = ApiClient.uniqueUsername("it-dup");
		api.createAccount(dongcheng, ApiClient.newAccount(username, "RESIDENT", grid, null));
		Response again = api.post("/api/v1/accounts", dongcheng,
				ApiClient.newAccount(username.toUpperCase(java.util.Locale.ROOT), "RESIDENT", grid, null));
		assertThat(again.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(again.errorFields()).containsExactly("username");
		assertThat(api.get("/api/v1/accounts?q=" + username, dongcheng).list()).hasSize(1);
	}

	@Test
	void twoConcurrentCreationsOfOneUsernameOpenExactlyOneAccount() {
		String dongcheng = api.tokenOf("dongcheng");
		String security = api.tokenOf("security");
		// issue 11: business accounts are opened by the system admin (or a business admin), no longer the security admin
		String admin = api.tokenOf("admin");
		UUID grid = api.orgUnitId("东城社区第1网格");

		for (int round = 0; round < 4; round++) {
			String username = ApiClient.uniqueUsername("it-race");
			String body = ApiClient.json(ApiClient.newAccount(username, "RESIDENT", grid, null));
			List<CompletableFuture<Response>> requests = IntStream.range(0, 2)
				.mapToObj(i -> api.sendAsync("POST", "/api/v1/accounts", i == 0 ? dongcheng : admin, body))
				.toList();
			List<Response> responses = requests.stream().map(CompletableFuture::join).toList();

			assertThat(responses).extracting(Response::status).as("round %d", round).containsExactlyInAnyOrder(201, 400);
			Response loser = responses.stream().filter(r -> r.status() == 400).findFirst().orElseThrow();
			assertThat(loser.problemCode(400)).isEqualTo("VALIDATION_FAILED");
			assertThat(loser.errorFields()).containsExactly("username");
			assertThat(api.get("/api/v1/accounts?q=" + username, security).list()).hasSize(1);
		}
	}

	@Test
	void theAccountFormRefusesAWiderScopeToo() {
		WebSession browser = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		String username = ApiClient.uniqueUsername("it-form");

		HttpResponse<String> aboveHim = browser.submit("/accounts/new", "/accounts",
				Map.of("username", username, "displayName", "表单测试", "password", ApiClient.TEST_PASSWORD, "roles",
						"COMMUNITY_STAFF", "orgUnitId", api.orgUnitId("巴南区").toString()));
		assertThat(aboveHim.statusCode()).isEqualTo(200);
		assertThat(aboveHim.body()).contains("请选择您数据范围内的节点");

		HttpResponse<String> widerRole = browser.submit("/accounts/new", "/accounts",
				Map.of("username", username, "displayName", "表单测试", "password", ApiClient.TEST_PASSWORD, "roles",
						"DISTRICT_ADMIN", "orgUnitId", api.orgUnitId("东城社区").toString()));
		assertThat(widerRole.statusCode()).isEqualTo(200);
		assertThat(widerRole.body()).contains("您无权授予角色 DISTRICT_ADMIN");
		assertNotCreated(username);

		HttpResponse<String> created = browser.submit("/accounts/new", "/accounts",
				Map.of("username", username, "displayName", "表单测试", "password", ApiClient.TEST_PASSWORD, "roles",
						"RESIDENT", "orgUnitId", api.orgUnitId("东城社区第4网格").toString()));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(created)).startsWith("/accounts/");
		assertThat(api.get("/api/v1/accounts?q=" + username, api.tokenOf("security")).list()).hasSize(1);
	}

	@Test
	void malformedAccountBodiesAreBadRequests() {
		String dongcheng = api.tokenOf("dongcheng");

		Response unknownRole = api.postRaw("/api/v1/accounts", dongcheng, "{\"roles\": [\"NO_SUCH_ROLE\"]}");
		assertThat(unknownRole.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(unknownRole.errorFields()).singleElement().asString().startsWith("roles");

		Response badId = api.postRaw("/api/v1/accounts", dongcheng, "{\"orgUnitId\": \"1 OR 1=1\"}");
		assertThat(badId.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(badId.errorFields()).containsExactly("orgUnitId");

		assertThat(api.postRaw("/api/v1/accounts", dongcheng, "{\"username\": ").problemCode(400))
			.isEqualTo("MALFORMED_REQUEST");
	}

	private void assertNotCreated(String username) {
		assertThat(api.get("/api/v1/accounts?q=" + username, api.tokenOf("security")).list())
			.as("account %s must not exist", username)
			.isEmpty();
	}
}
