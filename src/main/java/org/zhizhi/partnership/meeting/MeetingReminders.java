package org.zhizhi.partnership.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.partnership.meeting.MeetingViews.JointMeeting;
import org.zhizhi.partnership.meeting.persistence.JdbcMeetings;
import org.zhizhi.partnership.meeting.persistence.JdbcMeetings.Upcoming;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.scheduling.ClusterSchedules;

/**
 * Reminds the community's staff and the invited people of a planned joint meeting when it is
 * {@code zhizhi.partnership.meeting.reminder-days} days away (default 7 and 1), checked every
 * {@code zhizhi.partnership.meeting.reminder-interval} (default 1 h). Each threshold is recorded in the same
 * transaction as its message, under a primary key, so a reminder goes out once however often or on however many nodes
 * the job runs; a pass that finds several thresholds crossed at once (a meeting planned at short notice, a job that was
 * down) sends one message, not one per threshold.
 */
@Component
@EnableConfigurationProperties(MeetingReminderProperties.class)
class MeetingReminders {

	private static final Logger log = LoggerFactory.getLogger(MeetingReminders.class);

	static final int BATCH = 500;

	private final JdbcMeetings meetings;

	private final MeetingNotices notices;

	private final Notifications notifications;

	private final TransactionTemplate transaction;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	private final TreeSet<Integer> days;

	private final ClusterSchedules schedules;

	MeetingReminders(JdbcMeetings meetings, MeetingNotices notices, Notifications notifications,
			TransactionTemplate transaction, MessageSource messages, Clock clock, ZoneId zone,
			MeetingReminderProperties settings, ClusterSchedules schedules) {
		this.schedules = schedules;
		List<Integer> days = settings.reminderDays();
		this.meetings = meetings;
		this.notices = notices;
		this.notifications = notifications;
		this.transaction = transaction;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
		this.days = new TreeSet<>(days);
		if (this.days.isEmpty() || this.days.first() < 1) {
			throw new IllegalStateException("zhizhi.partnership.meeting.reminder-days must be whole days ≥ 1: " + days);
		}
	}

	@Scheduled(fixedDelayString = "${zhizhi.partnership.meeting.reminder-interval:1h}",
			initialDelayString = "${zhizhi.partnership.meeting.reminder-interval:1h}")
	void scheduled() {
		// once across nodes (issue 20): a node that finds the schedule running elsewhere skips this pass
		schedules.runOnce("partnership.meeting-reminders", Duration.ofMinutes(30), () -> {
			run(clock.instant());
		});
	}

	/** One pass at the given moment; answers how many reminders it sent. */
	int run(Instant now) {
		int sent = 0;
		Instant horizon = now.plus(Duration.ofDays(days.last()));
		for (Upcoming meeting : meetings.plannedBetween(now, horizon, BATCH)) {
			try {
				Boolean done = transaction.execute(status -> remind(meeting, now));
				sent += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException e) {
				// one meeting's failure must not hold up the others' reminders; the next pass tries it again
				log.warn("reminder of joint meeting {} failed", meeting.id(), e);
			}
		}
		return sent;
	}

	private boolean remind(Upcoming meeting, Instant now) {
		List<Integer> crossed = new ArrayList<>();
		for (int d : days) {
			if (!now.isBefore(meeting.scheduledAt().minus(Duration.ofDays(d)))) {
				crossed.add(d);
			}
		}
		boolean claimed = false;
		for (int d : crossed) {
			claimed |= meetings.claimReminder(meeting.id(), d, now);
		}
		if (!claimed) {
			return false;
		}
		JointMeeting view = new JointMeeting(meeting.id(), meeting.communityId(), meeting.communityPath(),
				meeting.kind(), meeting.title(), meeting.scheduledAt(), meeting.place(), MeetingState.PLANNED, null, null,
				null, null, null, null);
		// whole days left, rounded up: a meeting 36 hours away is "in 2 days"
		long daysLeft = Math.max(1, (Duration.between(now, meeting.scheduledAt()).toHours() + 23) / 24);
		String when = meeting.scheduledAt().atZone(zone).toLocalDateTime().toString().replace('T', ' ');
		notifications.notify(notices.recipients(view),
				new Notice("JOINT_MEETING_REMINDER",
						messages.getMessage("meeting.notice.reminder", new Object[] { meeting.title(), daysLeft },
								Locale.SIMPLIFIED_CHINESE),
						when + (meeting.place() == null ? "" : " · " + meeting.place()),
						MeetingNotices.link(meeting.id()), DataScope.districtOf(meeting.communityPath())));
		return true;
	}
}
