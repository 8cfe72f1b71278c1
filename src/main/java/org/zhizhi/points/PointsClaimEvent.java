package org.zhizhi.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the person who claimed a deed is told: on notice until a day, credited with points, or rejected and why. */
public sealed interface PointsClaimEvent {

	UUID claimId();

	UUID claimantId();

	Instant at();

	record ClaimOnNotice(UUID claimId, UUID claimantId, LocalDate until, Instant at) implements PointsClaimEvent {
	}

	record ClaimCredited(UUID claimId, UUID claimantId, long points, Instant at) implements PointsClaimEvent {
	}

	record ClaimRejected(UUID claimId, UUID claimantId, String reason, Instant at) implements PointsClaimEvent {
	}
}
