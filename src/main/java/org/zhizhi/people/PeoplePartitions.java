package org.zhizhi.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhizhi.people.persistence.Partitions;
import org.zhizhi.territory.DistrictCreated;
import org.zhizhi.territory.Installation;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/**
 * Every district has its partitions of the people tables before a household can be registered in it: a row whose
 * district has no partition would be refused (there is no default partition — see docs/scaling.md).
 */
@Component
class PeoplePartitions {

	private static final Logger log = LoggerFactory.getLogger(PeoplePartitions.class);

	private final Partitions partitions;

	private final OrgUnitQueries orgUnits;

	private final Installation installation;

	PeoplePartitions(Partitions partitions, OrgUnitQueries orgUnits, Installation installation) {
		this.partitions = partitions;
		this.orgUnits = orgUnits;
		this.installation = installation;
	}

	/*
	 * Inside territory's transaction, as incident.DistrictPartitions does and for the same reason: the district and its
	 * partitions commit together or not at all, so no dwelling of it can take a household in the moment between.
	 */
	@EventListener
	@Transactional
	void on(DistrictCreated created) {
		partitions.add(created.districtId());
	}

	/** Districts created before the tables were partitioned, or while an event could not be followed, at start-up. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	void addMissing() {
		// an empty tree has no district, and asking for the whole installation would create its root before the demo
		// loader looks whether the tree is empty
		if (orgUnits.isEmpty()) {
			return;
		}
		int made = 0;
		for (OrgUnit district : orgUnits.list(installation.whole(), new OrgUnitFilter(null, null, OrgLevel.DISTRICT))) {
			made += partitions.add(district.id());
		}
		if (made > 0) {
			log.info("{} partition(s) of the people tables made for districts that had none", made);
		}
	}
}
