package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhizhi.property.PropertyViews.QuarterScore;

/** 年评定 from the quarters, without Spring: only the inspected quarters count, none inspected gives no rating. */
class AssessmentsTests {

	private static final UUID COMPANY = UUID.randomUUID();

	private static QuarterScore scored(int quarter, String score) {
		BigDecimal s = new BigDecimal(score);
		return new QuarterScore(COMPANY, 2026, quarter, 1, s, s, s, s, 0, BigDecimal.ZERO, s, null);
	}

	private static QuarterScore notInspected(int quarter) {
		return new QuarterScore(COMPANY, 2026, quarter, 0, null, null, null, null, 0, null, null, null);
	}

	@Test
	void theYearIsTheMeanOfItsInspectedQuartersOnly() {
		assertThat(Assessments.yearScore(List.of(scored(1, "90.0"), notInspected(2), scored(3, "81.5"),
				notInspected(4))))
			.as("(90.0 + 81.5) / 2, the two quarters nobody inspected leave the mean alone")
			.hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("85.8"));
		assertThat(Assessments.yearScore(List.of(scored(1, "80.0"), scored(2, "85.0"), scored(3, "90.0"),
				scored(4, "95.0")))).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("87.5"));
	}

	@Test
	void aYearWithoutAnInspectionHasNoScore() {
		assertThat(Assessments.yearScore(List.of(notInspected(1), notInspected(2), notInspected(3),
				notInspected(4)))).isEmpty();
	}
}
