package org.zhizhi.partnership.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MeetingReminderPropertiesTests {

	@EnableConfigurationProperties(MeetingReminderProperties.class)
	static class Config {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void defaultsAndNames() {
		runner.run(context -> assertThat(context.getBean(MeetingReminderProperties.class).reminderDays())
			.containsExactly(7, 1));
		runner.withPropertyValues("zhizhi.partnership.meeting.reminder-days=3, 14")
			.run(context -> assertThat(context.getBean(MeetingReminderProperties.class).reminderDays())
				.isEqualTo(List.of(3, 14)));
	}
}
