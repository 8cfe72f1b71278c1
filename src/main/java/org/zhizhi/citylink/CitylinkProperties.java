package org.zhizhi.citylink;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the feed is delivered, under {@code zhizhi.citylink.*} (the workers' schedule is switched by
 * {@code zhizhi.citylink.dispatcher.enabled}).
 *
 * @param retry the waits after each failed attempt ({@link RetrySchedule})
 * @param pollInterval the pause between two runs of a node's worker
 * @param batchSize how many deliveries one claim takes
 * @param lease how long a claimed delivery is left to its worker before another may take it: longer than a send
 *        can take (the timeouts)
 * @param connectTimeout how long a subscriber may take to accept the connection
 * @param requestTimeout how long a subscriber may take to answer
 * @param allowLocalHttp whether a subscriber may be plain http on this machine (tests, a developer's receiver);
 *        everywhere else only https, so that the signed bodies and incident data never cross a network in clear
 * @param keepDeliveries how long a settled delivery (delivered or given up), its attempts and its event are kept in
 *        the log: long enough to answer a platform's question about last quarter, not forever
 */
@Validated
@ConfigurationProperties("zhizhi.citylink")
record CitylinkProperties(@DefaultValue({ "1m", "5m", "30m", "2h", "12h" }) @NotEmpty List<Duration> retry,
		@DefaultValue("5s") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration pollInterval,
		@DefaultValue("20") @Positive(message = "must be greater than 0") @Max(500) int batchSize,
		@DefaultValue("2m") @NotNull @DurationMin(seconds = 30, message = "must be at least 30s") Duration lease,
		@DefaultValue("5s") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration connectTimeout,
		@DefaultValue("15s") @NotNull @DurationMin(inclusive = false, message = "must be positive") Duration requestTimeout,
		@DefaultValue("false") boolean allowLocalHttp,
		@DefaultValue("90d") @NotNull @DurationMin(days = 1, message = "must be at least 1d") Duration keepDeliveries) {

	RetrySchedule schedule() {
		return new RetrySchedule(retry);
	}
}
