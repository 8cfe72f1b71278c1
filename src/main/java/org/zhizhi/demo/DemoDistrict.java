package org.zhizhi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.zhizhi.territory.OrgLevel;

/**
 * The demo territory: 巴南区 and 南岸区 with the streets and communities of the seeds and their grid and micro-grid
 * counts (东城社区 15 grids and 76 micro-grids; 金银桥社区 5 park grids, 4 residential grids and 63 micro-grids;
 * 下新新社区 7 grids; 走马梁社区 2 grids for the 攀钢 staff quarters). Boundaries are synthetic: each community is a
 * block near its real place, cut into rows of grids with slanted dividers, each grid cut into micro-grids by the same
 * bilinear lattice — so grids never overlap and micro-grids lie exactly inside their grid. A fixed seed makes every
 * machine build the same district.
 */
final class DemoDistrict {

	/** One node to create, referring to its parent by key. */
	record Node(String key, String parentKey, OrgLevel level, String name, String code, String kind, String boundary) {
	}

	/** Degrees of latitude and longitude of one grid cell: about 440 m × 430 m at 29.4° N. */
	private static final double CELL_LAT = 0.004;

	private static final double CELL_LNG = 0.0045;

	private final List<Node> nodes = new ArrayList<>();

	private final Random random = new Random(20261123L);

	static List<Node> build() {
		DemoDistrict district = new DemoDistrict();
		district.buildAll();
		return List.copyOf(district.nodes);
	}

	private void buildAll() {
		add("cq", null, OrgLevel.CITY, "重庆市", "500000000000", null, null);

		add("banan", "cq", OrgLevel.DISTRICT, "巴南区", "500113000000", null, null);
		add("longzhouwan", "banan", OrgLevel.STREET, "龙洲湾街道", "500113001000", "SUBDISTRICT", null);
		add("yudong", "banan", OrgLevel.STREET, "鱼洞街道", "500113002000", "SUBDISTRICT", null);
		add("huaxi", "banan", OrgLevel.STREET, "花溪街道", "500113005000", "SUBDISTRICT", null);
		add("jieshi", "banan", OrgLevel.STREET, "界石镇", "500113101000", "TOWN", null);
		add("mudong", "banan", OrgLevel.STREET, "木洞镇", "500113108000", "TOWN", null);

		community("dongcheng", "jieshi", "东城社区", "500113101001", 29.4012, 106.6431,
				grids(15, 0, new int[] { 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }), names("东城社区第%d网格", 15));
		community("jinyinqiao", "mudong", "金银桥社区", "500113108003", 29.5705, 106.8352,
				grids(4, 5, new int[] { 7, 7, 7, 7, 7, 7, 7, 7, 7 }),
				concat(names("金银桥社区第%d网格", 4), names("生物城园区第%d网格", 5)));
		community("xiaxinxin", "yudong", "下新新社区", "500113002011", 29.3838, 106.5196,
				grids(7, 0, new int[] { 6, 5, 5, 5, 5, 5, 5 }),
				List.of("新河街网格", "下新新社区第2网格", "下新新社区第3网格", "下新新社区第4网格", "下新新社区第5网格",
						"下新新社区第6网格", "下新新社区第7网格"));
		community("zoumaliang", "huaxi", "走马梁社区", "500113005006", 29.4551, 106.5487,
				grids(2, 0, new int[] { 6, 5 }), List.of("攀钢家属区第1网格", "攀钢家属区第2网格"));
		community("longjin", "longzhouwan", "龙锦社区", "500113001008", 29.3712, 106.5405,
				grids(4, 0, new int[] { 6, 6, 6, 6 }), names("龙锦社区第%d网格", 4));

		add("nanan", "cq", OrgLevel.DISTRICT, "南岸区", "500108000000", null, null);
		add("huayuanlu", "nanan", OrgLevel.STREET, "花园路街道", "500108004000", "SUBDISTRICT", null);
		// 长生雅苑's fire lane (004): the report names its town, not its community; the demo houses it in 桃花桥社区,
		// the town's community the same report names
		add("changshengqiao", "nanan", OrgLevel.STREET, "长生桥镇", "500108102000", "TOWN", null);
		community("taohuaqiao", "changshengqiao", "桃花桥社区", "500108102003", 29.5105, 106.6320,
				grids(2, 0, new int[] { 5, 5 }), names("桃花桥社区第%d网格", 2));
		community("jinhe", "huayuanlu", "金鹤社区", "500108004005", 29.5262, 106.5675,
				grids(6, 0, new int[] { 5, 5, 5, 5, 5, 5 }),
				List.of("华城国际网格", "金鹤社区第2网格", "金鹤社区第3网格", "金鹤社区第4网格", "金鹤社区第5网格",
						"金鹤社区第6网格"));
	}

	/** Grid kinds in order (residential first, then park) with their micro-grid counts. */
	private record GridPlan(List<String> kinds, int[] microGrids) {
	}

	private static GridPlan grids(int residential, int park, int[] microGrids) {
		List<String> kinds = new ArrayList<>();
		for (int i = 0; i < residential; i++) {
			kinds.add("RESIDENTIAL");
		}
		for (int i = 0; i < park; i++) {
			kinds.add("PARK");
		}
		return new GridPlan(kinds, microGrids);
	}

	private void community(String key, String streetKey, String name, String code, double lat, double lng,
			GridPlan plan, List<String> gridNames) {
		int count = plan.kinds().size();
		int rows = (int) Math.ceil(Math.sqrt(count));
		int[] perRow = spread(count, rows);
		int widest = perRow[0];
		double width = widest * CELL_LNG;
		double height = rows * CELL_LAT;
		double west = lng - width / 2;
		double south = lat - height / 2;

		Point[][] blockCorners = { { p(south, west), p(south, west + width) },
				{ p(south + height, west), p(south + height, west + width) } };
		add(key, streetKey, OrgLevel.COMMUNITY, name, code, "URBAN", polygon(blockCorners[0][0], blockCorners[0][1],
				blockCorners[1][1], blockCorners[1][0]));

		int grid = 0;
		for (int row = 0; row < rows; row++) {
			double bottom = south + row * CELL_LAT;
			double top = bottom + CELL_LAT;
			double[] bottomXs = dividers(west, width, perRow[row]);
			double[] topXs = dividers(west, width, perRow[row]);
			for (int cell = 0; cell < perRow[row]; cell++) {
				Point bl = p(bottom, bottomXs[cell]);
				Point br = p(bottom, bottomXs[cell + 1]);
				Point tr = p(top, topXs[cell + 1]);
				Point tl = p(top, topXs[cell]);
				String gridCode = code + String.format(Locale.ROOT, "%03d", grid + 1);
				String gridKey = key + "-g" + (grid + 1);
				add(gridKey, key, OrgLevel.GRID, gridNames.get(grid), gridCode, plan.kinds().get(grid),
						polygon(bl, br, tr, tl));
				microGrids(gridKey, gridCode, grid + 1, plan.microGrids()[grid], bl, br, tr, tl);
				grid++;
			}
		}
	}

	/** Cuts a grid's quadrilateral into micro-grids: one or two rows of cells of the bilinear lattice. */
	private void microGrids(String gridKey, String gridCode, int gridNumber, int count, Point bl, Point br, Point tr,
			Point tl) {
		int rows = count <= 3 ? 1 : 2;
		int[] perRow = spread(count, rows);
		int number = 1;
		for (int row = 0; row < rows; row++) {
			double v0 = (double) row / rows;
			double v1 = (double) (row + 1) / rows;
			for (int cell = 0; cell < perRow[row]; cell++) {
				double u0 = (double) cell / perRow[row];
				double u1 = (double) (cell + 1) / perRow[row];
				String name = String.format(Locale.ROOT, "第%d网格第%d微网格", gridNumber, number);
				add(gridKey + "-m" + number, gridKey, OrgLevel.MICRO_GRID, name,
						gridCode + String.format(Locale.ROOT, "%02d", number), null,
						polygon(at(bl, br, tr, tl, u0, v0), at(bl, br, tr, tl, u1, v0), at(bl, br, tr, tl, u1, v1),
								at(bl, br, tr, tl, u0, v1)));
				number++;
			}
		}
	}

	/** The x positions of the n+1 dividers of a row: the two ends fixed, the inner ones jittered a little. */
	private double[] dividers(double west, double width, int cells) {
		double[] xs = new double[cells + 1];
		double step = width / cells;
		for (int i = 0; i <= cells; i++) {
			double jitter = (i == 0 || i == cells) ? 0 : (random.nextDouble() - 0.5) * step * 0.4;
			xs[i] = west + i * step + jitter;
		}
		return xs;
	}

	/** Splits n items over k rows as evenly as possible, larger rows first. */
	private static int[] spread(int n, int k) {
		int[] rows = new int[k];
		for (int i = 0; i < k; i++) {
			rows[i] = n / k + (i < n % k ? 1 : 0);
		}
		return rows;
	}

	private record Point(double lat, double lng) {
	}

	private static Point p(double lat, double lng) {
		// rounding every vertex once makes the vertices that neighbours share exactly equal
		return new Point(Math.round(lat * 1e7) / 1e7, Math.round(lng * 1e7) / 1e7);
	}

	private static Point at(Point bl, Point br, Point tr, Point tl, double u, double v) {
		double bottomLat = bl.lat + (br.lat - bl.lat) * u;
		double bottomLng = bl.lng + (br.lng - bl.lng) * u;
		double topLat = tl.lat + (tr.lat - tl.lat) * u;
		double topLng = tl.lng + (tr.lng - tl.lng) * u;
		return p(bottomLat + (topLat - bottomLat) * v, bottomLng + (topLng - bottomLng) * v);
	}

	private static String polygon(Point... corners) {
		StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
		for (int i = 0; i <= corners.length; i++) {
			Point c = corners[i % corners.length];
			if (i > 0) {
				json.append(',');
			}
			json.append('[').append(c.lng).append(',').append(c.lat).append(']');
		}
		return json.append("]]}").toString();
	}

	private static List<String> names(String pattern, int count) {
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			names.add(String.format(Locale.ROOT, pattern, i));
		}
		return names;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private void add(String key, String parentKey, OrgLevel level, String name, String code, String kind,
			String boundary) {
		nodes.add(new Node(key, parentKey, level, name, code, kind, boundary));
	}
}
