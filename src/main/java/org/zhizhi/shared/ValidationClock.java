package org.zhizhi.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation reads "today" ({@link PlausibleDate}, {@code @Past}, {@code @Future}) from the platform's clock in
 * the platform's zone, not from the machine's: a date that is plausible in Chongqing is so whatever zone the server
 * runs in, and the tests' clock decides it in the tests.
 */
@Configuration(proxyBeanMethods = false)
class ValidationClock {

	@Bean
	static ValidationConfigurationCustomizer platformClockForValidation(ObjectProvider<Clock> clock,
			ObjectProvider<ZoneId> zone) {
		// looked up on each validation: the validator is made before the clock bean, and a test's clock may be primary
		return configuration -> configuration
			.clockProvider(() -> clock.getObject().withZone(zone.getIfAvailable(() -> PlatformZone.DEFAULT)));
	}
}
