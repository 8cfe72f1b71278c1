package org.zhizhi.deliberation;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.scheduling.ClusterSchedules;

/**
 * The platform's round of the monthly series: each gets its next meeting (逢四说事 on the 4th, the representatives on
 * their day) without anyone scheduling it. Two nodes may run it at once: a series' meeting is unique by its moment.
 */
@Component
class DeliberationMeetingSchedule {

	private static final Logger log = LoggerFactory.getLogger(DeliberationMeetingSchedule.class);

	private final DeliberationMeetingManagement meetings;

	private final ClusterSchedules schedules;

	DeliberationMeetingSchedule(DeliberationMeetingManagement meetings, ClusterSchedules schedules) {
		this.schedules = schedules;
		this.meetings = meetings;
	}

	@Scheduled(fixedDelayString = "${zhizhi.deliberation.schedule-interval:6h}",
			initialDelayString = "${zhizhi.deliberation.schedule-interval:6h}")
	void scheduleOwedMeetings() {
		// once across nodes (issue 20): a node that finds the schedule running elsewhere skips this pass
		schedules.runOnce("deliberation.meeting-schedule", Duration.ofMinutes(30), () -> {
			int scheduled = meetings.scheduleOwedMeetings();
			if (scheduled > 0) {
				log.info("{} deliberation meeting(s) scheduled by their series' rhythm", scheduled);
			}
		});
	}
}
