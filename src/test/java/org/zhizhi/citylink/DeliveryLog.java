package org.zhizhi.citylink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/** The citylink tests' way to a subscriber and its delivery log over the district admin's API. */
record DeliveryLog(ApiClient api, String token) {

	/** A new subscriber (a unique name from the given start) and its secret, as the API answers them. */
	JsonNode subscribe(String name, String url, List<String> kinds) {
		Response made = api.post("/api/v1/citylink/subscribers", token,
				Map.of("name", name + UUID.randomUUID().toString().substring(0, 6), "url", url, "kinds", kinds));
		assertThat(made.status()).as(made.brief()).isEqualTo(201);
		return made.json();
	}

	/** The subscriber's delivery about the subject, once the feed listener has written it (after the step's commit). */
	JsonNode awaitDelivery(String subscriberId, String subject) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			found[0] = api.get("/api/v1/citylink/deliveries?subscriberId=" + subscriberId, token)
				.list()
				.stream()
				.filter(d -> d.path("subjectId").asString().equals(subject))
				.findFirst()
				.orElse(null);
			assertThat(found[0]).as("a delivery of " + subject).isNotNull();
		});
		return found[0];
	}

	/** The delivery with its attempts and payload. */
	JsonNode detail(JsonNode delivery) {
		return api.get("/api/v1/citylink/deliveries/" + delivery.path("id").asString(), token).json();
	}
}
