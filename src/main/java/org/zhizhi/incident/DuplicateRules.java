package org.zhizhi.incident;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How near and how recent an open incident of the same category must be to be offered as a possible duplicate,
 * configured under {@code zhizhi.incident.duplicates.*} (defaults and reasons in application.properties and the
 * README). A category may override the radius, the window or both; a radius of 0 means never offered.
 *
 * @param radiusM the default radius in metres
 * @param window the default window, back from now
 * @param categories per category code (in brackets, so its underscores survive binding), what differs
 */
@ConfigurationProperties("zhizhi.incident.duplicates")
public record DuplicateRules(double radiusM, Duration window, Map<String, Rule> categories) {

	public DuplicateRules {
		if (window == null || window.isNegative() || radiusM < 0) {
			throw new IllegalArgumentException("zhizhi.incident.duplicates needs a radius-m >= 0 and a window");
		}
		categories = categories == null ? Map.of() : Map.copyOf(categories);
	}

	/** One category's radius (metres) and window; either may be left out to keep the default. */
	public record Rule(Double radiusM, Duration window) {
	}

	/** The rule that applies to a category, with the defaults filled in. */
	public Rule ruleFor(String categoryCode) {
		Rule rule = categories.get(categoryCode);
		if (rule == null) {
			return new Rule(radiusM, window);
		}
		return new Rule(rule.radiusM() != null ? rule.radiusM() : radiusM,
				rule.window() != null ? rule.window() : window);
	}
}
