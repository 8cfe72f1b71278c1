package org.zhizhi.property;

import java.math.BigDecimal;

/** A yearly rating's grade: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格. */
public enum Grade {
	EXCELLENT, GOOD, PASS, FAIL;

	public static Grade of(BigDecimal score) {
		return score.compareTo(BigDecimal.valueOf(90)) >= 0 ? EXCELLENT
				: score.compareTo(BigDecimal.valueOf(80)) >= 0 ? GOOD
						: score.compareTo(BigDecimal.valueOf(60)) >= 0 ? PASS : FAIL;
	}
}
