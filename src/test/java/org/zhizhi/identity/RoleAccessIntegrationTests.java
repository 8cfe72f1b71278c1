package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Each role reaches only its own area: the auditor the audit trail and nothing else, everyone else not the audit trail,
 * account management only the account managers, metrics only the system admin; health is public.
 */
@ZhizhiIntegrationTest
class RoleAccessIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theAuditorReadsTheAuditTrailAndNothingElse() {
		String auditor = api.tokenOf("auditor");

		Response audit = api.get("/api/v1/audit-entries", auditor);
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.list()).isNotEmpty();

		assertThat(api.get("/api/v1/org-units", auditor).problemCode(403)).isEqualTo("FORBIDDEN");
		assertThat(api.get("/api/v1/org-units/" + api.orgUnitId("东城社区"), auditor).problemCode(403))
			.isEqualTo("FORBIDDEN");
		assertThat(api.get("/api/v1/accounts", auditor).problemCode(403)).isEqualTo("FORBIDDEN");
		assertThat(api.post("/api/v1/accounts", auditor,
				ApiClient.newAccount(ApiClient.uniqueUsername("it-role"), "AUDITOR", api.orgUnitId("巴南区"), null))
			.problemCode(403)).isEqualTo("FORBIDDEN");
		assertThat(api.get("/actuator/prometheus", auditor).status()).as("not on the public port").isEqualTo(404);

		// but he knows who he is
		assertThat(api.get("/api/v1/me", auditor).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "security", "banan", "jieshi", "dongcheng", "dongcheng-g01", "dangyuan01",
			"jumin01", "mudong" })
	void nobodyButTheAuditorReadsTheAuditTrail(String username) {
		String token = api.tokenOf(username);

		assertThat(api.get("/api/v1/audit-entries", token).problemCode(403)).isEqualTo("FORBIDDEN");
		assertThat(api.get("/api/v1/audit-entries?username=" + username, token).problemCode(403))
			.isEqualTo("FORBIDDEN");
		assertThat(api.get("/api/v1/org-units", token).status()).isEqualTo(200);
	}

	@ParameterizedTest
	// issue 11: the system admin ("admin") now opens business accounts, so he reaches them
	@ValueSource(strings = { "dongcheng-g01", "dangyuan01", "jumin01" })
	void onlyAccountManagersReachTheAccounts(String username) {
		String token = api.tokenOf(username);

		assertThat(api.get("/api/v1/accounts", token).problemCode(403)).isEqualTo("FORBIDDEN");
		Response create = api.post("/api/v1/accounts", token,
				ApiClient.newAccount(ApiClient.uniqueUsername("it-role"), "RESIDENT",
						api.orgUnitId("东城社区第1网格"), null));
		assertThat(create.problemCode(403)).isEqualTo("FORBIDDEN");
	}

	@Test
	void theAuditorsPagesAreTheAuditTrailOnly() {
		WebSession auditor = new WebSession(port);
		HttpResponse<String> signIn = auditor.login("auditor", ApiClient.DEMO_PASSWORD);
		assertThat(signIn.statusCode()).isEqualTo(302);

		HttpResponse<String> home = auditor.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(home)).isEqualTo("/audit");
		assertThat(auditor.get("/audit").statusCode()).isEqualTo(200);
		assertThat(auditor.get("/territory").statusCode()).isEqualTo(403);
		assertThat(auditor.get("/accounts").statusCode()).isEqualTo(403);

		WebSession worker = new WebSession(port).loggedInAs("dongcheng-g01", ApiClient.DEMO_PASSWORD);
		HttpResponse<String> forbidden = worker.get("/audit");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("403");
		assertThat(worker.get("/accounts").statusCode()).isEqualTo(403);
		assertThat(worker.get("/territory").statusCode()).isEqualTo(200);
	}
}
