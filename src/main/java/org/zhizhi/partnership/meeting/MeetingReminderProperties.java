package org.zhizhi.partnership.meeting;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a joint meeting is reminded of, configured under {@code zhizhi.partnership.meeting.*}; registered by
 * {@link MeetingReminders}, which refuses to start unless these are whole days ≥ 1. (How often it looks,
 * {@code zhizhi.partnership.meeting.reminder-interval}, is read by its {@code @Scheduled}.)
 *
 * @param reminderDays how many days before the meeting a reminder goes out, e.g. 7 and 1
 */
@ConfigurationProperties("zhizhi.partnership.meeting")
record MeetingReminderProperties(@DefaultValue({ "7", "1" }) List<Integer> reminderDays) {

	MeetingReminderProperties {
		reminderDays = reminderDays == null ? List.of() : reminderDays;
	}
}
