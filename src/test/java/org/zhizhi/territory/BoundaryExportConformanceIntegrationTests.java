package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ZhizhiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19: every demo boundary, as the GeoJSON export hands it out, follows RFC 7946 — what makes QGIS and other
 * clients load it without warnings: counter-clockwise exteriors, clockwise holes, closed rings without repeated
 * positions, longitude/latitude in range with at most seven decimals.
 */
@ZhizhiIntegrationTest
class BoundaryExportConformanceIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void everyDemoBoundaryIsExportedByTheRules() {
		ApiClient api = new ApiClient(port);
		String admin = api.tokenOf("admin");
		Map<UUID, JsonNode> all = api.allOrgUnits();
		Set<String> parents = all.values()
			.stream()
			.map(n -> n.path("parentId").asString())
			.filter(id -> !id.isEmpty() && !id.equals("null"))
			.collect(Collectors.toSet());
		int checked = 0;
		for (String parent : parents) {
			ApiClient.Response export = api.get("/api/v1/org-units/" + parent + "/boundaries.geojson", admin);
			assertThat(export.status()).isEqualTo(200);
			assertThat(export.contentType()).startsWith("application/geo+json");
			assertThat(export.body()).doesNotContainPattern("\\d\\.\\d{8,}");
			for (JsonNode feature : JSON.readTree(export.body()).path("features")) {
				check(feature.path("properties").path("name").asString(), feature.path("geometry"));
				checked++;
			}
		}
		assertThat(checked).as("boundaries checked").isGreaterThan(30);
	}

	private static void check(String name, JsonNode geometry) {
		String type = geometry.path("type").asString();
		assertThat(type).as(name).isIn("Polygon", "MultiPolygon");
		JsonNode polygons = type.equals("Polygon") ? JSON.createArrayNode().add(geometry.path("coordinates"))
				: geometry.path("coordinates");
		for (JsonNode polygon : polygons) {
			for (int r = 0; r < polygon.size(); r++) {
				JsonNode ring = polygon.get(r);
				assertThat(ring.size()).as("%s ring %d has four positions at least", name, r).isGreaterThanOrEqualTo(4);
				assertThat(ring.get(0)).as("%s ring %d is closed", name, r).isEqualTo(ring.get(ring.size() - 1));
				for (int i = 0; i < ring.size(); i++) {
					double lng = ring.get(i).get(0).asDouble();
					double lat = ring.get(i).get(1).asDouble();
					assertThat(lng).as(name).isBetween(-180.0, 180.0);
					assertThat(lat).as(name).isBetween(-90.0, 90.0);
					if (i > 0) {
						assertThat(ring.get(i)).as("%s: position %d repeats the one before", name, i)
							.isNotEqualTo(ring.get(i - 1));
					}
				}
				double area = GeoJsonRingsTests.signedArea(ring);
				assertThat(r == 0 ? area > 0 : area < 0).as("%s ring %d: %s", name, r,
						r == 0 ? "exterior counter-clockwise" : "hole clockwise").isTrue();
			}
		}
	}
}
