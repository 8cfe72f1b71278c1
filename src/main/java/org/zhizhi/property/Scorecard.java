package org.zhizhi.property;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import org.zhizhi.property.EvaluationTemplate.Criterion;
import org.zhizhi.property.EvaluationTemplate.TemplateClass;

/**
 * The evaluation engine's arithmetic, free of anything else: marks against a template give points per class and in
 * all. A criterion passed earns its points, one failed earns none, one not marked is not counted either way (a monthly
 * inspection marks only what it checks on site), so the percentage is of the points that were checked.
 */
public final class Scorecard {

	/** A criterion's mark. */
	public enum Mark {
		PASS, FAIL
	}

	/** Points earned of the points checked, in a class or in all. */
	public record Points(int awarded, int possible) {

		/** The share of the checked points earned, 0–100 with one decimal; 0 when nothing was checked. */
		public BigDecimal percent() {
			return possible == 0 ? BigDecimal.ZERO.setScale(1)
					: BigDecimal.valueOf(awarded * 100L).divide(BigDecimal.valueOf(possible), 1, RoundingMode.HALF_UP);
		}
	}

	/** The result: per class (in the template's order) and the total. */
	public record Score(Map<String, Points> byClass, Points total) {
	}

	private Scorecard() {
	}

	public static Score score(EvaluationTemplate template, Map<String, Mark> marks) {
		for (String code : marks.keySet()) {
			if (template.criterion(code).isEmpty()) {
				throw new IllegalArgumentException("no criterion " + code + " in " + template.code());
			}
		}
		Map<String, Points> byClass = new LinkedHashMap<>();
		int awarded = 0;
		int possible = 0;
		for (TemplateClass c : template.classes()) {
			int a = 0;
			int p = 0;
			for (Criterion criterion : c.criteria()) {
				Mark mark = marks.get(criterion.code());
				if (mark != null) {
					p += criterion.points();
					a += mark == Mark.PASS ? criterion.points() : 0;
				}
			}
			byClass.put(c.code(), new Points(a, p));
			awarded += a;
			possible += p;
		}
		return new Score(byClass, new Points(awarded, possible));
	}
}
