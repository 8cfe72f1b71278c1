package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * 等保 level 3's tamper-evident audit: an entry edited in the database by its superuser — past the append-only
 * triggers — is named by the auditor's chain check, in the API and on his page.
 */
@ZhizhiIntegrationTest
class AuditChainIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void anEntryEditedAsSuperuserIsTheFirstBreakTheAuditorsCheckNames() {
		ApiClient api = new ApiClient(port);
		String name = ApiClient.uniqueUsername("it-chain");
		api.requestToken(name, "Wrong#Password1");
		String auditor = api.tokenOf("auditor");

		JsonNode before = chain(api, auditor);
		assertThat(before.path("intact").asBoolean()).as(before.toString()).isTrue();
		assertThat(before.path("checked").asLong()).isPositive();

		UUID id = jdbc.queryForObject("""
				SELECT id FROM identity.audit_entry WHERE username = ? AND chain_seq IS NOT NULL
				ORDER BY chain_seq DESC LIMIT 1""", UUID.class, name);
		String detail = jdbc.queryForObject("SELECT detail FROM identity.audit_entry WHERE id = ?", String.class, id);
		edit(id, "nothing happened here");
		try {
			JsonNode after = chain(api, auditor);
			assertThat(after.path("intact").asBoolean()).isFalse();
			assertThat(after.path("firstBreak").path("entryId").asString()).isEqualTo(id.toString());
			assertThat(after.path("firstBreak").path("reason").asString()).isEqualTo("ALTERED");

			HttpResponse<String> page = new WebSession(port).loggedInAs("auditor", ApiClient.DEMO_PASSWORD)
				.get("/audit/chain");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("审计链断裂", id.toString(), "内容被改动过");
		}
		finally {
			edit(id, detail);
		}
		assertThat(chain(api, auditor).path("intact").asBoolean()).isTrue();
	}

	@Test
	void onlyAnAuditorOfTheWholeInstallationRunsTheCheck() {
		ApiClient api = new ApiClient(port);
		assertThat(api.get("/api/v1/audit-entries/chain", api.tokenOf("dongcheng")).problemCode(403))
			.isEqualTo("FORBIDDEN");
		assertThat(api.get("/api/v1/audit-entries/chain", api.tokenOf("security")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/audit-entries/chain", null).status()).isEqualTo(401);
	}

	private JsonNode chain(ApiClient api, String auditor) {
		Response response = api.get("/api/v1/audit-entries/chain", auditor);
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.json();
	}

	/** What a superuser can do that the app's role cannot: switch the append-only trigger off and edit. */
	private void edit(UUID id, String detail) {
		JdbcTemplate superuser = new JdbcTemplate(postgres.getPostgresDatabase());
		superuser.execute("ALTER TABLE identity.audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete");
		try {
			superuser.update("UPDATE identity.audit_entry SET detail = ? WHERE id = ?", detail, id);
		}
		finally {
			superuser.execute("ALTER TABLE identity.audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete");
		}
	}
}
