package org.zhizhi.servicepoint;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * zhizhi.servicepoint.coverage.*: how walking time is reckoned — the detour factor streets add to the straight line
 * (1.3: a common planning figure for a city's street grid), the walking speed (80 m a minute: an elder's pace, slower
 * than the 5 km/h of planning manuals), and the circle (15 minutes).
 */
@ConfigurationProperties("zhizhi.servicepoint.coverage")
@Validated
public record CoverageProperties(@DefaultValue("1.3") @DecimalMin("1.0") @DecimalMax("3.0") double detourFactor,
		@DefaultValue("80") @DecimalMin("20") @DecimalMax("200") double metresPerMinute,
		@DefaultValue("15") @DecimalMin("1") @DecimalMax("120") double circleMinutes) {

	public CoverageMap.Method method() {
		return new CoverageMap.Method(detourFactor, metresPerMinute, circleMinutes);
	}
}
