package org.zhizhi.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One incident as readers see it. The check-in distance is that of the latest check-in; the flag stays set once any
 * check-in lay beyond the radius. The owner is whoever must act next: the org unit of the incident's tier, the member
 * who claimed it or was assigned, or the unit that answers it. An anonymous report keeps its reporter for his own
 * "my reports" page but never shows him to anyone else. A binding deadline (a city platform's order) is null for
 * every other incident; when present, no due date lies after it.
 */
public record IncidentView(UUID id, Channel channel, String categoryCode, String description, double lat, double lng,
		UUID gridId, UUID microGridId, String scopePath, UUID districtId, IncidentState state, Triage triage,
		WhistleType whistleType, RejectReason rejectReason, UUID claimedBy, UUID reporterId, Instant reportedAt,
		Instant updatedAt, Double checkInDistanceM, boolean checkInFlagged, Rating rating, String ratingComment,
		boolean anonymous, Tier tier, OwnerKind ownerKind, UUID ownerId, DispatchMode dispatchMode,
		Instant respondDueAt, Instant onSiteDueAt, Instant resolveDueAt, int yellowCards, int redCards,
		int escalations, int reopened, UUID duplicateOf, Instant closedAt, UUID unitId, boolean unsatisfiedPending,
		Instant cardedDueAt, BindingDeadline binding) {

	/** Whether the resolution deadline has passed on an incident still open at {@code now}. */
	public boolean overdue(Instant now) {
		return closedAt == null && resolveDueAt != null && now.isAfter(resolveDueAt);
	}

	/** The same incident as someone other than its reporter sees it: an anonymous reporter is not shown. */
	public IncidentView withoutAnonymousReporter() {
		if (!anonymous) {
			return this;
		}
		return new IncidentView(id, channel, categoryCode, description, lat, lng, gridId, microGridId, scopePath,
				districtId, state, triage, whistleType, rejectReason, claimedBy, null, reportedAt, updatedAt,
				checkInDistanceM, checkInFlagged, rating, ratingComment, anonymous, tier, ownerKind, ownerId,
				dispatchMode, respondDueAt, onSiteDueAt, resolveDueAt, yellowCards, redCards, escalations, reopened,
				duplicateOf, closedAt, unitId, unsatisfiedPending, cardedDueAt, binding);
	}
}
