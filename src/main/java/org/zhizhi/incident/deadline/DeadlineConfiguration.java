package org.zhizhi.incident.deadline;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar and the policy as beans, from {@code zhizhi.incident.calendar.*} and {@code zhizhi.incident.deadlines.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CalendarProperties.class, DeadlineProperties.class })
class DeadlineConfiguration {

	/** Refuses to start without this year's and next year's holidays (see {@link HolidayYears}). */
	@Bean
	WorkingCalendar workingCalendar(CalendarProperties properties, Clock clock, ZoneId zone) {
		WorkingCalendar calendar = properties.toCalendar(zone);
		HolidayYears.requireThisAndNextYear(calendar, clock);
		return calendar;
	}

	@Bean
	DeadlinePolicy deadlinePolicy(DeadlineProperties properties, WorkingCalendar calendar) {
		return new DeadlinePolicy(properties, calendar);
	}
}
