package org.zhizhi.territory;

import java.util.Set;
import java.util.UUID;

/** A member to add to a grid's team; {@code accountId}, {@code workPhone} and {@code duties} may be empty. */
public record NewTeamMember(TeamPosition position, String name, UUID accountId, String workPhone,
		Set<GridDuty> duties) {
}
