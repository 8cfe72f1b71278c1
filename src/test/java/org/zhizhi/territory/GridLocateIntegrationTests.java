package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhizhi.ApiClient;
import org.zhizhi.ApiClient.Response;
import org.zhizhi.ZhizhiIntegrationTest;

import tools.jackson.databind.JsonNode;

/** Position to grid over real HTTP: the grid and micro-grid of the caller's scope, 404 elsewhere, 400 for nonsense. */
@ZhizhiIntegrationTest
class GridLocateIntegrationTests {

	@LocalServerPort
	int port;

	private ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	/** The centroid of a node's boundary as {lat, lng}. */

	static String locatePath(double lat, double lng) {
		return String.format(Locale.ROOT, "/api/v1/grids/locate?lat=%.8f&lng=%.8f", lat, lng);
	}

	@Test
	void theCentroidOfTheFirstGridLiesInTheFirstGridAndOneOfItsMicroGrids() {
		UUID grid = api.orgUnitId("东城社区第1网格");
		double[] point = api.centroid(grid);

		Response response = api.get(locatePath(point[0], point[1]), api.tokenOf("dongcheng"));

		assertThat(response.status()).as(response.brief()).isEqualTo(200);
		JsonNode located = response.json();
		List<String> fields = new ArrayList<>();
		located.propertyNames().forEach(fields::add);
		assertThat(fields).containsExactly("id", "name", "code", "microGrid");
		assertThat(located.path("id").asString()).isEqualTo(grid.toString());
		assertThat(located.path("name").asString()).isEqualTo("东城社区第1网格");
		assertThat(located.path("code").asString()).isEqualTo("500113101001001");
		UUID microGrid = UUID.fromString(located.path("microGrid").path("id").asString());
		assertThat(located.path("microGrid").path("name").asString()).startsWith("第1网格第");
		List<JsonNode> microGrids = api.get("/api/v1/org-units?parentId=" + grid, api.tokenOf("admin")).list();
		assertThat(microGrids).anyMatch(m -> m.path("id").asString().equals(microGrid.toString()));

		// the centroid of a micro-grid answers that very micro-grid
		JsonNode other = microGrids.get(microGrids.size() - 1);
		double[] inMicro = api.centroid(UUID.fromString(other.path("id").asString()));
		assertThat(api.get(locatePath(inMicro[0], inMicro[1]), api.tokenOf("dongcheng")).json()
			.path("microGrid").path("id").asString()).isEqualTo(other.path("id").asString());
	}

	@Test
	void aGridOutsideTheCallersScopeIsNotFound() {
		double[] point = api.centroid(api.orgUnitId("东城社区第1网格"));

		assertThat(api.get(locatePath(point[0], point[1]), api.tokenOf("mudong")).problemCode(404))
			.isEqualTo("NOT_FOUND");
		// the worker of the neighbouring grid does not see the first grid either
		assertThat(api.get(locatePath(point[0], point[1]), api.tokenOf("dongcheng-g02")).status()).isEqualTo(404);
		assertThat(api.get(locatePath(point[0], point[1]), api.tokenOf("dongcheng-g01")).status()).isEqualTo(200);
	}

	@Test
	void aPointInTheSeaLiesInNoGrid() {
		assertThat(api.get(locatePath(18.0, 115.0), api.tokenOf("admin")).problemCode(404)).isEqualTo("NOT_FOUND");
	}

	@Test
	void badOrMissingCoordinatesAreRefusedAsProblems() {
		String token = api.tokenOf("dongcheng");
		Response outOfRange = api.get("/api/v1/grids/locate?lat=95&lng=106.6", token);
		assertThat(outOfRange.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(outOfRange.errorFields()).containsExactly("lat");

		Response notANumber = api.get("/api/v1/grids/locate?lat=29.4&lng=abc", token);
		assertThat(notANumber.problemCode(400)).isEqualTo("VALIDATION_FAILED");
		assertThat(notANumber.errorFields()).containsExactly("lng");

		assertThat(api.get("/api/v1/grids/locate?lat=29.4", token).errorFields()).containsExactly("lng");
		assertThat(api.get("/api/v1/grids/locate?lat=NaN&lng=106.6", token).errorFields()).containsExactly("lat");
		assertThat(api.get("/api/v1/grids/locate?lat=29.4&lng=106.6", null).status()).isEqualTo(401);
	}
}
