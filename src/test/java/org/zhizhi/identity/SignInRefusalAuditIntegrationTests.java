package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Sign-ins refused before the password is checked are failed sign-ins too, and in the audit trail (a NUL byte in the
 * username: NulInputIntegrationTests).
 */
@ZhizhiIntegrationTest
class SignInRefusalAuditIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLoginFormWithoutItsCsrfTokenIsAudited() {
		String username = "no-csrf-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> page = new WebSession(port).postForm("/login",
				Map.of("username", username, "password", ApiClient.DEMO_PASSWORD));
		assertThat(page.statusCode()).isEqualTo(403);

		assertThat(outcomes(username)).containsExactly("FAILURE");
	}

	@Test
	void aTokenRequestRefusedForItsShapeIsAudited() {
		String username = "too-long-" + "x".repeat(70);
		assertThat(new ApiClient(port).requestToken(username, "whatever").status()).isEqualTo(400);

		// the trail keeps the name as far as its column does
		assertThat(outcomes(username.substring(0, 64))).containsExactly("FAILURE");
	}

	private java.util.List<String> outcomes(String username) {
		return jdbc.queryForList("select outcome from identity.audit_entry where action = 'LOGIN' and username = ?",
				String.class, username);
	}
}
