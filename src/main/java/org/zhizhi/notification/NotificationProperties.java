package org.zhizhi.notification;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where messages go and how the outbox dispatcher delivers them, configured under {@code zhizhi.notification.*}
 * (the outbox's retention is {@link OutboxRetentionProperties}, the schedule's switch
 * {@code zhizhi.notification.dispatcher.enabled}). Registered by {@link DispatchConfiguration}.
 *
 * @param channels the channels every message goes to besides the inbox: names of {@link NotificationChannel} beans
 * @param pollInterval the pause between two dispatcher runs
 * @param batchSize how many outbox rows one run claims
 * @param lease how long a claimed row is left to its dispatcher before another may take it
 * @param backoff how long a failed delivery waits before the next attempt
 */
@Validated
@ConfigurationProperties("zhizhi.notification")
record NotificationProperties(@DefaultValue("log") List<String> channels,
		@DefaultValue("5s") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration pollInterval,
		@DefaultValue("20") @Positive(message = "must be greater than 0") int batchSize,
		@DefaultValue("2m") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration lease,
		@DefaultValue @Valid BackoffProperties backoff) {

	NotificationProperties {
		// set but empty (ZHIZHI_NOTIFICATION_CHANNELS=): the inbox only
		channels = channels == null ? List.of() : channels;
	}

	/**
	 * {@code zhizhi.notification.backoff.*}: see {@link Backoff} (which also checks base ≤ cap).
	 *
	 * @param base the wait after the first failure
	 * @param cap the longest wait
	 */
	record BackoffProperties(
			@DefaultValue("30s") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration base,
			@DefaultValue("1h") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration cap) {

		Backoff toBackoff() {
			return new Backoff(base, cap);
		}
	}
}
