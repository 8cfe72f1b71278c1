package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

/**
 * Issue 11, observability: the Prometheus scrape, metrics and health on a management port of their own, open without a
 * token that would expire under a scraper; the public port serves none of it — only the probes a load balancer asks.
 */
@ZhizhiIntegrationTest
class ManagementPortIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void theManagementPortServesTheScrapeAndHealthWithoutSignIn() {
		ApiClient management = new ApiClient(managementPort);

		Response scrape = management.get("/actuator/prometheus", null);
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.contentType()).startsWith("text/plain");
		assertThat(scrape.body()).contains("# TYPE").contains("jvm_memory_used_bytes");

		Response health = management.get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(health.body()).doesNotContain("postgres").doesNotContain("details");
		assertThat(management.get("/actuator/metrics", null).status()).isEqualTo(200);
		// asking for the scrape as JSON is the scraper's mistake, not a server error
		assertThat(management.getAccepting("/actuator/prometheus", null, "application/json").status()).isEqualTo(406);
	}

	@Test
	void theScrapeCountsTheDomainsStepsRefusedSignInsAndWhatIsStillOwed() throws Exception {
		ApiClient api = new ApiClient(port);
		assertThat(api.post("/api/v1/auth/token", null,
				java.util.Map.of("username", "no-such-user-" + System.nanoTime(), "password", "Wrong#Password1"))
			.status()).isEqualTo(401);
		double[] spot = api.centroid(api.orgUnitId("东城社区第1网格"));
		String report = ApiClient.json(java.util.Map.of("channel", "PATROL", "categoryCode", "TREE_PRUNING",
				"description", "指标：网格员巡查上报", "lat", spot[0], "lng", spot[1]));
		HttpResponse<String> reported = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.header("Authorization", "Bearer " + api.tokenOf("dongcheng-g01"))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(BodyPublishers.ofString(report, StandardCharsets.UTF_8))
				.build(), BodyHandlers.ofString());
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);

		String scrape = new ApiClient(managementPort).get("/actuator/prometheus", null).body();

		assertThat(scrape).containsPattern("zhizhi_audit_entries_total\\{[^}]*action=\"LOGIN\"[^}]*outcome=\"FAILURE\"")
			.containsPattern("zhizhi_domain_events_total\\{[^}]*event=\"IncidentReported\"[^}]*module=\"incident\"")
			.contains("zhizhi_outbox_backlog")
			.contains("zhizhi_events_incomplete");
	}

	@Test
	void thePublicPortServesNoActuatorEndpointToAnyoneButTheProbes() {
		ApiClient api = new ApiClient(port);

		for (String token : new String[] { null, api.tokenOf("admin"), api.tokenOf("dongcheng") }) {
			assertThat(api.get("/actuator/prometheus", token).status()).isEqualTo(404);
			assertThat(api.get("/actuator/metrics", token).status()).isEqualTo(404);
			assertThat(api.get("/actuator/health", token).status()).isEqualTo(404);
		}
		for (String probe : new String[] { "/livez", "/readyz" }) {
			Response response = api.get(probe, null);
			assertThat(response.status()).as(probe).isEqualTo(200);
			assertThat(response.json().path("status").asString()).as(probe).isEqualTo("UP");
		}
	}
}
