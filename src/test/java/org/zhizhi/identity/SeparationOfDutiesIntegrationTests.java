package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 11's attacks on 三员分立, each replayed over HTTP: the security admin opening himself an auditor or a
 * community worker, the system admin reading residents, an auditor nobody can stop. Auditors are now appointed by the
 * system admin and confirmed by the security admin; the pages offer only what the rules allow.
 */
@ZhizhiIntegrationTest
class SeparationOfDutiesIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theSecurityAdminCannotOpenHimselfAnAuditor() {
		String username = ApiClient.uniqueUsername("it-sod");
		Response refused = api.post("/api/v1/accounts", api.tokenOf("security"),
				ApiClient.newAccount(username, "AUDITOR", api.orgUnitId("巴南区"), null));

		assertThat(refused.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.errorFields()).containsExactly("roles");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("提名");
		assertNotCreated(username);
		// nor may he propose one for someone to confirm
		Response appointment = api.post("/api/v1/auditor-appointments", api.tokenOf("security"),
				appointment(username, api.orgUnitId("巴南区")));
		assertThat(appointment.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(appointment.errorFields()).contains("roles");
	}

	@Test
	void theSecurityAdminCannotOpenHimselfABusinessAccountToReadResidentsInFull() {
		String username = ApiClient.uniqueUsername("it-sod");
		for (String[] roleAndNode : new String[][] { { "COMMUNITY_STAFF", "东城社区" }, { "DISTRICT_ADMIN", "巴南区" },
				{ "RESIDENT", "东城社区第1网格" } }) {
			Response refused = api.post("/api/v1/accounts", api.tokenOf("security"),
					ApiClient.newAccount(username, roleAndNode[0], api.orgUnitId(roleAndNode[1]), null));
			assertThat(refused.problemCode(400)).as(roleAndNode[0]).isEqualTo("VALIDATION_FAILED");
			assertThat(refused.errorFields()).as(roleAndNode[0]).containsExactly("roles");
		}
		assertNotCreated(username);
	}

	@Test
	void theSystemAdminReadsNoResidentData() {
		String admin = api.tokenOf("admin");
		String someone = api.get("/api/v1/residents?size=1", api.tokenOf("dongcheng"))
			.json()
			.path("items")
			.get(0)
			.path("id")
			.asString();

		assertThat(api.get("/api/v1/residents", admin).problemCode(403)).isEqualTo("FORBIDDEN");
		assertThat(api.get("/api/v1/residents/" + someone, admin).problemCode(403)).isEqualTo("FORBIDDEN");
		assertThat(api.post("/api/v1/residents/" + someone + "/full", admin, null).problemCode(403))
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void theSystemAdminOpensBusinessAccountsThatTheSecurityAdminLooksAfter() {
		String username = ApiClient.uniqueUsername("it-sod");
		JsonNode account = api.createAccount(api.tokenOf("admin"),
				ApiClient.newAccount(username, "COMMUNITY_STAFF", api.orgUnitId("东城社区"), null));
		String id = account.path("id").asString();

		assertThat(api.post("/api/v1/accounts/" + id + "/unlock", api.tokenOf("security"), null).status())
			.isEqualTo(204);
		// the system admin cannot unlock what he opened: he does not get to use it without its holder
		assertThat(api.post("/api/v1/accounts/" + id + "/unlock", api.tokenOf("admin"), null).problemCode(403))
			.isEqualTo("ACCOUNT_BEYOND_REACH");
	}

	@Test
	void anAuditorIsAppointedByOneAdministratorAndConfirmedByAnother() {
		String admin = api.tokenOf("admin");
		String security = api.tokenOf("security");
		String username = ApiClient.uniqueUsername("it-aud");

		Response appointed = api.post("/api/v1/auditor-appointments", admin,
				appointment(username, api.orgUnitId("巴南区")));
		assertThat(appointed.status()).as(appointed.brief()).isEqualTo(201);
		String appointmentId = appointed.json().path("id").asString();
		assertNotCreated(username);
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).status()).isEqualTo(401);

		// the appointer cannot confirm his own appointment
		assertThat(api.post("/api/v1/auditor-appointments/" + appointmentId + "/confirm", admin, null)
			.problemCode(403)).isEqualTo("OWN_APPOINTMENT");
		assertNotCreated(username);

		Response confirmed = api.post("/api/v1/auditor-appointments/" + appointmentId + "/confirm", security, null);
		assertThat(confirmed.status()).as(confirmed.brief()).isEqualTo(201);
		assertThat(confirmed.json().path("roles").get(0).asString()).isEqualTo("AUDITOR");
		String accountId = confirmed.json().path("id").asString();
		assertThat(api.post("/api/v1/auditor-appointments/" + appointmentId + "/confirm", security, null).status())
			.isEqualTo(404);

		String auditor = api.login(username, ApiClient.TEST_PASSWORD);
		assertThat(api.get("/api/v1/audit-entries", auditor).status()).isEqualTo(200);

		// the security admin cannot silence the auditor who checks him; the system admin who appoints auditors can
		WebSession securityPages = new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD);
		String page = "/accounts/" + accountId;
		assertThat(securityPages.get(page).body()).doesNotContain(page + "/enabled").doesNotContain(page + "/password");
		assertThat(securityPages.submit(page, page + "/enabled", Map.of("enabled", "false")).statusCode())
			.isEqualTo(403);
		WebSession adminPages = new WebSession(port).loggedInAs("admin", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> disabled = adminPages.submit(page, page + "/enabled", Map.of("enabled", "false"));
		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/accounts/" + accountId, security).json().path("enabled").asBoolean()).isFalse();
		assertThat(api.requestToken(username, ApiClient.TEST_PASSWORD).status()).isEqualTo(401);
	}

	@Test
	void theAccountPagesOfferOnlyWhatTheRulesAllow() {
		String securityForm = new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD)
			.get("/accounts/new")
			.body();
		assertThat(securityForm).contains("value=\"SECURITY_ADMIN\"")
			.doesNotContain("value=\"AUDITOR\"")
			.doesNotContain("value=\"SYSTEM_ADMIN\"")
			.doesNotContain("value=\"COMMUNITY_STAFF\"");

		WebSession admin = new WebSession(port).loggedInAs("admin", ApiClient.DEMO_PASSWORD);
		assertThat(admin.get("/accounts/new").body()).contains("value=\"AUDITOR\"", "value=\"COMMUNITY_STAFF\"")
			.doesNotContain("value=\"SECURITY_ADMIN\"");

		// a business account: the security admin may reset its password, the system admin may not
		String worker = api.get("/api/v1/accounts?q=dongcheng-g01", api.tokenOf("security")).list().get(0)
			.path("id").asString();
		assertThat(new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD)
			.get("/accounts/" + worker).body()).contains("/accounts/" + worker + "/password");
		assertThat(admin.get("/accounts/" + worker).body()).doesNotContain("/accounts/" + worker + "/password");

		// appointing through the form: the account waits for the security admin's confirmation on his list
		String username = ApiClient.uniqueUsername("it-aud");
		HttpResponse<String> appointed = admin.submit("/accounts/new", "/accounts",
				Map.of("username", username, "displayName", "新审计员", "password", ApiClient.TEST_PASSWORD, "roles",
						"AUDITOR", "orgUnitId", api.orgUnitId("巴南区").toString()));
		assertThat(appointed.statusCode()).isEqualTo(302);
		assertNotCreated(username);
		assertThat(admin.get("/accounts").body()).contains(username).doesNotContain("/confirm");
		WebSession security = new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD);
		assertThat(security.get("/accounts").body()).contains(username).contains("/confirm");
	}

	private static Map<String, Object> appointment(String username, UUID orgUnitId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("displayName", "审计员 " + username);
		body.put("password", ApiClient.TEST_PASSWORD);
		body.put("orgUnitId", orgUnitId);
		return body;
	}

	private void assertNotCreated(String username) {
		assertThat(api.get("/api/v1/accounts?q=" + username, api.tokenOf("security")).list())
			.as("account %s must not exist", username)
			.isEmpty();
	}
}
