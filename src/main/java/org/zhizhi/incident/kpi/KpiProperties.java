package org.zhizhi.incident.kpi;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the KPIs count, configured under {@code zhizhi.incident.kpi.*}; registered by {@link IncidentKpis}.
 *
 * @param basicCountsAsSatisfied whether a "basically satisfied" rating counts towards the satisfaction rate
 * @param minDueForRanking how many incidents a unit must have had due in the period before it is ranked
 */
@Validated
@ConfigurationProperties("zhizhi.incident.kpi")
record KpiProperties(@DefaultValue("true") boolean basicCountsAsSatisfied,
		@DefaultValue("5") @PositiveOrZero(message = "must be 0 or more") int minDueForRanking) {
}
