package org.zhizhi.incident.deadline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar and the policy as beans, from {@code zhizhi.incident.calendar.*} and {@code zhizhi.incident.deadlines.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CalendarProperties.class, DeadlineProperties.class })
class DeadlineConfiguration {

	@Bean
	WorkingCalendar workingCalendar(CalendarProperties properties) {
		return properties.toCalendar();
	}

	@Bean
	DeadlinePolicy deadlinePolicy(DeadlineProperties properties, WorkingCalendar calendar) {
		return new DeadlinePolicy(properties, calendar);
	}
}
