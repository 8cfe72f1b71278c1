package org.zhizhi.incident;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.incident.persistence.JdbcDistrictPartitions;
import org.zhizhi.territory.DistrictCreated;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Every district has its partitions of the incident tables before anything can be reported in it: a row whose district
 * has no partition would be refused (there is no default partition to catch it — see docs/scaling.md).
 */
@Component
class DistrictPartitions {

	private static final Logger log = LoggerFactory.getLogger(DistrictPartitions.class);

	private final JdbcDistrictPartitions partitions;

	private final OrgUnitQueries orgUnits;

	private final Installation installation;

	DistrictPartitions(JdbcDistrictPartitions partitions, OrgUnitQueries orgUnits, Installation installation) {
		this.partitions = partitions;
		this.orgUnits = orgUnits;
		this.installation = installation;
	}

	/*
	 * Why a plain @EventListener inside territory's transaction, and not an @ApplicationModuleListener after its commit
	 * as other modules' events are followed (docs/architecture.md): the district and its partitions commit together or
	 * not at all, so no grid of it can take a report in the moment between. Making them costs a few catalog rows and a
	 * SHARE UPDATE EXCLUSIVE lock on each partitioned table (ATTACH PARTITION), which lets every other district's reads
	 * and writes go on until the district's transaction commits. Territory knows nothing of these tables.
	 */
	@EventListener
	@Transactional
	void on(DistrictCreated created) {
		partitions.add(created.districtId());
	}

	/**
	 * Districts created before the tables were partitioned (those without rows then) or while an event could not be
	 * followed get theirs at start-up; for every other district this finds them all there.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	void addMissing() {
		// an empty tree has no district, and asking for the whole installation would create its root before the
		// demo loader looks whether the tree is empty
		if (orgUnits.isEmpty()) {
			return;
		}
		int made = 0;
		for (OrgUnit district : orgUnits.list(installation.whole(), new OrgUnitFilter(null, null, OrgLevel.DISTRICT))) {
			made += partitions.add(district.id());
		}
		if (made > 0) {
			log.info("{} partition(s) of the incident tables made for districts that had none", made);
		}
	}
}
