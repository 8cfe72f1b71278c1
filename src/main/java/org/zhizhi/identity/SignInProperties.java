package org.zhizhi.identity;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signing in, configured under {@code zhizhi.security.*}: the lock after failed logins ({@link Authenticator}) and the
 * lifetime of an API token ({@link ApiTokens}). Registered by {@link IdentityConfiguration}.
 *
 * @param maxFailedLogins failed logins in a row after which the account is locked
 * @param lockDuration how long it stays locked
 * @param tokenTtl how long an issued API token is valid
 */
@Validated
@ConfigurationProperties("zhizhi.security")
record SignInProperties(@DefaultValue("5") @Positive(message = "must be greater than 0") int maxFailedLogins,
		@DefaultValue("15m") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration lockDuration,
		@DefaultValue("8h") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration tokenTtl) {
}
