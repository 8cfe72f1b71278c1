package org.zhizhi.party;

import java.util.List;
import java.util.UUID;

/** A hub household (党员中心户): a member's household that serves the neighbours of the buildings listed. */
public record HubHousehold(UUID id, UUID memberId, String memberName, UUID householdId, List<UUID> buildingIds) {

	public HubHousehold {
		buildingIds = List.copyOf(buildingIds);
	}
}
