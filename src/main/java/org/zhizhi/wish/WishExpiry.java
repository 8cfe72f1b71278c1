package org.zhizhi.wish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.DomainException;
import org.zhizhi.wish.persistence.JdbcWishes;
import org.zhizhi.shared.scheduling.ClusterSchedules;

/**
 * Every hour (zhizhi.wish.expiry-interval), raises to the community the wishes nobody took by their date (the day after
 * it, Asia/Shanghai) and tells it of those still short of takers, one transaction each so that one failure does not
 * hold up the rest.
 */
@Component
class WishExpiry {

	private static final Logger log = LoggerFactory.getLogger(WishExpiry.class);

	static final int BATCH = 500;

	private final JdbcWishes wishes;

	private final WishManagement management;

	private final Clock clock;

	private final ZoneId zone;

	private final ClusterSchedules schedules;

	WishExpiry(JdbcWishes wishes, WishManagement management, Clock clock, ZoneId zone, ClusterSchedules schedules) {
		this.schedules = schedules;
		this.wishes = wishes;
		this.management = management;
		this.clock = clock;
		this.zone = zone;
	}

	@Scheduled(fixedDelayString = "${zhizhi.wish.expiry-interval:1h}", initialDelayString = "${zhizhi.wish.expiry-interval:1h}")
	void scheduled() {
		// once across nodes (issue 20): a node that finds the schedule running elsewhere skips this pass
		schedules.runOnce("wish.expiry", Duration.ofMinutes(30), () -> {
			run(clock.instant());
		});
	}

	/** One pass at the given moment; answers how many wishes it raised. */
	int run(Instant now) {
		int raised = 0;
		LocalDate today = now.atZone(zone).toLocalDate();
		List<Wish> due = new ArrayList<>(wishes.unclaimedDueBefore(today, BATCH));
		due.addAll(wishes.shortOfTakersDueBefore(today, BATCH));
		for (Wish wish : due) {
			try {
				if (management.raise(districtOf(wish), wish.id(), now)) {
					raised++;
				}
			}
			catch (DomainException e) {
				log.debug("wish expiry skipped {}: {}", wish.id(), e.code());
			}
		}
		return raised;
	}

	/** The scope of the district a wish lies in ({@code /<city>/<district>/…}): the sweep reads each wish in it. */
	static DataScope districtOf(Wish wish) {
		String[] parts = wish.scopePath().split("/");
		return new DataScope(wish.districtId(), "/" + parts[1] + "/" + parts[2] + "/");
	}
}
