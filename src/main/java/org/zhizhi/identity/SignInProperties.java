package org.zhizhi.identity;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signing in, configured under {@code zhizhi.security.*}: how guessing is slowed down ({@link SignInThrottle}, with
 * {@link ThrottleProperties}) and the lifetime of an API token ({@link ApiTokens}). Registered by
 * {@link IdentityConfiguration}. The names stay those of the former lock, so installed configurations still bind.
 *
 * @param maxFailedLogins attempts for one name from one client before the waits begin (no account is locked)
 * @param lockDuration the longest wait between two attempts, reached after four times as many
 * @param tokenTtl how long an issued API token is valid
 * @param sessionMaxLifetime how long a page session lasts at most from its sign-in, however busy (等保: a session
 *        left signed in on a shared desk does not last for days); the idle timeout is
 *        {@code server.servlet.session.timeout}
 */
@Validated
@ConfigurationProperties("zhizhi.security")
public record SignInProperties(@DefaultValue("5") @Positive(message = "must be greater than 0") int maxFailedLogins,
		@DefaultValue("15m") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration lockDuration,
		@DefaultValue("8h") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration tokenTtl,
		@DefaultValue("12h") @NotNull @DurationMin(inclusive = false,
				message = "must be positive") Duration sessionMaxLifetime) {
}
