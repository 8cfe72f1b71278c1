package org.zhizhi.partnership;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How needs and offers are matched, configured under {@code zhizhi.partnership.match.*}; registered by
 * {@link PartnershipQueries}.
 *
 * @param distanceKm how far (km) a partner unit may be from the community to be offered as a match
 * @param recent how long a match counts as recent
 */
@Validated
@ConfigurationProperties("zhizhi.partnership.match")
record MatchProperties(@DefaultValue("10") @Positive(message = "must be greater than 0") double distanceKm,
		@DefaultValue("7d") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration recent) {
}
