package org.zhizhi.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a delivered outbox row is kept ({@code zhizhi.notification.outbox-retention}) and how often the expired ones
 * are deleted ({@code zhizhi.notification.outbox-cleanup-interval}).
 *
 * @param outboxRetention how long a delivered row stays to show what was sent where and when; the message itself
 *     stays in its recipient's inbox
 * @param outboxCleanupInterval the pause between two clean-ups
 */
@ConfigurationProperties("zhizhi.notification")
record OutboxRetentionProperties(@DefaultValue("P30D") Duration outboxRetention,
		@DefaultValue("1h") Duration outboxCleanupInterval) {

	OutboxRetentionProperties {
		if (outboxRetention.isNegative() || outboxRetention.isZero()) {
			throw new IllegalArgumentException("zhizhi.notification.outbox-retention must be positive");
		}
		if (outboxCleanupInterval.isNegative() || outboxCleanupInterval.isZero()) {
			throw new IllegalArgumentException("zhizhi.notification.outbox-cleanup-interval must be positive");
		}
	}
}
