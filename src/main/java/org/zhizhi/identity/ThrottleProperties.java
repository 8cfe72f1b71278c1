package org.zhizhi.identity;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@link SignInThrottle} slows guessing down, configured under {@code zhizhi.security.throttle.*}; the free attempts
 * and the longest wait are {@link SignInProperties}' {@code max-failed-logins} and {@code lock-duration}. Registered by
 * {@link IdentityConfiguration}.
 *
 * @param step the first wait between attempts once the free ones are spent (then 4 × step, then lock-duration)
 * @param perNameHourly attempts per hour for one name from all clients together (guesses spread over many addresses)
 * @param perClientMinutely attempts per minute from one client for all names together (one address trying many names)
 */
@Validated
@ConfigurationProperties("zhizhi.security.throttle")
record ThrottleProperties(
		@DefaultValue("30s") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration step,
		@DefaultValue("100") @Positive(message = "must be greater than 0") int perNameHourly,
		@DefaultValue("60") @Positive(message = "must be greater than 0") int perClientMinutely) {
}
