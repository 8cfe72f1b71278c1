package org.zhizhi.party;

import java.util.List;
import java.util.UUID;

/** Make a member's household a hub household serving the given buildings. */
public record NewHubHousehold(UUID memberId, List<UUID> buildingIds, UUID householdId) {
}
