package org.zhizhi.incident.kpi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentEvent;

/**
 * Keeps the rollups current: after every step, inside the step's own transaction, the step's delta is appended, so
 * that the figures move exactly with the steps that commit; in the background the deltas are folded into the rollups. Every step recomputes the incident's fact, whatever its action: an action the KPIs do
 * not know changes no counter by itself, and what it changed on the incident (a deadline, an escalation) is counted.
 */
@Component
class KpiRollupListener {

	private static final Logger log = LoggerFactory.getLogger(KpiRollupListener.class);

	private final KpiRollups rollups;

	KpiRollupListener(KpiRollups rollups) {
		this.rollups = rollups;
	}

	@EventListener
	void on(IncidentEvent event) {
		// appends the step's delta; the rollup rows themselves are written by fold()
		rollups.recompute(event.incidentId());
	}

	/**
	 * Folds the deltas the steps appended into the rollups, every second by default: the reads count pending deltas
	 * as well, so the interval bounds only how many rows a read adds up, never what it shows.
	 */
	@Scheduled(fixedDelayString = "${zhizhi.incident.kpi.fold-interval:1s}",
			initialDelayString = "${zhizhi.incident.kpi.fold-interval:1s}")
	@Transactional
	void fold() {
		rollups.fold();
	}

	/** Incidents that came before the rollups (or a database restored without them) are counted once at startup. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	void rebuildIfMissing() {
		if (rollups.empty() && rollups.incidentsExist()) {
			log.info("KPI rollups rebuilt for {} incidents", rollups.rebuild());
		}
	}
}
