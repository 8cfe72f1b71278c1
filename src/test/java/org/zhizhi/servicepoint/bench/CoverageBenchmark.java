package org.zhizhi.servicepoint.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.zhizhi.servicepoint.CoverageMap;

/**
 * The 15-minute circle's benchmark (not a test): a district of 400,000 dwellings and 500 service points offering 11
 * kinds of service, computed as {@code Coverage.recompute} does it — every place's walk to the nearest point of each
 * kind and of any kind, and every community's and grid's figure. Run twice: dwellings in 10,000 buildings of 40 (as a
 * city's are: a building's dwellings share its position), and — the worst case — 400,000 dwellings each at its own
 * position. A fixed seed: the same district every run.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *     org.zhizhi.servicepoint.bench.CoverageBenchmark [dwellings, default 400000] [points, default 500]
 * </pre>
 */
public final class CoverageBenchmark {

	private static final List<String> KINDS = List.of("REST", "CHARGING", "READING", "ELDER_CARE", "MEALS", "HEALTH",
			"ERRANDS", "LEGAL", "SOCIAL_SECURITY", "CHILDREN", "ACTIVITIES");

	private CoverageBenchmark() {
	}

	public static void main(String[] args) {
		int dwellings = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
		int pointCount = args.length > 1 ? Integer.parseInt(args[1]) : 500;
		Random random = new Random(14);
		// 巴南区 is about 40 km by 40 km around (29.4, 106.6); 100 communities of 20 grids
		UUID[] communities = new UUID[100];
		UUID[] grids = new UUID[2000];
		for (int i = 0; i < communities.length; i++) {
			communities[i] = new UUID(1, i);
		}
		for (int i = 0; i < grids.length; i++) {
			grids[i] = new UUID(2, i);
		}
		List<CoverageMap.Site> sites = new ArrayList<>();
		for (int i = 0; i < pointCount; i++) {
			Set<String> services = new HashSet<>();
			services.add(KINDS.get(i % KINDS.size()));
			for (int k = 0; k < 3; k++) {
				services.add(KINDS.get(random.nextInt(KINDS.size())));
			}
			sites.add(new CoverageMap.Site(new UUID(3, i), 29.2 + random.nextDouble() * 0.4,
					106.4 + random.nextDouble() * 0.4, services));
		}
		CoverageMap.Method method = new CoverageMap.Method(1.3, 80, 15);
		for (int perBuilding : new int[] { 40, 1 }) {
			List<CoverageMap.Place> places = places(dwellings, perBuilding, communities, grids, new Random(15));
			// warm up once (the JIT), then time three runs and keep the best
			CoverageMap.compute(places, sites, KINDS, method);
			long best = Long.MAX_VALUE;
			CoverageMap.Result result = null;
			for (int run = 0; run < 3; run++) {
				long started = System.nanoTime();
				result = CoverageMap.compute(places, sites, KINDS, method);
				best = Math.min(best, System.nanoTime() - started);
			}
			long within = result.areas().stream()
				.filter(a -> a.community() && a.kind().equals(CoverageMap.ANY))
				.mapToLong(CoverageMap.AreaFigure::within)
				.sum();
			System.out.printf("%,d dwellings in %,d places, %,d points, %d kinds: %,d walks and %,d area figures in %,d ms"
					+ " (%.1f %% of dwellings within 15 minutes of a point)%n", dwellings, places.size(), pointCount,
					KINDS.size(), result.reaches().size(), result.areas().size(), best / 1_000_000,
					100.0 * within / dwellings);
		}
	}

	private static List<CoverageMap.Place> places(int dwellings, int perBuilding, UUID[] communities, UUID[] grids,
			Random random) {
		List<CoverageMap.Place> places = new ArrayList<>();
		for (int made = 0, i = 0; made < dwellings; i++) {
			int here = Math.min(perBuilding, dwellings - made);
			int grid = random.nextInt(grids.length);
			places.add(new CoverageMap.Place(new UUID(4, i), 29.2 + random.nextDouble() * 0.4,
					106.4 + random.nextDouble() * 0.4, here, communities[grid / 20], grids[grid]));
			made += here;
		}
		return places;
	}
}
