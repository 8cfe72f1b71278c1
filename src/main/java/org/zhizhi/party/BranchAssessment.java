package org.zhizhi.party;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.zhizhi.property.Scorecard;

/** A branch's assessment of a year as kept: the template it was scored on, the points, each criterion's mark. */
public record BranchAssessment(UUID id, UUID orgId, String orgName, int year, String templateCode, int awarded,
		int possible, Map<String, Scorecard.Mark> marks, Instant assessedAt) {
}
