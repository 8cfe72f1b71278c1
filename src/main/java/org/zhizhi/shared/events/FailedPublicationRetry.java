package org.zhizhi.shared.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.scheduling.ClusterSchedules;

/**
 * Hands every failed event publication to its listener again, without waiting for a restart: a reaction that failed
 * because another module's database row was locked, say, is done a few minutes later. The registry marks each
 * publication it resubmits, so two nodes running this at once do not both deliver it; and every listener is idempotent
 * besides.
 */
@Component
class FailedPublicationRetry {

	private final FailedEventPublications failed;

	private final EventsConfiguration.RetryProperties properties;

	private final Clock clock;

	private final ClusterSchedules schedules;

	FailedPublicationRetry(FailedEventPublications failed, EventsConfiguration.RetryProperties properties,
			Clock clock, ClusterSchedules schedules) {
		this.schedules = schedules;
		this.failed = failed;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${zhizhi.events.retry-interval:5m}",
			initialDelayString = "${zhizhi.events.retry-interval:5m}")
	void retry() {
		// once across nodes (issue 20): a node that finds the schedule running elsewhere skips this pass
		schedules.runOnce("events.failed-publication-retry", Duration.ofMinutes(5), () -> {
			Instant publishedBefore = clock.instant().minus(properties.retryMinAge());
			// The minimum age is checked here as well as handed to the registry: the JDBC registry (Spring Modulith 2.1)
			// writes "status = 'FAILED' or (…) and publication_date < ?", so every failed publication passes whatever its
			// age. The filter runs before a publication is marked resubmitted, so a young one is left as it is.
			failed.resubmit(ResubmissionOptions.defaults()
				.withMinAge(properties.retryMinAge())
				.withFilter(publication -> publication.getPublicationDate().isBefore(publishedBefore)));
		});
	}
}
