package org.zhizhi.territory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One member of a grid's 1+3+N team.
 *
 * @param accountId the member's platform account, where he has one (module identity; referenced by id only)
 */
public record GridTeamMember(UUID id, UUID gridId, TeamPosition position, String name, UUID accountId,
		String workPhone, Set<GridDuty> duties) {

	public GridTeamMember {
		duties = duties == null ? Set.of() : Set.copyOf(duties);
	}

	/** The duties in the order of the five, for lists and pages. */
	public List<GridDuty> dutiesInOrder() {
		return duties.stream().sorted().toList();
	}
}
