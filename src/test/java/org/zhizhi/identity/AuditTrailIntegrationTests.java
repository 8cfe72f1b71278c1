package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ApiClient;
import org.zhizhi.TestClock;
import org.zhizhi.WebSession;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Every sign-in, successful or not, and every write lands in the audit trail, which the auditor reads and which the
 * database itself refuses to change or delete.
 */
@ZhizhiIntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	TestClock clock;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedPostgres postgres;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void signInsAndAccountCreationsAreRecordedForTheAuditor() {
		Instant start = clock.instant().minusSeconds(1);
		JsonNode account = api.createResident("it-audit");
		String username = account.path("username").asString();
		String accountId = account.path("id").asString();

		assertThat(api.requestToken(username, "Wrong#Password1").status()).isEqualTo(401);
		api.login(username, ApiClient.TEST_PASSWORD);
		String unknown = ApiClient.uniqueUsername("it-nobody");
		assertThat(api.requestToken(unknown, "Wrong#Password1").status()).isEqualTo(401);

		String auditor = api.tokenOf("auditor");
		List<JsonNode> logins = entries(auditor, "?username=" + username + "&action=LOGIN");
		assertThat(logins).extracting(e -> e.path("outcome").asString()).containsExactly("SUCCESS", "FAILURE");
		for (JsonNode login : logins) {
			assertThat(login.path("action").asString()).isEqualTo("LOGIN");
			assertThat(login.path("objectId").asString()).isEqualTo(accountId);
			assertThat(login.path("remoteAddress").asString()).isNotBlank();
			assertThat(Instant.parse(login.path("occurredAt").asString())).isAfter(start);
			assertThat(login.path("scopePath").asString()).contains(api.orgUnitId("东城社区第1网格").toString());
		}
		assertThat(logins.get(1).path("detail").asString()).contains("wrong password");
		assertThat(logins.get(0).path("actorId").asString()).isEqualTo(accountId);

		List<JsonNode> unknownLogins = entries(auditor, "?username=" + unknown);
		assertThat(unknownLogins).hasSize(1);
		assertThat(unknownLogins.get(0).path("action").asString()).isEqualTo("LOGIN");
		assertThat(unknownLogins.get(0).path("outcome").asString()).isEqualTo("FAILURE");

		List<JsonNode> creations = entries(auditor, "?username=dongcheng&action=ACCOUNT_CREATE&outcome=SUCCESS");
		assertThat(creations).filteredOn(e -> e.path("objectId").asString().equals(accountId))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.path("detail").asString()).contains(username).contains("RESIDENT");
				assertThat(e.path("objectType").asString()).isEqualTo("account");
				assertThat(e.path("actorId").asString())
					.isEqualTo(api.get("/api/v1/me", api.tokenOf("dongcheng")).json().path("id").asString());
			});

		// the write itself is recorded too, with its HTTP result
		assertThat(entries(auditor, "?username=dongcheng&action=" + ApiClient.encode("POST /api/v1/accounts")))
			.anySatisfy(e -> {
				assertThat(e.path("outcome").asString()).isEqualTo("SUCCESS");
				assertThat(e.path("detail").asString()).isEqualTo("HTTP 201");
			});

		List<JsonNode> tokens = entries(auditor, "?username=" + username + "&action=TOKEN_ISSUE");
		assertThat(tokens).hasSize(1);
	}

	@Test
	void refusedGrantsAndWebSignInsAreRecordedToo() {
		String username = ApiClient.uniqueUsername("it-audit");
		Response refused = api.post("/api/v1/accounts", api.tokenOf("dongcheng"),
				ApiClient.newAccount(username, "DISTRICT_ADMIN", api.orgUnitId("巴南区"), null));
		assertThat(refused.status()).isEqualTo(400);

		String auditor = api.tokenOf("auditor");
		assertThat(entries(auditor, "?username=dongcheng&action=ACCOUNT_CREATE&outcome=DENIED"))
			.anySatisfy(e -> assertThat(e.path("objectId").asString()).isEqualTo(username));

		String resident = api.createResident("it-audit").path("username").asString();
		WebSession browser = new WebSession(port);
		assertThat(WebSession.location(browser.login(resident, "Wrong#Password1"))).isEqualTo("/login?error=bad");
		browser.loggedInAs(resident, ApiClient.TEST_PASSWORD);
		HttpResponse<String> logout = browser.submit("/", "/logout", Map.of());
		assertThat(WebSession.location(logout)).isEqualTo("/login?logout");

		assertThat(entries(auditor, "?username=" + resident))
			.extracting(e -> e.path("action").asString() + " " + e.path("outcome").asString())
			.containsSubsequence("LOGOUT SUCCESS", "LOGIN SUCCESS", "LOGIN FAILURE");
	}

	@Test
	void theAuditTrailCanBeFilteredByOutcomeAndTime() {
		String auditor = api.tokenOf("auditor");
		String username = api.createResident("it-audit").path("username").asString();
		api.requestToken(username, "Wrong#Password1");
		Instant after = clock.instant().plusSeconds(60);

		assertThat(entries(auditor, "?username=" + username + "&outcome=FAILURE")).hasSize(1);
		assertThat(entries(auditor, "?username=" + username + "&outcome=SUCCESS")).isEmpty();
		assertThat(entries(auditor, "?username=" + username + "&from=" + after)).isEmpty();
		assertThat(api.get("/api/v1/audit-entries?outcome=MAYBE", auditor).problemCode(400))
			.isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteAuditEntries() {
		String nobody = ApiClient.uniqueUsername("it-nobody");
		api.requestToken(nobody, "Wrong#Password1");
		// this test's own entry: other tests' sign-ins (some refused before any detail is known) come and go
		JsonNode entry = entries(api.tokenOf("auditor"), "?action=LOGIN&username=" + nobody).get(0);
		UUID id = UUID.fromString(entry.path("id").asString());
		long before = jdbc.queryForObject("SELECT count(*) FROM identity.audit_entry", Long.class);
		// two walls: the platform's role has no right to change the trail; the owner and the superuser meet the trigger
		JdbcTemplate superuser = new JdbcTemplate(postgres.getPostgresDatabase());
		List<String> changes = List.of("UPDATE identity.audit_entry SET detail = 'tampered' WHERE id = '" + id + "'",
				"UPDATE identity.audit_entry SET outcome = 'SUCCESS'",
				"DELETE FROM identity.audit_entry WHERE id = '" + id + "'", "DELETE FROM identity.audit_entry",
				"TRUNCATE identity.audit_entry");
		for (String change : changes) {
			assertThatThrownBy(() -> jdbc.execute(change)).as(change)
				.isInstanceOf(DataAccessException.class)
				.rootCause().hasMessageContaining("permission denied");
			assertThatThrownBy(() -> superuser.execute(change)).as(change)
				.isInstanceOf(DataAccessException.class)
				.rootCause().hasMessageContaining("append-only");
		}

		assertThat(jdbc.queryForObject("SELECT detail FROM identity.audit_entry WHERE id = ?", String.class, id))
			.isEqualTo(entry.hasNonNull("detail") ? entry.get("detail").asString() : null);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.audit_entry", Long.class))
			.isGreaterThanOrEqualTo(before);
	}

	private List<JsonNode> entries(String auditorToken, String query) {
		Response response = api.get("/api/v1/audit-entries" + query, auditorToken);
		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		return response.list();
	}
}
