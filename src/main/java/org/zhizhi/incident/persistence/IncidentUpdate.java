package org.zhizhi.incident.persistence;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.IncidentState;
import org.zhizhi.incident.OwnerKind;
import org.zhizhi.incident.Rating;
import org.zhizhi.incident.RejectReason;
import org.zhizhi.incident.Tier;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.WhistleType;

/**
 * What one step changes on the incident row. Only the state transition is required; every other field left unset
 * keeps its value. The update applies only if the incident is still in {@code from} — and, for a claim, still
 * unclaimed — so that of two steps taken at once exactly one succeeds.
 */
public final class IncidentUpdate {

	final UUID id;

	final IncidentState from;

	final IncidentState to;

	final Instant at;

	public Instant at() {
		return at;
	}

	Triage triage;

	WhistleType whistle;

	RejectReason reason;

	UUID claimedBy;

	boolean onlyIfUnclaimed;

	boolean clearClaim;

	Double checkInDistanceM;

	boolean checkInFlagged;

	Rating rating;

	String ratingComment;

	boolean clearRating;

	Boolean unsatisfiedPending;

	Tier tier;

	Tier onlyAtTier;

	OwnerKind ownerKind;

	UUID ownerId;

	DispatchMode dispatchMode;

	UUID unitId;

	boolean clearUnit;

	Instant respondDueAt;

	Instant onSiteDueAt;

	Instant resolveDueAt;

	Instant cardedDueAt;

	int moreEscalations;

	int moreReopened;

	int moreYellowCards;

	int moreRedCards;

	public IncidentUpdate(UUID id, IncidentState from, IncidentState to, Instant at) {
		this.id = id;
		this.from = from;
		this.to = to;
		this.at = at;
	}

	public IncidentUpdate triage(Triage value) {
		this.triage = value;
		return this;
	}

	public IncidentUpdate whistle(WhistleType value) {
		this.whistle = value;
		return this;
	}

	public IncidentUpdate reason(RejectReason value) {
		this.reason = value;
		return this;
	}

	/** Sets the claimer, only if nobody has claimed the incident yet. */
	public IncidentUpdate claim(UUID by) {
		this.claimedBy = by;
		this.onlyIfUnclaimed = true;
		return this;
	}

	/** Sets the claimer (an assigned member or a unit's liaison answering), whoever held it before. */
	public IncidentUpdate claimedBy(UUID by) {
		this.claimedBy = by;
		return this;
	}

	public IncidentUpdate clearClaim() {
		this.clearClaim = true;
		return this;
	}

	public IncidentUpdate checkIn(double distanceM, boolean flagged) {
		this.checkInDistanceM = distanceM;
		this.checkInFlagged = flagged;
		return this;
	}

	public IncidentUpdate rating(Rating value, String comment) {
		this.rating = value;
		this.ratingComment = comment;
		this.unsatisfiedPending = value == Rating.UNSATISFIED;
		return this;
	}

	/** Forgets the rating so that the reporter can rate the reopened incident again (the timeline keeps the old one). */
	public IncidentUpdate clearRating() {
		this.clearRating = true;
		this.unsatisfiedPending = false;
		return this;
	}

	public IncidentUpdate unsatisfiedSettled() {
		this.unsatisfiedPending = false;
		return this;
	}

	public IncidentUpdate owner(OwnerKind kind, UUID id) {
		this.ownerKind = kind;
		this.ownerId = id;
		return this;
	}

	public IncidentUpdate tier(Tier value) {
		this.tier = value;
		return this;
	}

	/**
	 * Applies only if the incident is still at this tier: an escalation leaves the state as it was, so the state alone
	 * does not stop two escalations taken at once from both raising it.
	 */
	public IncidentUpdate onlyAtTier(Tier value) {
		this.onlyAtTier = value;
		return this;
	}

	public IncidentUpdate dispatchMode(DispatchMode value) {
		this.dispatchMode = value;
		return this;
	}

	public IncidentUpdate unit(UUID value) {
		this.unitId = value;
		return this;
	}

	public IncidentUpdate clearUnit() {
		this.clearUnit = true;
		return this;
	}

	public IncidentUpdate dueDates(Instant respond, Instant onSite, Instant resolve) {
		this.respondDueAt = respond;
		this.onSiteDueAt = onSite;
		this.resolveDueAt = resolve;
		return this;
	}

	public IncidentUpdate respondDue(Instant value) {
		this.respondDueAt = value;
		return this;
	}

	public IncidentUpdate resolveDue(Instant value) {
		this.resolveDueAt = value;
		return this;
	}

	public IncidentUpdate cardedDue(Instant value) {
		this.cardedDueAt = value;
		return this;
	}

	public IncidentUpdate escalated() {
		this.moreEscalations = 1;
		return this;
	}

	public IncidentUpdate reopened() {
		this.moreReopened = 1;
		return this;
	}

	public IncidentUpdate card(boolean red) {
		if (red) {
			this.moreRedCards = 1;
		}
		else {
			this.moreYellowCards = 1;
		}
		return this;
	}
}
