package org.zhizhi.points;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhizhi.points.persistence.JdbcPointsClaims;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.scheduling.ClusterSchedules;

/**
 * Every hour (zhizhi.points.sweep-interval): credits the claims whose public notice has run, one transaction each so
 * that one failure holds up no other, and lets lapse the points that are due to. Both are keyed in the ledger (a
 * claim pays once, an account lapses once a day), so two nodes sweeping at once pay nothing twice.
 */
@Component
class PointsSweeps {

	private static final Logger log = LoggerFactory.getLogger(PointsSweeps.class);

	static final int BATCH = 500;

	private final JdbcPointsClaims claims;

	private final PointsClaims credits;

	private final PointsManagement management;

	private final Clock clock;

	private final ZoneId zone;

	private final ClusterSchedules schedules;

	PointsSweeps(JdbcPointsClaims claims, PointsClaims credits, PointsManagement management, Clock clock, ZoneId zone, ClusterSchedules schedules) {
		this.schedules = schedules;
		this.claims = claims;
		this.credits = credits;
		this.management = management;
		this.clock = clock;
		this.zone = zone;
	}

	@Scheduled(fixedDelayString = "${zhizhi.points.sweep-interval:1h}",
			initialDelayString = "${zhizhi.points.sweep-interval:1h}")
	void scheduled() {
		// once across nodes (issue 20): a node that finds the schedule running elsewhere skips this pass
		schedules.runOnce("points.sweeps", Duration.ofMinutes(30), () -> {
			run(clock.instant());
		});
	}

	/** One pass at the moment; answers how many claims it credited. */
	int run(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		int credited = 0;
		for (var id : claims.noticeOverBefore(today, BATCH)) {
			try {
				if (credits.credit(id)) {
					credited++;
				}
			}
			catch (DomainException e) {
				log.debug("claim {} not credited: {}", id, e.code());
			}
		}
		management.lapse(today, BATCH);
		return credited;
	}
}
