package org.zhizhi.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.notification.Notice;
import org.zhizhi.notification.Notifications;
import org.zhizhi.volunteer.persistence.JdbcPairings;
import org.zhizhi.shared.scheduling.ClusterSchedules;

/**
 * Every hour (zhizhi.volunteer.pairing-sweep-interval): the pairings whose visit was due before today and has not been
 * made are flagged and their helpers told in their inbox — once per due day, however many nodes sweep (the flag is
 * set by the same update that picks the row). The lists show the lateness anyway; the message is the nudge.
 */
@Component
class PairingSweeps {

	/** The notice a missed visit sends its helper; the next visit settles it. */
	static final String VISIT_MISSED = "PAIRING_VISIT_MISSED";


	static final int BATCH = 500;

	private final JdbcPairings pairings;

	private final Notifications notifications;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	private final ClusterSchedules schedules;

	PairingSweeps(JdbcPairings pairings, Notifications notifications, MessageSource messages, Clock clock,
			ZoneId zone, ClusterSchedules schedules) {
		this.schedules = schedules;
		this.pairings = pairings;
		this.notifications = notifications;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	@Scheduled(fixedDelayString = "${zhizhi.volunteer.pairing-sweep-interval:1h}",
			initialDelayString = "${zhizhi.volunteer.pairing-sweep-interval:1h}")
	void scheduled() {
		// once across nodes (issue 20): a node that finds the schedule running elsewhere skips this pass
		schedules.runOnce("volunteer.pairing-sweeps", Duration.ofMinutes(30), () -> {
			run();
		});
	}

	/** One pass now; answers how many missed visits it flagged. */
	@Transactional
	public int run() {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<JdbcPairings.Missed> missed = pairings.flagMissed(today, BATCH);
		for (JdbcPairings.Missed m : missed) {
			notifications.notify(List.of(m.helperId()), new Notice(VISIT_MISSED,
					m("volunteer.inbox.visitMissedTitle", m.residentName()),
					m("volunteer.inbox.visitMissedBody", m.dueOn().toString()), "/m/volunteer/pairings/" + m.pairingId(),
					m.districtId()).about(Pairings.SUBJECT, m.pairingId(), PairingState.ACTIVE.name()));
		}
		return missed.size();
	}

	private String m(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}
}
