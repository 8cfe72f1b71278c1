package org.zhizhi.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
