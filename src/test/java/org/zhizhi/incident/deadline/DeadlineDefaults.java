package org.zhizhi.incident.deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.zhizhi.shared.PlatformZone;

/**
 * The calendar and the policy exactly as application.properties configures them, bound the way Spring Boot binds
 * them at start-up, but without starting Spring: the tests check the shipped defaults, not a copy of them.
 */
final class DeadlineDefaults {

	private static final Binder BINDER = binder();

	private DeadlineDefaults() {
	}

	static CalendarProperties calendarProperties() {
		return BINDER.bind("zhizhi.incident.calendar", CalendarProperties.class).get();
	}

	static DeadlineProperties deadlineProperties() {
		return BINDER.bind("zhizhi.incident.deadlines", DeadlineProperties.class).get();
	}

	static WorkingCalendar calendar() {
		return calendarProperties().toCalendar(PlatformZone.DEFAULT);
	}

	static DeadlinePolicy policy() {
		return new DeadlinePolicy(deadlineProperties(), calendar());
	}

	private static Binder binder() {
		try {
			Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
			return new Binder(new MapConfigurationPropertySource(properties));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
