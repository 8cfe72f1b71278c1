package org.zhizhi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.zhizhi.demo.DemoDistrict.Node;
import org.zhizhi.demo.DemoPlaces.EstatePlan;
import org.zhizhi.demo.DemoPlaces.GridPlan;
import org.zhizhi.territory.Boundaries;

/** The demo estates have the seeds' figures, and every building stands inside the micro-grid it serves first. */
class DemoPlacesTests {

	final Map<String, Node> byKey = DemoDistrict.build()
		.stream()
		.collect(Collectors.toMap(Node::key, Function.identity()));

	@Test
	void hasTheSeedsFiguresPerEstate() {
		assertThat(figures("东城公租房")).containsExactly(15, 30, 4993);
		assertThat(figures("钱佳花园")[2]).isEqualTo(1159);
		assertThat(figures("新河街")).containsExactly(12, 12, 380);
		assertThat(figures("走马二村")).containsExactly(19, 43, 842);
		assertThat(figures("华城国际")[0]).isEqualTo(2);
		assertThat(figures("华城国际")[2]).isEqualTo(641);
	}

	@Test
	void buildingsOfAnEstateStandInItsPlannedGrids() {
		for (EstatePlan plan : DemoPlaces.PLANS) {
			assertThat(plan.grids().stream().mapToInt(GridPlan::buildings).sum()).as(plan.name())
				.isEqualTo(plan.dwellingsPerEntrance().length);
			for (GridPlan grid : plan.grids()) {
				assertThat(byKey.get(grid.gridKey()).parentKey()).isEqualTo(plan.communityKey());
			}
		}
	}

	@Test
	void dongchengsDwellingsSpreadOverAllSeventySixMicroGrids() {
		EstatePlan dongcheng = DemoPlaces.PLANS.get(0);
		Set<String> served = new HashSet<>();
		for (GridPlan grid : dongcheng.grids()) {
			for (int j = 0; j < grid.buildings(); j++) {
				served.addAll(DemoPlaces.servedMicroGrids(grid, j));
			}
		}
		assertThat(served).hasSize(76).allMatch(byKey::containsKey);
	}

	@Test
	void everyBuildingStandsInsideTheFirstMicroGridItServes() {
		GeometryFactory factory = new GeometryFactory();
		for (EstatePlan plan : DemoPlaces.PLANS) {
			for (GridPlan grid : plan.grids()) {
				for (int j = 0; j < grid.buildings(); j++) {
					String microGrid = DemoPlaces.servedMicroGrids(grid, j).get(0);
					double[] position = DemoPlaces.interiorPoint(byKey.get(microGrid).boundary(),
							j / grid.microGrids());
					assertThat(Boundaries.parse(byKey.get(microGrid).boundary())
						.contains(factory.createPoint(new Coordinate(position[1], position[0]))))
						.as("%s building %d in %s", plan.name(), j, microGrid)
						.isTrue();
				}
			}
		}
	}

	/** {buildings, entrances, dwellings} of the named estate. */
	private static int[] figures(String name) {
		EstatePlan plan = DemoPlaces.PLANS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
		List<int[]> buildings = Arrays.asList(plan.dwellingsPerEntrance());
		return new int[] { buildings.size(), buildings.stream().mapToInt(b -> b.length).sum(),
				buildings.stream().flatMapToInt(Arrays::stream).sum() };
	}
}
