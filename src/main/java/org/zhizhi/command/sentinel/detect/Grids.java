package org.zhizhi.command.sentinel.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.OrgLevel;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.OrgUnitFilter;
import org.zhizhi.territory.OrgUnitQueries;

/** The grids of a scope by id, for the detectors that measure grids: their names and paths come from territory. */
@Component
class Grids {

	private final OrgUnitQueries orgUnits;

	Grids(OrgUnitQueries orgUnits) {
		this.orgUnits = orgUnits;
	}

	Map<UUID, OrgUnit> of(DataScope scope) {
		Map<UUID, OrgUnit> grids = new LinkedHashMap<>();
		orgUnits.list(scope, new OrgUnitFilter(null, null, OrgLevel.GRID)).forEach(g -> grids.put(g.id(), g));
		return grids;
	}
}
