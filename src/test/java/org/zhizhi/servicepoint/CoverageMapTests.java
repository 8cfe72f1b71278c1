package org.zhizhi.servicepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.servicepoint.CoverageMap.AreaFigure;
import org.zhizhi.servicepoint.CoverageMap.Method;
import org.zhizhi.servicepoint.CoverageMap.Place;
import org.zhizhi.servicepoint.CoverageMap.Reach;
import org.zhizhi.servicepoint.CoverageMap.Result;
import org.zhizhi.servicepoint.CoverageMap.Site;

/**
 * The 15-minute circle on a hand-made map, worked out by hand. Both buildings stand on latitude 29.4°, so a degree of
 * latitude is 111,195.08 m and one of longitude 111,195.08 × cos 29.4° = 96,874.69 m:
 * <ul>
 * <li>building P1 (100 dwellings, grid G1) at (29.4, 106.5); building P2 (60 dwellings, grid G2) at (29.4, 106.53);
 * both in community C;</li>
 * <li>S1, a reading room, 0.009° north of P1: 1,000.76 m from P1; from P2 √(2,906.24² + 1,000.76²) = 3,073.72 m;</li>
 * <li>S2, an elders' canteen, 0.005° east of P2: 484.37 m from P2, 3,390.61 m from P1.</li>
 * </ul>
 * Walking at 100 m a minute with no detour: P1 is 10.01 minutes from a point (S1), P2 4.84 (S2).
 */
class CoverageMapTests {

	private static final UUID C = UUID.randomUUID();

	private static final UUID G1 = UUID.randomUUID();

	private static final UUID G2 = UUID.randomUUID();

	private static final Place P1 = new Place(UUID.randomUUID(), 29.4, 106.5, 100, C, G1);

	private static final Place P2 = new Place(UUID.randomUUID(), 29.4, 106.53, 60, C, G2);

	private static final Site S1 = new Site(UUID.randomUUID(), 29.409, 106.5, Set.of("READING"));

	private static final Site S2 = new Site(UUID.randomUUID(), 29.4, 106.535, Set.of("MEALS"));

	private static final List<String> KINDS = List.of("READING", "MEALS", "HEALTH");

	@Test
	void everyBuildingGetsTheWalkToTheNearestPointOfEachKind() {
		Result result = CoverageMap.compute(List.of(P1, P2), List.of(S1, S2), KINDS, new Method(1.0, 100, 15));
		assertReach(result, P1, CoverageMap.ANY, 10.0076, S1);
		assertReach(result, P1, "READING", 10.0076, S1);
		assertReach(result, P1, "MEALS", 33.9061, S2);
		assertReach(result, P2, CoverageMap.ANY, 4.8437, S2);
		assertReach(result, P2, "READING", 30.7372, S1);
		assertReach(result, P2, "MEALS", 4.8437, S2);
		// nobody offers health checks: no walk, and nobody inside its circle
		assertThat(reach(result, P1, "HEALTH").minutes()).isNull();
		assertThat(result.reaches()).hasSize(2 * 4);
	}

	@Test
	void anAreasFigureCountsTheDwellingsWithinTheCircle() {
		Result result = CoverageMap.compute(List.of(P1, P2), List.of(S1, S2), KINDS, new Method(1.0, 100, 15));
		assertThat(area(result, C, CoverageMap.ANY)).isEqualTo(new AreaFigure(C, true, CoverageMap.ANY, 160, 160));
		assertThat(area(result, C, "READING")).isEqualTo(new AreaFigure(C, true, "READING", 160, 100));
		assertThat(area(result, C, "MEALS")).isEqualTo(new AreaFigure(C, true, "MEALS", 160, 60));
		assertThat(area(result, C, "HEALTH")).isEqualTo(new AreaFigure(C, true, "HEALTH", 160, 0));
		assertThat(area(result, G1, "READING")).isEqualTo(new AreaFigure(G1, false, "READING", 100, 100));
		assertThat(area(result, G2, "READING")).isEqualTo(new AreaFigure(G2, false, "READING", 60, 0));
	}

	@Test
	void theDetourFactorLengthensEveryWalk() {
		// 1,000.76 m × 1.5 ÷ 100 m/min = 15.01 minutes: P1 falls just outside the circle
		Result result = CoverageMap.compute(List.of(P1, P2), List.of(S1, S2), KINDS, new Method(1.5, 100, 15));
		assertReach(result, P1, CoverageMap.ANY, 15.0113, S1);
		assertThat(area(result, C, CoverageMap.ANY).within()).isEqualTo(60);
	}

	@Test
	void withoutPointsNobodyIsCovered() {
		Result result = CoverageMap.compute(List.of(P1), List.of(), List.of(), new Method(1.3, 80, 15));
		assertThat(result.reaches()).containsExactly(new Reach(P1.id(), CoverageMap.ANY, null, null));
		assertThat(area(result, C, CoverageMap.ANY).within()).isZero();
	}

	private static void assertReach(Result result, Place place, String kind, double minutes, Site site) {
		Reach reach = reach(result, place, kind);
		assertThat(reach.minutes()).as(kind).isCloseTo(minutes, within(0.001));
		assertThat(reach.siteId()).as(kind).isEqualTo(site.id());
	}

	private static Reach reach(Result result, Place place, String kind) {
		return result.reaches().stream().filter(r -> r.placeId().equals(place.id()) && r.kind().equals(kind))
			.findFirst().orElseThrow();
	}

	private static AreaFigure area(Result result, UUID id, String kind) {
		return result.areas().stream().filter(a -> a.areaId().equals(id) && a.kind().equals(kind))
			.findFirst().orElseThrow();
	}
}
