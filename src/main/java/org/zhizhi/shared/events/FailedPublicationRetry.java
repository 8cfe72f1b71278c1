package org.zhizhi.shared.events;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

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

	FailedPublicationRetry(FailedEventPublications failed, EventsConfiguration.RetryProperties properties) {
		this.failed = failed;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${zhizhi.events.retry-interval:5m}",
			initialDelayString = "${zhizhi.events.retry-interval:5m}")
	void retry() {
		failed.resubmit(ResubmissionOptions.defaults().withMinAge(properties.retryMinAge()));
	}
}
