package org.zhizhi.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a submission's {@code Idempotency-Key} is kept ({@code zhizhi.incident.idempotency-retention}) and how often
 * the expired ones are deleted ({@code zhizhi.incident.idempotency-cleanup-interval}).
 *
 * @param idempotencyRetention how long a client may resend a submission and get the first answer back; a key older
 *     than this is forgotten, and the same key then submits anew
 * @param idempotencyCleanupInterval the pause between two clean-ups
 */
@ConfigurationProperties("zhizhi.incident")
record IdempotencyRetentionProperties(@DefaultValue("P7D") Duration idempotencyRetention,
		@DefaultValue("1h") Duration idempotencyCleanupInterval) {

	IdempotencyRetentionProperties {
		if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
			throw new IllegalArgumentException("zhizhi.incident.idempotency-retention must be positive");
		}
		if (idempotencyCleanupInterval.isNegative() || idempotencyCleanupInterval.isZero()) {
			throw new IllegalArgumentException("zhizhi.incident.idempotency-cleanup-interval must be positive");
		}
	}
}
