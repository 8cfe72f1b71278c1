package org.zhizhi.territory.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.Boundaries;
import org.zhizhi.territory.GridIndex;
import org.zhizhi.territory.OrgLevel;

/**
 * Micro benchmark of the grid look-up (JMH is not on the test classpath, and the build adds nothing for it): builds the
 * in-memory index over a lattice of synthetic grids of the demo's size (440 m × 430 m, each cut into 6 micro-grids),
 * warms up, then times look-ups of random points in a community's scope, single-threaded, and prints operations per
 * second. Sizes: one community (15 grids), a district (1,000 grids) and Chongqing's 62,000 grids.
 * <p>
 * Run (optionally with grid counts as arguments, e.g. {@code 15 1000}):
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *     org.zhizhi.territory.bench.GridLocatorBenchmark
 * </pre>
 */
public final class GridLocatorBenchmark {

	private static final double CELL_LAT = 0.004;

	private static final double CELL_LNG = 0.0045;

	private static final UUID ROOT = new UUID(0, 1);

	private GridLocatorBenchmark() {
	}

	public static void main(String[] args) {
		int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
				: new int[] { 15, 1_000, 62_000 };
		System.out.printf(Locale.ROOT, "Java %s, %d cores%n", Runtime.version(),
				Runtime.getRuntime().availableProcessors());
		for (int grids : sizes) {
			run(grids);
		}
	}

	private static void run(int gridCount) {
		int columns = (int) Math.ceil(Math.sqrt(gridCount));
		long buildStarted = System.nanoTime();
		List<GridIndex.Cell> cells = new ArrayList<>();
		for (int g = 0; g < gridCount; g++) {
			int row = g / columns;
			int column = g % columns;
			double south = 29.0 + row * CELL_LAT;
			double west = 106.0 + column * CELL_LNG;
			UUID id = new UUID(1, g);
			String path = "/" + ROOT + "/" + id + "/";
			String code = String.format(Locale.ROOT, "500113101%06d", g);
			cells.add(new GridIndex.Cell(id, ROOT, OrgLevel.GRID, "网格" + g, code, "RESIDENTIAL", path, null,
					Boundaries.parse(rectangle(west, south, CELL_LNG, CELL_LAT))));
			for (int m = 0; m < 6; m++) {
				double mSouth = south + (m / 3) * CELL_LAT / 2;
				double mWest = west + (m % 3) * CELL_LNG / 3;
				UUID microId = new UUID(2, g * 10L + m);
				cells.add(new GridIndex.Cell(microId, id, OrgLevel.MICRO_GRID, "微网格" + m, code + "0" + m, null,
						path + microId + "/", null, Boundaries.parse(rectangle(mWest, mSouth, CELL_LNG / 3, CELL_LAT / 2))));
			}
		}
		GridIndex index = GridIndex.of(cells);
		long buildMillis = (System.nanoTime() - buildStarted) / 1_000_000;
		int rows = (gridCount + columns - 1) / columns;
		DataScope scope = new DataScope(ROOT, "/" + ROOT + "/");

		// random points over the lattice's bounding box, a little beyond it so that some fall outside every grid
		SplittableRandom random = new SplittableRandom(42);
		int pointCount = 1 << 16;
		double[] lats = new double[pointCount];
		double[] lngs = new double[pointCount];
		for (int i = 0; i < pointCount; i++) {
			lats[i] = 29.0 - CELL_LAT + random.nextDouble() * (rows + 2) * CELL_LAT;
			lngs[i] = 106.0 - CELL_LNG + random.nextDouble() * (columns + 2) * CELL_LNG;
		}

		long found = 0;
		for (int round = 0; round < 5; round++) { // warm-up: let the JIT compile the look-up
			found += loop(index, scope, lats, lngs, 200_000);
		}
		long warmUpHits = found;
		found = 0;
		long operations = 0;
		long started = System.nanoTime();
		long elapsed;
		do {
			found += loop(index, scope, lats, lngs, 100_000);
			operations += 100_000;
			elapsed = System.nanoTime() - started;
		}
		while (elapsed < 3_000_000_000L);
		double opsPerSecond = operations * 1e9 / elapsed;
		System.out.printf(Locale.ROOT,
				"%,7d grids, %,8d micro-grids: index built in %,d ms; %,.0f look-ups/s (%.2f µs each), %.0f%% of"
						+ " points in a grid%s%n",
				index.grids(), index.microGrids(), buildMillis, opsPerSecond, 1e6 / opsPerSecond,
				100.0 * found / operations, warmUpHits < 0 ? "?" : "");
	}

	private static long loop(GridIndex index, DataScope scope, double[] lats, double[] lngs, int count) {
		long found = 0;
		int mask = lats.length - 1;
		for (int i = 0; i < count; i++) {
			if (index.locate(scope, lats[i & mask], lngs[i & mask]).isPresent()) {
				found++;
			}
		}
		return found;
	}

	private static String rectangle(double lng, double lat, double width, double height) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[" + lng + "," + lat + "],[" + (lng + width) + "," + lat + "],["
				+ (lng + width) + "," + (lat + height) + "],[" + lng + "," + (lat + height) + "],[" + lng + "," + lat
				+ "]]]}";
	}
}
