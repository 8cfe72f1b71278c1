package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/** One unit's part of a tough whistle (攻坚哨): the lead unit's or a co-unit's task, and how far it has got. */
public record IncidentPart(UUID incidentId, UUID unitId, String unitName, boolean lead, String task, PartState state,
		String note, Instant updatedAt) {

	public enum PartState {
		ASSIGNED, ACCEPTED, HANDED_BACK, DONE
	}
}
