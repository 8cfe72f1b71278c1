package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Issue 11, 三员分立: the security admin resets passwords and second factors, but never both of one account — a
 * password he set and an app he enrolled would let him sign in as its holder (a community worker: every resident in
 * full). The holder taking a credential back, or a second person, lifts the block.
 */
@ZhizhiIntegrationTest
class CredentialResetSeparationIntegrationTests {

	private static final String RESET = "Pw#2026-reset-one";

	@LocalServerPort
	int port;

	private ApiClient api;

	private WebSession security;

	@BeforeEach
	void signIn() {
		api = new ApiClient(port);
		security = new WebSession(port).loggedInAs("security", ApiClient.DEMO_PASSWORD);
	}

	@Test
	void whoResetThePasswordMayNotResetTheSecondFactorUntilTheHolderChangedIt() {
		JsonNode holder = api.createResident("it-reset-a");
		String id = holder.path("id").asString();

		assertThat(WebSession.location(resetPassword(security, id, RESET))).isEqualTo("/accounts/" + id);

		ApiClient.Response refused = api.delete("/api/v1/accounts/" + id + "/two-factor", api.tokenOf("security"));
		assertThat(refused.problemCode(409)).isEqualTo("OWN_PASSWORD_RESET");
		String page = security.get("/accounts/" + id).body();
		assertThat(page).doesNotContain("/two-factor/reset").contains("须待本人修改密码后");

		// the holder takes his password back: the one who reset it no longer knows it
		WebSession own = new WebSession(port).loggedInAs(holder.path("username").asString(), RESET);
		HttpResponse<String> changed = own.submit("/account/password", "/account/password", Map.of("currentPassword",
				RESET, "newPassword", "Pw#2026-his-own", "confirmPassword", "Pw#2026-his-own"));
		assertThat(WebSession.location(changed)).isEqualTo("/");

		assertThat(api.delete("/api/v1/accounts/" + id + "/two-factor", api.tokenOf("security")).status())
			.isEqualTo(204);
	}

	@Test
	void whoResetTheSecondFactorMayNotResetThePasswordButASecondPersonMay() {
		JsonNode holder = api.createResident("it-reset-b");
		String id = holder.path("id").asString();
		assertThat(api.delete("/api/v1/accounts/" + id + "/two-factor", api.tokenOf("security")).status())
			.isEqualTo(204);

		assertThat(security.get("/accounts/" + id).body()).doesNotContain("reset-password")
			.contains("须待本人重新绑定验证器后");
		assertThat(resetPassword(security, id, RESET).statusCode()).isEqualTo(409);
		assertThat(WebSession.location(new WebSession(port).login(holder.path("username").asString(), RESET)))
			.as("the password was not changed").isEqualTo("/login?error=bad");

		// the community's business admin is a second person: he resets the password, the holder enrols his own app
		WebSession community = new WebSession(port).loggedInAs("dongcheng", ApiClient.DEMO_PASSWORD);
		assertThat(WebSession.location(resetPassword(community, id, RESET))).isEqualTo("/accounts/" + id);
		assertThat(new WebSession(port).loggedInAs(holder.path("username").asString(), RESET).get("/").statusCode())
			.isEqualTo(200);
	}

	private static HttpResponse<String> resetPassword(WebSession admin, String id, String password) {
		return admin.submit("/accounts/" + id, "/accounts/" + id + "/password", Map.of("password", password));
	}
}
