package org.zhizhi.volunteer;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * zhizhi.volunteer.*: how near the venue a check-in must be (metres; a phone's position in a courtyard is good to a
 * few dozen), how long before the start check-in opens, and how long after the end check-out stays open.
 */
@ConfigurationProperties("zhizhi.volunteer")
@Validated
public record VolunteerProperties(@DefaultValue("300") @Min(20) @Max(5000) int checkInRadiusM,
		@DefaultValue("30m") Duration checkInOpensBefore, @DefaultValue("2h") Duration checkOutClosesAfter) {
}
