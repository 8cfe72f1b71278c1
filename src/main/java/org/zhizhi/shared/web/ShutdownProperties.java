package org.zhizhi.shared.web;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a node stops ({@code zhizhi.shutdown.*}; docs/operations.md, "Stopping a node"). Registered by
 * {@link ReadinessFirst}.
 *
 * @param delay how long a stopping node goes on serving with its readiness DOWN before its port stops taking
 * connections: a balancer that probes {@code /readyz} every few seconds has taken it out by then. 0 stops at once. At
 * most a minute, so that the stop stays within the service manager's patience (docs/operations.md)
 */
@Validated
@ConfigurationProperties("zhizhi.shutdown")
record ShutdownProperties(
		@DefaultValue("5s") @NotNull @DurationMin(seconds = 0, message = "must not be negative") @DurationMax(minutes = 1,
				message = "must be at most a minute") Duration delay) {
}
