package org.zhizhi.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhizhi.property.EvaluationTemplate.Criterion;
import org.zhizhi.property.EvaluationTemplate.TemplateClass;
import org.zhizhi.property.Scorecard.Mark;

/** The evaluation engine's arithmetic against results computed by hand, and the grades and the title's rule. */
class ScorecardTests {

	/** Two classes: A (3 + 2 + 1 points, two on site), B (4 + 2 points, one on site). */
	static final EvaluationTemplate SMALL = new EvaluationTemplate("T", "test", "ours", List.of(
			new TemplateClass("A", "甲", List.of(c("A1", "A", 3, CriterionSource.INSPECTION),
					c("A2", "A", 2, CriterionSource.DOCUMENT), c("A3", "A", 1, CriterionSource.INSPECTION))),
			new TemplateClass("B", "乙", List.of(c("B1", "B", 4, CriterionSource.INSPECTION),
					c("B2", "B", 2, CriterionSource.LOOP)))));

	static Criterion c(String code, String cls, int points, CriterionSource source) {
		return new Criterion(code, cls, "S", code, points, "e", source);
	}

	@Test
	void passedCriteriaEarnTheirPointsFailedNoneUnmarkedAreNotCounted() {
		Map<String, Mark> marks = new LinkedHashMap<>();
		marks.put("A1", Mark.PASS);
		marks.put("A3", Mark.FAIL);
		marks.put("B1", Mark.PASS);
		Scorecard.Score score = Scorecard.score(SMALL, marks);
		// A: 3 of 3 + 1 checked = 3/4; B: 4/4; total 7/8 = 87.5 %
		assertThat(score.byClass().get("A")).isEqualTo(new Scorecard.Points(3, 4));
		assertThat(score.byClass().get("B")).isEqualTo(new Scorecard.Points(4, 4));
		assertThat(score.total()).isEqualTo(new Scorecard.Points(7, 8));
		assertThat(score.total().percent()).isEqualByComparingTo("87.5");
	}

	@Test
	void everythingMarkedGivesTheTemplatesPoints() {
		Map<String, Mark> marks = new LinkedHashMap<>();
		SMALL.criteria().forEach(c -> marks.put(c.code(), Mark.PASS));
		marks.put("B2", Mark.FAIL);
		// 12 points in all, B2's 2 lost: 10/12 = 83.3 %
		assertThat(Scorecard.score(SMALL, marks).total()).isEqualTo(new Scorecard.Points(10, 12));
		assertThat(Scorecard.score(SMALL, marks).total().percent()).isEqualByComparingTo("83.3");
		assertThat(Scorecard.score(SMALL, Map.of()).total().percent()).isEqualByComparingTo("0.0");
	}

	@Test
	void aMarkOfNoCriterionOfTheTemplateIsRefused() {
		assertThatThrownBy(() -> Scorecard.score(SMALL, Map.of("Z9", Mark.PASS)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theChecklistIsTheCriteriaCheckedOnSiteInOrder() {
		assertThat(SMALL.checklist()).extracting(Criterion::code).containsExactly("A1", "A3", "B1");
		assertThat(SMALL.points()).isEqualTo(12);
	}

	@Test
	void gradesAndTheTitle() {
		assertThat(Grade.of(new BigDecimal("90.0"))).isEqualTo(Grade.EXCELLENT);
		assertThat(Grade.of(new BigDecimal("89.9"))).isEqualTo(Grade.GOOD);
		assertThat(Grade.of(new BigDecimal("80"))).isEqualTo(Grade.GOOD);
		assertThat(Grade.of(new BigDecimal("60"))).isEqualTo(Grade.PASS);
		assertThat(Grade.of(new BigDecimal("59.9"))).isEqualTo(Grade.FAIL);
		assertThat(Assessments.mayBeTitled(Grade.EXCELLENT, PartyOrg.INSTRUCTOR)).isTrue();
		assertThat(Assessments.mayBeTitled(Grade.EXCELLENT, PartyOrg.NONE)).isFalse();
		assertThat(Assessments.mayBeTitled(Grade.GOOD, PartyOrg.OWN_BRANCH)).isFalse();
	}
}
