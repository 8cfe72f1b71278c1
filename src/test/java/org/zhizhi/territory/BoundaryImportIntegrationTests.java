package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Boundaries out and in as GeoJSON: the export is a FeatureCollection that imports back unchanged; an import that
 * overlaps a sibling, leaves its parent or leaves a child outside is refused on the field {@code boundary} and
 * changes nothing. Every change made here is undone before the test ends, since the demo district is shared.
 */
@ZhizhiIntegrationTest
class BoundaryImportIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	private String boundaryOf(UUID id) {
		return api.get("/api/v1/org-units/" + id, api.tokenOf("admin")).json().path("boundary").toString();
	}

	private Response put(UUID id, String token, String geoJson) {
		return api.send("PUT", "/api/v1/org-units/" + id + "/boundary", token, geoJson);
	}

	private void assertRefused(Response response, String code, String detailPart) {
		assertThat(response.problemCode(400)).isEqualTo(code);
		assertThat(response.errorFields()).containsExactly("boundary");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains(detailPart);
	}

	@Test
	void theExportOfACommunityImportsBackUnchanged() {
		UUID community = api.orgUnitId("东城社区");
		UUID grid = api.orgUnitId("东城社区第1网格");
		String before = boundaryOf(grid);

		Response export = api.get("/api/v1/org-units/" + community + "/boundaries.geojson", api.tokenOf("dongcheng"));
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).startsWith("application/geo+json");
		JsonNode collection = export.json();
		assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.path("features").size()).isEqualTo(15);
		JsonNode feature = null;
		for (JsonNode f : collection.path("features")) {
			assertThat(f.path("properties").path("level").asString()).isEqualTo("GRID");
			if (f.path("properties").path("id").asString().equals(grid.toString())) {
				feature = f;
			}
		}
		assertThat(feature).isNotNull();
		assertThat(feature.path("properties").path("name").asString()).isEqualTo("东城社区第1网格");
		assertThat(feature.path("properties").path("code").asString()).isEqualTo("500113101001001");
		assertThat(feature.path("properties").path("kind").asString()).isEqualTo("RESIDENTIAL");

		Response imported = put(grid, api.tokenOf("dongcheng"), feature.toString());
		assertThat(imported.status()).as(imported.brief()).isEqualTo(200);
		assertThat(Boundaries.parse(boundaryOf(grid)).equalsTopo(Boundaries.parse(before))).isTrue();

		// a grid's export holds its micro-grids
		JsonNode microGrids = api.get("/api/v1/org-units/" + grid + "/boundaries.geojson", api.tokenOf("dongcheng-g01"))
			.json();
		assertThat(microGrids.path("features").size()).isGreaterThanOrEqualTo(5);
		assertThat(microGrids.path("features").get(0).path("properties").path("level").asString())
			.isEqualTo("MICRO_GRID");
	}

	@Test
	void aBoundaryOverlappingASiblingIsRefusedAndTheOldOneStays() {
		UUID first = api.orgUnitId("东城社区第1网格");
		UUID second = api.orgUnitId("东城社区第2网格");
		String before = boundaryOf(first);

		assertRefused(put(first, api.tokenOf("dongcheng"), boundaryOf(second)), "BOUNDARY_OVERLAPS_SIBLING",
				"东城社区第2网格");

		assertThat(boundaryOf(first)).isEqualTo(before);
		// the refused write is in the audit trail, on the grid
		List<JsonNode> audited = api.get("/api/v1/audit-entries?username=dongcheng&action=" + ApiClient.encode("PUT "),
				api.tokenOf("auditor")).list();
		assertThat(audited).anyMatch(entry -> entry.path("objectId").asString().equals(first.toString())
				&& entry.path("action").asString().equals("PUT /api/v1/org-units/{id}/boundary")
				&& entry.path("outcome").asString().equals("FAILURE"));
	}

	@Test
	void aBoundaryLeavingItsParentIsRefusedAndTheOldOneStays() {
		UUID grid = api.orgUnitId("东城社区第3网格");
		String before = boundaryOf(grid);
		Geometry moved = AffineTransformation.translationInstance(0.5, 0).transform(Boundaries.parse(before));

		assertRefused(put(grid, api.tokenOf("dongcheng"), Boundaries.write(moved)), "BOUNDARY_OUTSIDE_PARENT",
				"超出了上级的边界");

		assertThat(boundaryOf(grid)).isEqualTo(before);
	}

	@Test
	void aGridBoundaryThatWouldLeaveAMicroGridOutsideIsRefused() {
		UUID grid = api.orgUnitId("东城社区第4网格");
		String before = boundaryOf(grid);
		List<JsonNode> microGrids = api.get("/api/v1/org-units?parentId=" + grid, api.tokenOf("admin")).list();
		String onlyTheFirstMicroGrid = boundaryOf(UUID.fromString(microGrids.get(0).path("id").asString()));

		assertRefused(put(grid, api.tokenOf("jieshi"), onlyTheFirstMicroGrid), "BOUNDARY_LEAVES_CHILD", "落在边界之外");

		assertThat(boundaryOf(grid)).isEqualTo(before);
	}

	@Test
	void aShrunkMicroGridIsStoredAndTheLookUpFollowsIt() {
		UUID grid = api.orgUnitId("东城社区第5网格");
		JsonNode microGrid = api.get("/api/v1/org-units?parentId=" + grid, api.tokenOf("admin")).list().get(0);
		UUID id = UUID.fromString(microGrid.path("id").asString());
		String before = boundaryOf(id);
		Geometry original = Boundaries.parse(before);
		Coordinate centre = original.getCentroid().getCoordinate();
		Coordinate corner = original.getCoordinates()[0];
		// a point a tenth of the way from a corner to the centre: inside the micro-grid, outside its shrunk self
		double lat = corner.y + (centre.y - corner.y) * 0.1;
		double lng = corner.x + (centre.x - corner.x) * 0.1;
		String token = api.tokenOf("dongcheng");
		assertThat(api.get(GridLocateIntegrationTests.locatePath(lat, lng), token).json()
			.path("microGrid").path("id").asString()).isEqualTo(id.toString());

		Geometry shrunk = AffineTransformation.scaleInstance(0.5, 0.5, centre.x, centre.y).transform(original);
		String feature = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + Boundaries.write(shrunk) + "}";
		try {
			Response response = put(id, token, feature);
			assertThat(response.status()).as(response.brief()).isEqualTo(200);
			assertThat(Boundaries.parse(response.json().path("boundary").toString()).equalsExact(shrunk, 1e-7))
				.isTrue();
			JsonNode located = api.get(GridLocateIntegrationTests.locatePath(lat, lng), token).json();
			assertThat(located.path("id").asString()).isEqualTo(grid.toString());
			assertThat(located.path("microGrid").isNull()).as(located.toString()).isTrue();
		}
		finally {
			assertThat(put(id, token, before).status()).isEqualTo(200);
		}
		assertThat(api.get(GridLocateIntegrationTests.locatePath(lat, lng), token).json()
			.path("microGrid").path("id").asString()).isEqualTo(id.toString());
	}

	@Autowired
	JdbcClient jdbc;

	/**
	 * Another node (or anyone) changing a boundary straight in the database: the trigger bumps the boundary version,
	 * and this node's index follows within its check interval (2 s) without being told.
	 */
	@Test
	void aChangeMadeElsewhereIsSeenWithinTheVersionCheckInterval() {
		UUID grid = api.orgUnitId("东城社区第8网格");
		JsonNode microGrid = api.get("/api/v1/org-units?parentId=" + grid, api.tokenOf("admin")).list().get(0);
		UUID id = UUID.fromString(microGrid.path("id").asString());
		String before = boundaryOf(id);
		Geometry original = Boundaries.parse(before);
		Coordinate centre = original.getCentroid().getCoordinate();
		Coordinate corner = original.getCoordinates()[0];
		double lat = corner.y + (centre.y - corner.y) * 0.1;
		double lng = corner.x + (centre.x - corner.x) * 0.1;
		String path = GridLocateIntegrationTests.locatePath(lat, lng);
		String token = api.tokenOf("dongcheng");
		assertThat(api.get(path, token).json().path("microGrid").path("id").asString()).isEqualTo(id.toString());

		Geometry shrunk = AffineTransformation.scaleInstance(0.5, 0.5, centre.x, centre.y).transform(original);
		String sql = "UPDATE territory.org_unit SET boundary = CAST(:boundary AS jsonb) WHERE id = :id";
		jdbc.sql(sql).param("boundary", Boundaries.write(shrunk)).param("id", id).update();
		try {
			await("the index follows the database").atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(api.get(path, token).json().path("microGrid").isNull()).isTrue());
		}
		finally {
			jdbc.sql(sql).param("boundary", before).param("id", id).update();
		}
	}

	@Test
	void onlyCommunityStaffAndAboveMayImportAndOnlyInTheirScope() {
		UUID grid = api.orgUnitId("东城社区第1网格");
		String before = boundaryOf(grid);

		assertThat(put(grid, api.tokenOf("dongcheng-g01"), before).problemCode(403)).isEqualTo("FORBIDDEN");
		assertThat(put(grid, api.tokenOf("mudong"), before).problemCode(404)).isEqualTo("NOT_FOUND");
		assertThat(put(api.orgUnitId("东城社区"), api.tokenOf("dongcheng"), before).problemCode(400))
			.isEqualTo("BOUNDARY_NOT_EDITABLE");
		assertRefused(put(grid, api.tokenOf("dongcheng"), "{\"type\":\"Point\",\"coordinates\":[106.6,29.4]}"),
				"BOUNDARY_NOT_POLYGON", "多边形");
		assertRefused(put(grid, api.tokenOf("dongcheng"), "not json at all"), "BOUNDARY_UNREADABLE", "GeoJSON");
		assertThat(boundaryOf(grid)).isEqualTo(before);
	}
}
