package org.zhizhi.incident.kpi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.IncidentEvent;

/**
 * Keeps the rollups current: after every step, inside the step's own transaction, so that the figures move exactly
 * with the steps that commit. Every step recomputes the incident's fact, whatever its action: an action the KPIs do
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
		rollups.recompute(event.incidentId());
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
