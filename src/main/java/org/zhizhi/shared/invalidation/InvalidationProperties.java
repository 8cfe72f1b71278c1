package org.zhizhi.shared.invalidation;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a node listens for the others' announcements, configured under {@code zhizhi.invalidation.*}.
 *
 * @param heartbeat how long the listening connection may stay silent before the node asks it whether it still
 * answers; with {@code checkTimeout}, the longest a node can be deaf without knowing it
 * @param checkTimeout how long that question may take before the connection counts as broken
 * @param reconnect how long to wait before listening again after the connection broke
 */
@Validated
@ConfigurationProperties("zhizhi.invalidation")
record InvalidationProperties(
		@DefaultValue("1s") @NotNull @DurationMin(millis = 10) @DurationMax(seconds = 60) Duration heartbeat,
		@DefaultValue("2s") @NotNull @DurationMin(seconds = 1) @DurationMax(seconds = 60) Duration checkTimeout,
		@DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration reconnect) {
}
