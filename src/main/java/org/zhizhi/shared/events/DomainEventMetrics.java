package org.zhizhi.shared.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The platform's steps as the scrape sees them: every past-tense event a module's aggregate registered and committed
 * ({@code zhizhi_domain_events_total{module="incident",event="IncidentClaimed"}} — how many orders were taken, whistles
 * blown, wishes fulfilled per minute), and the event publications still owed to another module's listener
 * ({@code zhizhi_events_incomplete}: growing means a listener keeps failing). Counted after the commit, so a step
 * that rolled back is not a step. A plain listener that registers its own after-commit callback: a
 * {@code @TransactionalEventListener} would have the event publication registry write a row for every event.
 */
@Component
class DomainEventMetrics {

	private static final String PLATFORM = "org.zhizhi.";

	private final MeterRegistry meters;

	DomainEventMetrics(MeterRegistry meters, JdbcClient jdbc) {
		this.meters = meters;
		Gauge.builder("zhizhi.events.incomplete", jdbc,
				db -> db.sql("select count(*) from events.event_publication where completion_date is null")
					.query(Long.class)
					.single())
			.description("event publications not yet completed by their listener")
			.register(meters);
	}

	@EventListener
	void on(PayloadApplicationEvent<?> published) {
		Class<?> type = published.getPayload().getClass();
		String name = type.getName();
		if (!type.isRecord() || !name.startsWith(PLATFORM)) {
			return;
		}
		String module = name.substring(PLATFORM.length(), name.indexOf('.', PLATFORM.length()));
		Counter counter = Counter.builder("zhizhi.domain.events")
			.description("domain events committed, by module and event")
			.tag("module", module)
			.tag("event", type.getSimpleName())
			.register(meters);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment();
			}
		});
	}
}
