package org.zhizhi.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM a node says it is going before it goes: readiness turns DOWN ({@code /readyz} answers 503) while the port
 * still serves, for {@code zhizhi.shutdown.delay}, so that a balancer probing readiness stops sending before a
 * request could find the port closed. Then Boot's graceful shutdown ({@code server.shutdown=graceful}) stops taking
 * connections and lets the requests in flight finish, within {@code spring.lifecycle.timeout-per-shutdown-phase}; the
 * report intake writes what it queued, the outbox dispatcher gives its lease back and the embedded PostgreSQL stops
 * last, as the beans that use it are gone. The context's closing event comes before any of that stops.
 */
@Component
@EnableConfigurationProperties(ShutdownProperties.class)
class ReadinessFirst implements ApplicationListener<ContextClosedEvent> {

	private static final Logger log = LoggerFactory.getLogger(ReadinessFirst.class);

	private final ApplicationContext context;

	private final ApplicationAvailability availability;

	private final ShutdownProperties settings;

	ReadinessFirst(ApplicationContext context, ApplicationAvailability availability, ShutdownProperties settings) {
		this.context = context;
		this.availability = availability;
		this.settings = settings;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		// the management port's child context announces its own closing to this listener as well
		if (event.getApplicationContext() != context) {
			return;
		}
		// the servlet context has said so already as it began to close; said here too for a context that does not
		if (availability.getReadinessState() != ReadinessState.REFUSING_TRAFFIC) {
			AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		}
		if (settings.delay().isZero()) {
			return;
		}
		log.info("Stopping: readiness is DOWN; serving {} more before the port closes", settings.delay());
		try {
			Thread.sleep(settings.delay());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
