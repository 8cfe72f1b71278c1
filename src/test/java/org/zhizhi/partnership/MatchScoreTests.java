package org.zhizhi.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MatchScoreTests {

	private final MatchScore scoring = MatchScore.DEFAULT;

	@Test
	void fullCoverageNearbyScoresAboveHalfCoverage() {
		double full = scoring.score(new BigDecimal("100"), new BigDecimal("100"), 1.0, 10, false, 0, false);
		double half = scoring.score(new BigDecimal("50"), new BigDecimal("100"), 1.0, 10, false, 0, false);
		assertThat(full).isEqualTo(67.0);
		assertThat(half).isEqualTo(47.0);
	}

	@Test
	void aJustMatchedUnitLosesASmallPenaltyButKeepsItsPlaceAgainstAMuchWorseOne() {
		double recent = scoring.score(new BigDecimal("100"), new BigDecimal("100"), 1.0, 10, false, 0, true);
		double fresh = scoring.score(new BigDecimal("100"), new BigDecimal("100"), 3.0, 10, false, 0, false);
		double weak = scoring.score(new BigDecimal("20"), new BigDecimal("100"), 9.0, 10, false, 0, false);
		assertThat(recent).isLessThan(fresh).isGreaterThan(weak);
	}

	@Test
	void agreementAndTrackRecordAddUpToTheirWeights() {
		double base = scoring.score(null, BigDecimal.TEN, null, 10, false, 0, false);
		assertThat(base).isEqualTo(35.0); // half coverage, half nearness
		assertThat(scoring.score(null, BigDecimal.TEN, null, 10, true, 5, false)).isEqualTo(base + 30);
	}

	@Test
	void distanceIsHaversine() {
		// one hundredth of a degree of latitude is about 1.11 km
		assertThat(MatchScore.distanceKm(29.5, 106.5, 29.51, 106.5)).isCloseTo(1.112, within(0.005));
	}
}
