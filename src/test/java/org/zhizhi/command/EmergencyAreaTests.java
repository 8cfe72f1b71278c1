package org.zhizhi.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.zhizhi.command.EmergencyCommands.DrawnArea;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.territory.GridIndex;
import org.zhizhi.territory.GridLocation;
import org.zhizhi.territory.OrgLevel;

/**
 * The rules of an area drawn for an emergency whistle ({@link EmergencyArea}) without Spring — a polygon of at least
 * three points not on one line, edges that do not cross, positions in range, one ring — and which grids of a scope it
 * covers or touches ({@link GridIndex#touching}): a neighbour beyond its edge is not, a grid sharing an edge is, a
 * grid outside the scope never is.
 */
class EmergencyAreaTests {

	@Test
	void aSquareIsAnAreaAndItsRingClosesItself() {
		List<FieldProblem> problems = new ArrayList<>();
		Polygon open = EmergencyArea.read(area(p(106.64, 29.40), p(106.65, 29.40), p(106.65, 29.41), p(106.64, 29.41)),
				problems);
		assertThat(problems).isEmpty();
		assertThat(open.getExteriorRing().getNumPoints()).isEqualTo(5);
		Polygon closed = EmergencyArea.read(area(p(106.64, 29.40), p(106.65, 29.40), p(106.65, 29.41),
				p(106.64, 29.41), p(106.64, 29.40)), problems);
		assertThat(problems).isEmpty();
		assertThat(closed.equalsExact(open)).isTrue();
		assertThat(EmergencyArea.geoJson(closed)).contains("\"Polygon\"").contains("106.64");
	}

	@Test
	void fewerThanThreePointsOrPointsOnOneLineAreRefused() {
		assertThat(problem(area(p(106.64, 29.40), p(106.65, 29.40)))).isEqualTo("command.emergencyAreaTooFewPoints");
		// a point clicked twice counts once
		assertThat(problem(area(p(106.64, 29.40), p(106.65, 29.40), p(106.65, 29.40))))
			.isEqualTo("command.emergencyAreaTooFewPoints");
		assertThat(problem(area(p(106.64, 29.40), p(106.65, 29.40), p(106.66, 29.40))))
			.isEqualTo("command.emergencyAreaTooFewPoints");
	}

	@Test
	void aSelfCrossingPolygonIsRefused() {
		// a figure eight: the corners clicked out of order
		assertThat(problem(area(p(106.64, 29.40), p(106.65, 29.41), p(106.65, 29.40), p(106.64, 29.41))))
			.isEqualTo("command.emergencyAreaCrossing");
	}

	@Test
	void somethingThatIsNotOnePolygonInRangeIsRefused() {
		assertThat(problem(new DrawnArea("LineString", List.of(List.of(List.of(106.64, 29.40))))))
			.isEqualTo("command.emergencyAreaUnreadable");
		assertThat(problem(new DrawnArea(null, null))).isEqualTo("command.emergencyAreaUnreadable");
		List<List<Double>> ring = List.of(p(106.64, 29.40), p(106.65, 29.40), p(106.65, 29.41));
		assertThat(problem(new DrawnArea("Polygon", List.of(ring, ring)))).isEqualTo("command.emergencyAreaUnreadable");
		assertThat(problem(area(p(106.64, 29.40), p(206.65, 29.40), p(106.65, 29.41))))
			.isEqualTo("command.emergencyAreaOutOfRange");
		assertThat(problem(area(p(106.64, 29.40), p(106.65, 99.40), p(106.65, 29.41))))
			.isEqualTo("command.emergencyAreaOutOfRange");
		List<List<Double>> many = new ArrayList<>();
		for (int i = 0; i <= EmergencyArea.MAX_POINTS; i++) {
			double angle = 2 * Math.PI * i / (EmergencyArea.MAX_POINTS + 1);
			many.add(p(106.64 + 0.01 * Math.cos(angle), 29.40 + 0.01 * Math.sin(angle)));
		}
		assertThat(problem(new DrawnArea("Polygon", List.of(many)))).isEqualTo("command.emergencyAreaTooManyPoints");
	}

	@Test
	void theAreaTouchesTheGridsOfTheScopeItCoversOrSharesAnEdgeWithAndNoOther() {
		// three grids side by side, 0.01° wide: A and B in the scope, C beyond it
		String scope = "/d/s/c/";
		GridIndex.Cell a = cell("A", scope + "a/", 106.60);
		GridIndex.Cell b = cell("B", scope + "b/", 106.61);
		GridIndex.Cell c = cell("C", "/d/s/other/c/", 106.62);
		GridIndex.Cell d = cell("D", scope + "d/", 106.63);
		GridIndex index = GridIndex.of(List.of(a, b, c, d));
		DataScope community = new DataScope(UUID.randomUUID(), scope);

		// inside A and reaching into B
		assertThat(names(index.touching(community, read(area(p(106.605, 29.401), p(106.615, 29.401),
				p(106.615, 29.409), p(106.605, 29.409)))))).containsExactly("A", "B");
		// inside A, up to B's edge: B is touched, D beyond is not
		assertThat(names(index.touching(community, read(area(p(106.605, 29.401), p(106.61, 29.401),
				p(106.61, 29.409)))))).containsExactly("A", "B");
		assertThat(names(index.touching(community, read(area(p(106.601, 29.401), p(106.605, 29.401),
				p(106.605, 29.409)))))).containsExactly("A");
		// over B, C and D: C is outside the scope
		assertThat(names(index.touching(community, read(area(p(106.615, 29.401), p(106.635, 29.401),
				p(106.635, 29.409)))))).containsExactly("B", "D");
		// wholly inside C: nothing of the scope
		assertThat(index.touching(community, read(area(p(106.621, 29.401), p(106.629, 29.401), p(106.629, 29.409)))))
			.isEmpty();
	}

	private static Polygon read(DrawnArea area) {
		List<FieldProblem> problems = new ArrayList<>();
		Polygon polygon = EmergencyArea.read(area, problems);
		assertThat(problems).isEmpty();
		return polygon;
	}

	private static String problem(DrawnArea area) {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(EmergencyArea.read(area, problems)).isNull();
		assertThat(problems).hasSize(1);
		assertThat(problems.getFirst().field()).isEqualTo("area");
		return problems.getFirst().messageKey();
	}

	@SafeVarargs
	private static DrawnArea area(List<Double>... positions) {
		return new DrawnArea("Polygon", List.of(List.of(positions)));
	}

	private static List<Double> p(double lng, double lat) {
		return List.of(lng, lat);
	}

	private static GridIndex.Cell cell(String name, String path, double west) {
		GeometryFactory factory = new GeometryFactory();
		Polygon square = factory.createPolygon(new Coordinate[] { new Coordinate(west, 29.40),
				new Coordinate(west + 0.01, 29.40), new Coordinate(west + 0.01, 29.41), new Coordinate(west, 29.41),
				new Coordinate(west, 29.40) });
		return new GridIndex.Cell(UUID.randomUUID(), null, OrgLevel.GRID, name, name, "RESIDENTIAL", path,
				UUID.randomUUID(), square);
	}

	private static List<String> names(List<GridLocation> grids) {
		return grids.stream().map(GridLocation::name).toList();
	}
}
