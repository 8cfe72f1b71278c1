package org.zhizhi.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RFC 7946 on the way out, without Spring: right-hand rings, seven decimals at most, no position twice in a row. */
class GeoJsonRingsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A square shell drawn clockwise with a hole drawn counter-clockwise — the wrong way round for RFC 7946. */
	private static final String WRONG_WAY = """
			{"type":"Polygon","coordinates":[
			 [[106.5,29.3],[106.5,29.4],[106.6,29.4],[106.6,29.3],[106.5,29.3]],
			 [[106.52,29.32],[106.58,29.32],[106.58,29.38],[106.52,29.38],[106.52,29.32]]]}""";

	@Test
	void theExteriorRingTurnsCounterClockwiseAndTheHoleClockwise() {
		JsonNode rings = JSON.readTree(GeoJsonRings.rfc7946(WRONG_WAY)).path("coordinates");

		assertThat(signedArea(rings.get(0))).as("exterior: counter-clockwise").isPositive();
		assertThat(signedArea(rings.get(1))).as("hole: clockwise").isNegative();
		assertThat(rings.get(0).get(0)).as("closed").isEqualTo(rings.get(0).get(rings.get(0).size() - 1));
	}

	@Test
	void positionsKeepSevenDecimalsAndNoneRepeatsTheOneBefore() {
		String noisy = """
				{"type":"Polygon","coordinates":[[[106.500000001,29.3],[106.6,29.300000004],[106.600000003,29.3],
				 [106.6,29.4],[106.5,29.4],[106.5,29.4],[106.500000001,29.3]]]}""";
		String written = GeoJsonRings.rfc7946(noisy);

		assertThat(written).doesNotContainPattern("\\d\\.\\d{8,}");
		JsonNode ring = JSON.readTree(written).path("coordinates").get(0);
		for (int i = 1; i < ring.size(); i++) {
			assertThat(ring.get(i)).as("position %d", i).isNotEqualTo(ring.get(i - 1));
		}
		assertThat(ring.size()).isEqualTo(5);
		assertThat(signedArea(ring)).isPositive();
	}

	@Test
	void everyPolygonOfAMultiPolygonFollowsTheRule() {
		String multi = """
				{"type":"MultiPolygon","coordinates":[
				 [[[106.5,29.3],[106.5,29.4],[106.6,29.4],[106.6,29.3],[106.5,29.3]]],
				 [[[106.7,29.3],[106.8,29.3],[106.8,29.4],[106.7,29.4],[106.7,29.3]]]]}""";
		JsonNode polygons = JSON.readTree(GeoJsonRings.rfc7946(multi)).path("coordinates");

		assertThat(polygons.size()).isEqualTo(2);
		polygons.forEach(polygon -> assertThat(signedArea(polygon.get(0))).isPositive());
	}

	/** The shoelace formula: positive for a counter-clockwise ring in longitude/latitude. */
	static double signedArea(JsonNode ring) {
		double sum = 0;
		for (int i = 0; i + 1 < ring.size(); i++) {
			sum += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
					- ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
		}
		return sum / 2;
	}
}
