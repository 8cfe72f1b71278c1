package org.zhizhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;

/** Incidents a test makes for itself to turn into topics (never one another test may have turned already). */
final class IncidentsToDeliberate {

	private IncidentsToDeliberate() {
	}

	/** A new incident of 东城社区第1网格, reported, accepted and triaged by its grid leader. */
	static UUID triaged(ApiClient api, int port, String description, String triage) throws Exception {
		double[] point = api.centroid("东城社区第1网格");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "PATROL");
		body.put("categoryCode", "OTHER");
		body.put("description", description);
		body.put("lat", point[0]);
		body.put("lng", point[1]);
		String leader = api.tokenOf("dongcheng-g01");
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/incidents"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + leader)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(BodyPublishers.ofString(ApiClient.json(body), StandardCharsets.UTF_8))
				.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		UUID id = UUID.fromString(tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body())
			.path("incident").path("id").asString());
		api.post("/api/v1/incidents/" + id + "/accept", leader, Map.of());
		Map<String, Object> triageBody = new LinkedHashMap<>();
		triageBody.put("triage", triage);
		if (triage.equals("PRIVATE")) {
			triageBody.put("note", "邻里私事，引导双方协商");
		}
		Response triaged = api.post("/api/v1/incidents/" + id + "/triage", leader, triageBody);
		assertThat(triaged.status()).as(triaged.brief()).isEqualTo(200);
		return id;
	}
}
