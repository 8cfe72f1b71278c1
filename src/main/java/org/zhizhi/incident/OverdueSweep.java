package org.zhizhi.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.zhizhi.incident.persistence.JdbcIncidents;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.scheduling.ClusterSchedules;

/**
 * Every minute (zhizhi.incident.sweep-interval), finds the open incidents whose deadline passed and lets
 * {@link IncidentSupervision#sweepOne} escalate or card them, one transaction each, so that one failure does not hold
 * up the rest. The indexes on the deadlines keep the search to the overdue rows.
 */
@Component
class OverdueSweep {

	private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

	static final int BATCH = 500;

	private final JdbcIncidents incidents;

	private final IncidentSupervision supervision;

	private final Clock clock;

	private final ClusterSchedules schedules;

	OverdueSweep(JdbcIncidents incidents, IncidentSupervision supervision, Clock clock, ClusterSchedules schedules) {
		this.schedules = schedules;
		this.incidents = incidents;
		this.supervision = supervision;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${zhizhi.incident.sweep-interval:60s}", initialDelayString = "${zhizhi.incident.sweep-interval:60s}")
	void scheduled() {
		// once across nodes (issue 20): a node that finds the schedule running elsewhere skips this pass
		schedules.runOnce("incident.overdue-sweep", Duration.ofMinutes(10), () -> {
			run(clock.instant());
		});
	}

	/** One pass at the given moment; answers how many incidents it looked at. */
	int run(Instant now) {
		var overdue = incidents.overdue(now, BATCH);
		for (var row : overdue) {
			try {
				supervision.sweepOne(row.id(), row.scopePath(), now);
			}
			catch (DomainException e) {
				// moved on between the search and the step (claimed, resolved…): nothing to do any more
				log.debug("overdue sweep skipped {}: {}", row.id(), e.code());
			}
		}
		return overdue.size();
	}
}
