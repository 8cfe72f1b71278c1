package org.zhizhi.deliberation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhizhi.deliberation.persistence.JdbcDeliberationMeetings;
import org.zhizhi.deliberation.persistence.JdbcTopics;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.scheduling.ClusterSchedules;

/**
 * Tells the households what concerns them: a vote opened on their topic (in the step's transaction: no vote without
 * its notice), and — the day before — a meeting of their estate or community. A meeting is reminded once across nodes
 * (the row's {@code reminded_at} decides).
 */
@Component
class DeliberationNotices {

	private static final Logger log = LoggerFactory.getLogger(DeliberationNotices.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	/** How long before a meeting its households are reminded. */
	static final Duration AHEAD = Duration.ofHours(24);

	private final JdbcTopics topics;

	private final JdbcDeliberationMeetings meetings;

	private final TopicPlaces places;

	private final Notifications notifications;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	private final org.zhizhi.identity.AccountQueries accounts;

	private final org.zhizhi.territory.OrgUnitQueries orgUnits;

	private final Clock clock;

	private final ZoneId zone;

	private final ClusterSchedules schedules;

	DeliberationNotices(JdbcTopics topics, JdbcDeliberationMeetings meetings, TopicPlaces places,
			Notifications notifications, TransactionTemplate transactions, MessageSource messages,
			org.zhizhi.identity.AccountQueries accounts, org.zhizhi.territory.OrgUnitQueries orgUnits, Clock clock,
			ZoneId zone, ClusterSchedules schedules) {
		this.schedules = schedules;
		this.accounts = accounts;
		this.orgUnits = orgUnits;
		this.topics = topics;
		this.meetings = meetings;
		this.places = places;
		this.notifications = notifications;
		this.transactions = transactions;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** What a topic's task notices are about: the call to vote is done once the vote is closed (issue 15). */
	static final String SUBJECT = "TOPIC";

	@EventListener
	void on(TopicEvent event) {
		if (event instanceof TopicEvent.TopicMoved moved) {
			notifications.settle(SUBJECT, moved.topicId(), moved.state().name(), List.of());
		}
		if (event.action() != TopicAction.OPEN_VOTING) {
			return;
		}
		Topic topic = topics.topic(event.topicId(), JdbcTopics.Lock.NONE).orElseThrow();
		List<UUID> households = places.accountsOf(places.householdsConcerned(topic));
		notifications.notify(households, new Notice("TOPIC_VOTING",
				m("deliberation.notice.votingOpenedTitle", topic.title()),
				m("deliberation.notice.votingOpenedBody", topic.place().name()), "/m/topics/" + topic.id(),
				topic.place().districtId()).about(SUBJECT, topic.id(), TopicState.VOTING.name()));
	}

	@Scheduled(fixedDelayString = "${zhizhi.deliberation.reminder-interval:15m}",
			initialDelayString = "${zhizhi.deliberation.reminder-interval:15m}")
	void scheduled() {
		// once across nodes (issue 20): a node that finds the schedule running elsewhere skips this pass
		schedules.runOnce("deliberation.reminders", Duration.ofMinutes(10), () -> {
			remind(clock.instant());
			flagMissed(clock.instant());
		});
	}

	/**
	 * One round: every monthly meeting still not held three days after its date is told to its community's staff,
	 * once — the group missed its meeting. Answers how many were flagged.
	 */
	int flagMissed(Instant now) {
		int flagged = 0;
		for (DeliberationMeeting meeting : meetings.missedToFlag(now.minus(DeliberationMeetingQueries.GRACE))) {
			try {
				Boolean done = transactions.execute(status -> {
					if (!meetings.claimMissedFlag(meeting.id(), now)) {
						return false;
					}
					List<UUID> staff = orgUnits.bindingOf(meeting.place().communityId())
						.map(community -> accounts.covering(community.path(),
								java.util.Set.of(org.zhizhi.shared.Role.COMMUNITY_STAFF))
							.stream()
							.map(org.zhizhi.identity.Account::id)
							.toList())
						.orElse(List.of());
					notifications.notify(staff, new Notice("DELIBERATION_MEETING_MISSED",
							m("deliberation.notice.meetingMissedTitle", meeting.place().name(), meeting.title()),
							m("deliberation.notice.meetingMissedBody", WHEN.format(meeting.scheduledAt().atZone(zone))),
							"/deliberation-meetings/" + meeting.id(), DataScope.districtOf(meeting.place().scopePath())));
					return true;
				});
				flagged += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException e) {
				log.warn("flag of missed deliberation meeting {} failed", meeting.id(), e);
			}
		}
		return flagged;
	}

	/** One round: every scheduled meeting within a day gets its reminder once. Answers how many were sent. */
	int remind(Instant now) {
		int sent = 0;
		for (DeliberationMeeting meeting : meetings.dueForReminder(now, now.plus(AHEAD))) {
			try {
				Boolean done = transactions.execute(status -> {
					if (!meetings.claimReminder(meeting.id(), now)) {
						return false;
					}
					List<UUID> households = places.accountsOf(places.householdsIn(meeting.place()));
					notifications.notify(households, new Notice("DELIBERATION_MEETING_REMINDER",
							m("deliberation.notice.meetingReminderTitle", meeting.title()),
							WHEN.format(meeting.scheduledAt().atZone(zone)) + " · " + meeting.location(),
							"/m/meeting-sign-in", DataScope.districtOf(meeting.place().scopePath())));
					return true;
				});
				sent += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException e) {
				// one meeting's failure must not hold up the others; the next round tries it again
				log.warn("reminder of deliberation meeting {} failed", meeting.id(), e);
			}
		}
		return sent;
	}

	private String m(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}
}
