package org.zhizhi.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.zhizhi.notification.persistence.JdbcNotifications;

/**
 * The outbox's backlog for the scrape ({@code zhizhi_outbox_backlog}): copies not yet delivered. A backlog that
 * grows between scrapes means a channel is down or the dispatcher is not keeping up — the alert an operator sets.
 * Counted when scraped (an index-only count of the undelivered rows), not on every change.
 */
@Component
class OutboxMetrics {

	OutboxMetrics(MeterRegistry meters, JdbcNotifications store) {
		Gauge.builder("zhizhi.outbox.backlog", store, JdbcNotifications::undelivered)
			.description("notification copies not yet delivered")
			.register(meters);
	}
}
