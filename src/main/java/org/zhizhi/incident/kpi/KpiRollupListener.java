package org.zhizhi.incident.kpi;

import java.util.LinkedHashSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentEvent;
import org.zhizhi.shared.BeforeCommit;

/**
 * Keeps the rollups current: inside every step's own transaction, just before it commits, the deltas of the
 * incidents it stepped are appended, so that the figures move exactly with the steps that commit; in the background
 * the deltas are folded into the rollups. Every step recomputes the incident's fact, whatever its action: an action
 * the KPIs do not know changes no counter by itself, and what it changed on the incident (a deadline, an escalation)
 * is counted.
 */
@Component
class KpiRollupListener {

	private static final Logger log = LoggerFactory.getLogger(KpiRollupListener.class);

	private final KpiRollups rollups;

	KpiRollupListener(KpiRollups rollups) {
		this.rollups = rollups;
	}

	/**
	 * Remembers the step's incident for the end of its transaction: the incidents a transaction stepped are
	 * recomputed together, in one statement, just before it commits — one for a group of reports written at once
	 * ({@code ReportIntake}), one for an incident stepped twice. Outside a transaction, at once. The rollup rows
	 * themselves are written by {@link #fold()}.
	 */
	@EventListener
	void on(IncidentEvent event) {
		// an incident stepped twice in one transaction is recomputed once
		BeforeCommit.gather(this, event.incidentId(), stepped -> rollups.recompute(new LinkedHashSet<>(stepped)));
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
