package org.zhizhi.property;

import java.time.Instant;
import java.util.UUID;

/**
 * A self-run body of an estate (居民自管小组, or a community's non-profit 社区自管中心): the buildings it covers, its
 * service list, its fee schedule and book. {@code thresholdPercent}: a building whose month's collection falls below
 * it is flagged.
 */
public record SelfRun(UUID id, UUID estateId, String estateName, UUID orgUnitId, String scopePath, UUID districtId,
		String name, SelfRunKind kind, int thresholdPercent, Instant createdAt) {

	/** A building it covers and the guardian (守护楼员) who collects there. */
	public record Building(UUID buildingId, String buildingName, UUID guardianId, String guardianName) {
	}

	/** A line of its service list (seed 003: 6 classes, 23 basic services, 5 value-added ones). */
	public record Service(String className, String name, String provider, String standard, boolean valueAdded) {
	}

	/** What a household pays a month from a month on, as the residents decided it (a deliberation topic). */
	public record Schedule(long monthlyCents, java.time.LocalDate fromMonth, UUID topicId, java.time.LocalDate decidedOn,
			String note) {
	}
}
