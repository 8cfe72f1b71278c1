package org.zhizhi.party;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A 党员示范岗 or 责任区 of a party organisation, the grids it covers, and whether it is closed. */
public record DutyPost(UUID id, UUID orgId, String orgName, DutyPostKind kind, String name, String duty,
		List<DutyGrid> grids, Instant closedAt) {

	public boolean open() {
		return closedAt == null;
	}
}
