package org.zhizhi.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.zhizhi.shared.Actor;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.Entrance;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.EstateKind;
import org.zhizhi.territory.GovernanceMode;
import org.zhizhi.territory.NewBuilding;
import org.zhizhi.territory.NewDwelling;
import org.zhizhi.territory.NewEntrance;
import org.zhizhi.territory.NewEstate;
import org.zhizhi.territory.PlaceManagement;

/**
 * The estates of the seeds with their buildings, entrances and dwellings — one dwelling per household the seeds
 * count: 东城社区's public rental estate (15 buildings, 4,993 dwellings over its 15 grids and 76 micro-grids), 金银桥社区's
 * 钱佳花园 (1,159), 下新新社区's 新河街 (12 buildings, 380, in the 新河街网格), 走马梁社区's 走马二村 (19 buildings, 43
 * entrances, 842), 金鹤社区's 华城国际 (2 buildings, 641) and, for 龙锦社区's riders and couriers, whom the seeds count
 * but house nowhere, 龙锦公寓 (2 buildings of rented flats, 60); 桃花桥社区's 长生雅苑 (8 buildings, 512, no figures in
 * the seeds, no residents in the demo: its story is a branch decision). Buildings stand at interior points of their micro-grids, so
 * the grid and micro-grid the commands derive from the position are the planned ones; the dwellings of a building are
 * spread in bands over the micro-grids of its grid that it serves. Everything goes through {@link PlaceManagement},
 * dwellings in one batch per building.
 */
final class DemoPlaces {

	/** One estate: its community, and per grid how many buildings stand in it. */
	record EstatePlan(String communityKey, String name, EstateKind kind, GovernanceMode mode, int floors,
			List<GridPlan> grids, int[][] dwellingsPerEntrance) {
	}

	/** {@code buildings} buildings stand in the grid {@code gridKey}, which has {@code microGrids} micro-grids. */
	record GridPlan(String gridKey, int buildings, int microGrids) {
	}

	static final List<EstatePlan> PLANS = List.of(
			new EstatePlan("dongcheng", "东城公租房", EstateKind.PUBLIC_RENTAL, GovernanceMode.COMMUNITY_RUN, 32,
					gridsOf("dongcheng", 15, 1, new int[] { 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }),
					entrances(15, 2, 4993)),
			new EstatePlan("jinyinqiao", "钱佳花园", EstateKind.RESETTLEMENT, GovernanceMode.MULTI_PARTY, 18,
					gridsOf("jinyinqiao", 4, 3, new int[] { 7, 7, 7, 7 }), entrances(12, 2, 1159)),
			new EstatePlan("xiaxinxin", "新河街", EstateKind.OLD, GovernanceMode.SELF_GOVERNED, 7,
					List.of(new GridPlan("xiaxinxin-g1", 12, 6)), entrances(12, 1, 380)),
			new EstatePlan("zoumaliang", "走马二村", EstateKind.STAFF_QUARTERS, GovernanceMode.SELF_GOVERNED, 6,
					List.of(new GridPlan("zoumaliang-g1", 10, 6), new GridPlan("zoumaliang-g2", 9, 5)),
					zoumaErCun()),
			new EstatePlan("jinhe", "华城国际", EstateKind.COMMERCIAL, GovernanceMode.PROPERTY_MANAGED, 33,
					List.of(new GridPlan("jinhe-g1", 2, 5)), entrances(2, 2, 641)),
			new EstatePlan("longjin", "龙锦公寓", EstateKind.SCATTERED, GovernanceMode.COMMUNITY_RUN, 6,
					List.of(new GridPlan("longjin-g1", 2, 6)), entrances(2, 1, 60)),
			// 长生雅苑 (004) has its branch and 自管会 but no figures in the seeds: 8 buildings of 512 flats, no residents
			new EstatePlan("taohuaqiao", "长生雅苑", EstateKind.COMMERCIAL, GovernanceMode.SELF_GOVERNED, 11,
					List.of(new GridPlan("taohuaqiao-g1", 8, 5)), entrances(8, 2, 512)));

	private DemoPlaces() {
	}

	/** Registers every planned estate; {@code ids} maps the demo district's keys to the created nodes. */
	static void load(PlaceManagement places, Actor loader, List<DemoDistrict.Node> nodes, Map<String, UUID> ids) {
		Map<String, DemoDistrict.Node> byKey = nodes.stream()
			.collect(Collectors.toMap(DemoDistrict.Node::key, Function.identity()));
		Random random = new Random(20261123L);
		for (EstatePlan plan : PLANS) {
			Estate estate = places.addEstate(loader,
					new NewEstate(ids.get(plan.communityKey()), plan.name(), plan.kind(), plan.mode(), null));
			int number = 0;
			for (GridPlan grid : plan.grids()) {
				for (int j = 0; j < grid.buildings(); j++) {
					List<String> served = servedMicroGrids(grid, j);
					double[] position = interiorPoint(byKey.get(served.get(0)).boundary(), j / grid.microGrids());
					Building building = places.addBuilding(loader, new NewBuilding(estate.id(), (number + 1) + "栋",
							plan.floors(), position[0], position[1]));
					int[] perEntrance = plan.dwellingsPerEntrance()[number];
					places.addDwellings(loader, building.id(), dwellings(places, loader, building, perEntrance,
							plan.floors(), served.stream().map(ids::get).toList(), random));
					number++;
				}
			}
		}
	}

	/** The micro-grids of its grid that the j-th building serves: every B-th of them, or one shared with others. */
	static List<String> servedMicroGrids(GridPlan grid, int j) {
		List<String> served = new ArrayList<>();
		if (grid.microGrids() >= grid.buildings()) {
			for (int m = j; m < grid.microGrids(); m += grid.buildings()) {
				served.add(grid.gridKey() + "-m" + (m + 1));
			}
		}
		else {
			served.add(grid.gridKey() + "-m" + (j % grid.microGrids() + 1));
		}
		return served;
	}

	private static List<NewDwelling> dwellings(PlaceManagement places, Actor loader, Building building,
			int[] perEntrance, int floors, List<UUID> microGrids, Random random) {
		int total = java.util.Arrays.stream(perEntrance).sum();
		List<NewDwelling> dwellings = new ArrayList<>(total);
		int index = 0;
		for (int e = 0; e < perEntrance.length; e++) {
			Entrance entrance = places.addEntrance(loader, new NewEntrance(building.id(), (e + 1) + "单元"));
			int count = perEntrance[e];
			int perFloor = (count + floors - 1) / floors;
			for (int i = 0; i < count; i++) {
				int floor = 1 + i / perFloor;
				int unit = 1 + i % perFloor;
				String label = String.format(java.util.Locale.ROOT, "%d-%d%02d", e + 1, floor, unit);
				BigDecimal area = BigDecimal.valueOf(45 + random.nextInt(500) / 10.0).setScale(1, RoundingMode.HALF_UP);
				UUID microGrid = microGrids.get(index * microGrids.size() / total);
				dwellings.add(new NewDwelling(building.id(), entrance.id(), label, floor, area, microGrid));
				index++;
			}
		}
		return dwellings;
	}

	/**
	 * A point well inside a (convex) micro-grid: its centroid, moved a third of the way toward one of its corners so
	 * that buildings sharing a micro-grid stand apart. Returns {lat, lng}.
	 */
	static double[] interiorPoint(String boundary, int corner) {
		Geometry polygon;
		try {
			polygon = new GeoJsonReader().read(boundary);
		}
		catch (ParseException e) {
			throw new IllegalStateException("demo boundary unreadable", e);
		}
		Coordinate centre = polygon.getCentroid().getCoordinate();
		Coordinate[] ring = polygon.getCoordinates();
		Coordinate toward = ring[corner % (ring.length - 1)];
		double lng = centre.x + (toward.x - centre.x) / 3;
		double lat = centre.y + (toward.y - centre.y) / 3;
		return new double[] { Math.round(lat * 1e7) / 1e7, Math.round(lng * 1e7) / 1e7 };
	}

	private static List<GridPlan> gridsOf(String communityKey, int grids, int buildingsPerGrid, int[] microGrids) {
		List<GridPlan> plans = new ArrayList<>();
		for (int g = 0; g < grids; g++) {
			plans.add(new GridPlan(communityKey + "-g" + (g + 1), buildingsPerGrid, microGrids[g]));
		}
		return plans;
	}

	/** {@code total} dwellings over buildings of {@code entrances} entrances each, as evenly as possible. */
	static int[][] entrances(int buildings, int entrances, int total) {
		int[][] plan = new int[buildings][entrances];
		int slots = buildings * entrances;
		for (int s = 0; s < slots; s++) {
			plan[s / entrances][s % entrances] = total / slots + (s < total % slots ? 1 : 0);
		}
		return plan;
	}

	/** 走马二村: 19 buildings, the first five with three entrances and the rest with two (43), 842 dwellings. */
	private static int[][] zoumaErCun() {
		int[][] plan = new int[19][];
		int slot = 0;
		for (int b = 0; b < 19; b++) {
			plan[b] = new int[b < 5 ? 3 : 2];
			for (int e = 0; e < plan[b].length; e++) {
				plan[b][e] = slot < 842 % 43 ? 842 / 43 + 1 : 842 / 43;
				slot++;
			}
		}
		return plan;
	}
}
