package org.zhizhi.incident;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a handler must bring to the check-in (线下报到) and the resolution, configured under {@code zhizhi.incident.*}.
 * Registered by {@link IncidentConfiguration}; a radius of 0 or less stops the start-up.
 *
 * @param checkInRadiusM how far (metres) from the incident a check-in may stand before it is flagged as away
 * @param checkInPhotoRequired whether a check-in needs at least one of the handler's own photos
 * @param resolvePhotoRequired whether resolving needs at least one of the handler's own photos
 */
@Validated
@ConfigurationProperties("zhizhi.incident")
record IncidentProperties(@DefaultValue("500") @Positive(message = "must be greater than 0") double checkInRadiusM,
		@DefaultValue("true") boolean checkInPhotoRequired, @DefaultValue("true") boolean resolvePhotoRequired) {
}
