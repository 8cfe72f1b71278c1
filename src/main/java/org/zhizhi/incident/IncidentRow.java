package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One incident as a list shows it: what, where, how far along, and the latest step of its timeline (who did what
 * when), so that a list needs no second query per row; its tier and cards for the desk, the unit it is given to, and
 * its first photo (null without one) for the thumbnail of a card; the deadline of the city platform's order it came
 * from (12345时限, 141时限), null for every other incident.
 */
public record IncidentRow(UUID id, IncidentState state, String categoryCode, String categoryName, String description,
		UUID gridId, Channel channel, Triage triage, WhistleType whistleType, UUID claimedBy, boolean anonymous,
		Instant reportedAt, Instant updatedAt, Instant resolveDueAt, Instant closedAt, Rating rating,
		IncidentAction latestAction, String latestActorName, Instant latestAt, Tier tier, int yellowCards,
		int redCards, UUID unitId, UUID firstPhotoId, BindingDeadline binding) {

	/** Whether the resolution deadline has passed on an incident still open at {@code now}. */
	public boolean overdue(Instant now) {
		return closedAt == null && resolveDueAt != null && now.isAfter(resolveDueAt);
	}
}
