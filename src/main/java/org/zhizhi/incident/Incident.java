package org.zhizhi.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhizhi.incident.IncidentLifecycle.Transition;
import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.GeoPoint;

/**
 * The incident as the whistle changes it: each step is a method that asks {@link IncidentLifecycle} whether it may be
 * taken from the current state, changes the fields the step changes — and nothing else — and registers its past-tense
 * {@link IncidentEvent} ({@code IncidentClaimed}, {@code IncidentEscalated} …). {@code Incidents.save} then writes it
 * with {@code UPDATE … WHERE id = ? AND version = ?}: a row count of 0 means someone else changed it first, and the
 * step is refused with the state it is in now (twenty members grabbing one open call: one winner). Who may take a
 * step is {@link IncidentPolicy}'s to say, before the method is called; what other aggregates must say (a unit serves
 * the place, a member covers the grid) the commands check first. Readers get an {@link IncidentView}. Free of Spring
 * and SQL.
 */
public final class Incident extends AggregateRoot<IncidentEvent> {

	private final UUID id;
	private final Channel channel;
	private final String categoryCode;
	private final String description;
	private final double lat;
	private final double lng;
	private final UUID gridId;
	private final UUID microGridId;
	private final String scopePath;
	private final UUID districtId;
	private IncidentState state;
	private Triage triage;
	private WhistleType whistleType;
	private RejectReason rejectReason;
	private UUID claimedBy;
	private final UUID reporterId;
	private final Instant reportedAt;
	private Instant updatedAt;
	private Double checkInDistanceM;
	private boolean checkInFlagged;
	private Rating rating;
	private String ratingComment;
	private final boolean anonymous;
	private Tier tier;
	private OwnerKind ownerKind;
	private UUID ownerId;
	private DispatchMode dispatchMode;
	private Instant respondDueAt;
	private Instant onSiteDueAt;
	private Instant resolveDueAt;
	private int yellowCards;
	private int redCards;
	private int escalations;
	private int reopened;
	private final UUID duplicateOf;
	private Instant closedAt;
	private UUID unitId;
	private boolean unsatisfiedPending;
	private Instant cardedDueAt;
	private BindingDeadline binding;

	private Incident(IncidentView view, int version) {
		super(version);
		this.id = view.id();
		this.channel = view.channel();
		this.categoryCode = view.categoryCode();
		this.description = view.description();
		this.lat = view.lat();
		this.lng = view.lng();
		this.gridId = view.gridId();
		this.microGridId = view.microGridId();
		this.scopePath = view.scopePath();
		this.districtId = view.districtId();
		this.state = view.state();
		this.triage = view.triage();
		this.whistleType = view.whistleType();
		this.rejectReason = view.rejectReason();
		this.claimedBy = view.claimedBy();
		this.reporterId = view.reporterId();
		this.reportedAt = view.reportedAt();
		this.updatedAt = view.updatedAt();
		this.checkInDistanceM = view.checkInDistanceM();
		this.checkInFlagged = view.checkInFlagged();
		this.rating = view.rating();
		this.ratingComment = view.ratingComment();
		this.anonymous = view.anonymous();
		this.tier = view.tier();
		this.ownerKind = view.ownerKind();
		this.ownerId = view.ownerId();
		this.dispatchMode = view.dispatchMode();
		this.respondDueAt = view.respondDueAt();
		this.onSiteDueAt = view.onSiteDueAt();
		this.resolveDueAt = view.resolveDueAt();
		this.yellowCards = view.yellowCards();
		this.redCards = view.redCards();
		this.escalations = view.escalations();
		this.reopened = view.reopened();
		this.duplicateOf = view.duplicateOf();
		this.closedAt = view.closedAt();
		this.unitId = view.unitId();
		this.unsatisfiedPending = view.unsatisfiedPending();
		this.cardedDueAt = view.cardedDueAt();
		this.binding = view.binding();
	}

	/** The incident as it was read, at the version it was read with. */
	public static Incident of(IncidentView view, int version) {
		return new Incident(view, version);
	}

	/** 上报: a new incident at its grid, owned by the grid, registering its first event. */
	static Incident report(UUID id, Channel channel, String categoryCode, String description, double lat, double lng,
			UUID gridId, UUID microGridId, String gridPath, UUID districtId, UUID reporter, boolean anonymous,
			Instant at) {
		Incident incident = new Incident(new IncidentView(id, channel, categoryCode, description, lat, lng, gridId,
				microGridId, gridPath, districtId, IncidentState.REPORTED, null, null, null, null, reporter, at, at,
				null, false, null, null, anonymous, Tier.GRID, OwnerKind.ORG_UNIT, gridId, null, null, null, null, 0,
				0, 0, 0, null, null, null, false, null, null), 0);
		incident.register(new IncidentEvent.IncidentReported(id, null, IncidentState.REPORTED, at, reporter));
		return incident;
	}

	/** What readers see now. */
	public IncidentView view() {
		return new IncidentView(id, channel, categoryCode, description, lat, lng, gridId, microGridId, scopePath, districtId, state, triage, whistleType, rejectReason, claimedBy, reporterId, reportedAt, updatedAt, checkInDistanceM, checkInFlagged, rating, ratingComment, anonymous, tier, ownerKind, ownerId, dispatchMode, respondDueAt, onSiteDueAt, resolveDueAt, yellowCards, redCards, escalations, reopened, duplicateOf, closedAt, unitId, unsatisfiedPending, cardedDueAt, binding);
	}

	/**
	 * A city platform's order binds the incident to its deadline, as it is reported (before its first save): due to
	 * resolve by it from now on, and never later whatever the policy sets afterwards ({@link #bound}).
	 */
	void bindTo(BindingDeadline deadline) {
		if (state != IncidentState.REPORTED || binding != null) {
			throw new IllegalStateException("an incident is bound to a deadline only as it is reported: " + id);
		}
		binding = deadline;
		resolveDueAt = deadline.dueAt();
	}

	// --- intake and triage ------------------------------------------------------------------------------------------

	Transition accept(UUID by, Instant at) {
		return move(IncidentLifecycle.accept(state), by, at);
	}

	Transition reject(RejectReason reason, UUID by, Instant at) {
		Transition t = IncidentLifecycle.reject(state, reason);
		rejectReason = reason;
		return move(t, reason, by, at);
	}

	/** 三事分流; a private matter closes at once with the advice given in the note. */
	Transition triage(Triage choice, String note, UUID by, Instant at) {
		Transition t = IncidentLifecycle.triage(state, choice, note);
		triage = choice;
		return move(t, choice, by, at);
	}

	// --- dispatch ---------------------------------------------------------------------------------------------------

	/** Blows the whistle and sets the deadlines to respond, to be on site and to resolve. */
	Transition whistle(WhistleType type, DispatchMode mode, DueDates.Set dues, UUID by, Instant at) {
		Transition t = IncidentLifecycle.whistle(state, type);
		whistleType = type;
		dispatchMode = mode;
		respondDueAt = boundWhileAhead(dues.respondDue(), at);
		onSiteDueAt = boundWhileAhead(dues.onSiteDue(), at);
		resolveDueAt = bound(dues.resolveDue());
		return move(t, type, by, at);
	}

	/** 党员接单: the open call goes to the first member who takes it. */
	Transition claim(UUID member, Instant at) {
		Transition t = IncidentLifecycle.claim(state);
		claimedBy = member;
		own(OwnerKind.MEMBER, member);
		dispatchMode = DispatchMode.OPEN_CALL;
		return move(t, member, at);
	}

	/** 指派 or 轮派 to a named member, who must answer. */
	Transition assignToMember(UUID member, DispatchMode mode, UUID by, Instant at) {
		Transition t = IncidentLifecycle.assign(state);
		own(OwnerKind.MEMBER, member);
		claimedBy = member;
		unitId = null;
		dispatchMode = mode;
		return move(t, by, at);
	}

	/** 指派 to a unit (a tough whistle's lead unit), whose liaison must answer. */
	Transition assignToUnit(UUID unit, DispatchMode mode, UUID by, Instant at) {
		Transition t = IncidentLifecycle.assign(state);
		own(OwnerKind.UNIT, unit);
		unitId = unit;
		claimedBy = null;
		dispatchMode = mode;
		return move(t, by, at);
	}

	/** 应哨: the assignee (or a liaison of the assigned unit) answers and holds the order from now on. */
	Transition answer(UUID by, Instant at) {
		Transition t = IncidentLifecycle.answer(state);
		claimedBy = by;
		return move(t, by, at);
	}

	/** The order goes back to its tier to be dispatched again, with the reason. */
	Transition handBack(String reason, UUID by, Instant at) {
		Transition t = IncidentLifecycle.handBack(state, reason);
		claimedBy = null;
		unitId = null;
		own(OwnerKind.ORG_UNIT, tier.orgUnitAbove(scopePath));
		return move(t, by, at);
	}

	/** A co-unit's step on its part of a tough whistle: the incident stays where it is. */
	Transition part(IncidentAction action, UUID by, Instant at) {
		return move(IncidentLifecycle.part(state, action), by, at);
	}

	// --- in the field -----------------------------------------------------------------------------------------------

	/** What a check-in found: how far from the incident the handler stood, and whether that is beyond the radius. */
	record CheckIn(Transition transition, double distanceM, boolean flagged) {
	}

	/**
	 * 线下报到 from where the handler stands: the distance to the incident is kept (to 0.1 m); beyond {@code radiusM}
	 * the check-in is allowed but flagged, and the incident's flag stays once set.
	 */
	CheckIn checkIn(Double atLat, Double atLng, double radiusM, UUID by, Instant at) {
		Transition t = IncidentLifecycle.checkIn(state);
		List<FieldProblem> problems = new ArrayList<>();
		if (!GeoPoint.validLatitude(atLat)) {
			problems.add(new FieldProblem("lat", atLat == null ? "validation.required" : "incident.badLat"));
		}
		if (!GeoPoint.validLongitude(atLng)) {
			problems.add(new FieldProblem("lng", atLng == null ? "validation.required" : "incident.badLng"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		double distance = Math.round(new GeoPoint(lat, lng).metresTo(new GeoPoint(atLat, atLng)) * 10) / 10.0;
		boolean flagged = distance > radiusM;
		checkInDistanceM = distance;
		checkInFlagged = checkInFlagged || flagged;
		return new CheckIn(move(t, by, at), distance, flagged);
	}

	/** A check-in from history that recorded no position: nothing to measure, nothing flagged. */
	Transition checkInUnmeasured(UUID by, Instant at) {
		return move(IncidentLifecycle.checkIn(state), by, at);
	}

	/** The work is reported done: the incident goes back to its tier's org unit for verification. */
	Transition resolve(String note, UUID by, Instant at) {
		Transition t = IncidentLifecycle.resolve(state, note);
		own(OwnerKind.ORG_UNIT, tier.orgUnitAbove(scopePath));
		return move(t, by, at);
	}

	Transition note(String note, UUID by, Instant at) {
		return move(IncidentLifecycle.note(state, note), by, at);
	}

	// --- closing the loop -------------------------------------------------------------------------------------------

	Transition verify(UUID by, Instant at) {
		return move(IncidentLifecycle.verify(state), by, at);
	}

	Transition close(UUID by, Instant at) {
		return move(IncidentLifecycle.close(state), by, at);
	}

	/** 返工: back to whoever handled it. */
	Transition rework(String note, UUID by, Instant at) {
		Transition t = IncidentLifecycle.rework(state, note);
		backToHandler();
		return move(t, by, at);
	}

	/** The reporter's rating, once; an unsatisfied one waits for the community's follow-up. */
	Transition rate(Rating value, String comment, UUID by, Instant at) {
		Transition t = IncidentLifecycle.rate(state, value, comment);
		rating = value;
		ratingComment = comment;
		unsatisfiedPending = value == Rating.UNSATISFIED;
		return move(t, value, by, at);
	}

	/**
	 * After an unsatisfied rating: back to its handler for rework (or to triage when nobody handled it); the rating is
	 * forgotten so that the reporter rates again — the timeline keeps the old one.
	 */
	Transition reopen(String note, UUID by, Instant at) {
		boolean handled = claimedBy != null || unitId != null;
		Transition t = IncidentLifecycle.reopen(state, unsatisfiedPending, handled, note);
		rating = null;
		ratingComment = null;
		unsatisfiedPending = false;
		reopened++;
		if (handled) {
			backToHandler();
		}
		return move(t, by, at);
	}

	Transition keepClosed(String note, UUID by, Instant at) {
		Transition t = IncidentLifecycle.keepClosed(state, unsatisfiedPending, note);
		unsatisfiedPending = false;
		return move(t, by, at);
	}

	// --- supervision ------------------------------------------------------------------------------------------------

	/**
	 * 分级响应: one tier up, owned by that tier's org unit; whoever held it lets go. A whistled incident gets a fresh
	 * deadline to be taken up ({@code respondDue}, null for one not yet whistled).
	 */
	Transition escalate(Instant respondDue, UUID by, Instant at) {
		Transition t = IncidentLifecycle.escalate(state, tier);
		tier = tier.above().orElseThrow();
		own(OwnerKind.ORG_UNIT, tier.orgUnitAbove(scopePath));
		claimedBy = null;
		unitId = null;
		escalations++;
		if (respondDue != null) {
			respondDueAt = boundWhileAhead(respondDue, at);
		}
		return move(t, by, at);
	}

	/** 督办 by hand: a yellow or a red card. */
	Transition urge(UrgeCard card, UUID by, Instant at) {
		Transition t = IncidentLifecycle.urge(state, card);
		if (card == UrgeCard.RED) {
			redCards++;
		}
		else {
			yellowCards++;
		}
		return move(t, card, by, at);
	}

	/** The overdue sweep's red card, once per passed deadline. */
	Transition cardOverdue(Instant due, UUID by, Instant at) {
		if (due.equals(cardedDueAt)) {
			throw IncidentLifecycle.illegal(state, IncidentAction.URGE);
		}
		Transition t = IncidentLifecycle.urge(state, UrgeCard.RED);
		redCards++;
		cardedDueAt = due;
		return move(t, UrgeCard.RED, by, at);
	}

	Transition requestExtension(Integer hours, String reason, UUID by, Instant at) {
		return move(IncidentLifecycle.requestExtension(state, hours, reason), by, at);
	}

	/** The tier above decides a pending extension request; {@link #extendResolutionTo} follows an approval. */
	Transition decideExtension(Boolean approve, UUID by, Instant at) {
		return move(IncidentLifecycle.decideExtension(state, approve), by, at);
	}

	/**
	 * An approved extension moves the resolution deadline — never past a binding one: the district cannot grant
	 * itself time a city platform's order did not give (the platform's own 延期 moves that).
	 */
	void extendResolutionTo(Instant due) {
		resolveDueAt = bound(due);
	}

	/** A resolution deadline the policy computed, held to the binding deadline if there is one: never after it. */
	private Instant bound(Instant due) {
		return binding == null ? due : binding.bound(due);
	}

	/**
	 * A time to respond or to be on site the policy computed at {@code at}: held to the binding deadline while that
	 * still lies ahead, so that no step is due after the order must be resolved. Once it has passed, the incident is
	 * overdue to resolve and the policy's time stands: held to a past instant, every tier would be overdue the moment
	 * it got the order, and the sweep would escalate it to the district in as many runs, nobody given time to take it.
	 */
	private Instant boundWhileAhead(Instant due, Instant at) {
		return binding == null || !binding.dueAt().isAfter(at) ? due : binding.bound(due);
	}

	// --- the one way a step ends ------------------------------------------------------------------------------------

	private Transition move(Transition t, UUID by, Instant at) {
		return move(t, null, by, at);
	}

	/** As {@link #move(Transition, UUID, Instant)}, for a step whose event carries what it chose (a rating, a card …). */
	private Transition move(Transition t, Enum<?> choice, UUID by, Instant at) {
		state = t.to();
		updatedAt = at;
		// closed when it closes or is refused; a rating or a note on the closure keeps the day it closed
		closedAt = switch (t.to()) {
			case CLOSED, REJECTED -> at;
			case RATED -> closedAt;
			default -> null;
		};
		register(IncidentEvent.of(t.action(), id, t.from(), t.to(), at, by, choice));
		return t;
	}

	/** Back to whoever handled it: the unit it was given to, else the member who had it. */
	private void backToHandler() {
		if (unitId != null) {
			own(OwnerKind.UNIT, unitId);
		}
		else if (claimedBy != null) {
			own(OwnerKind.MEMBER, claimedBy);
		}
	}

	private void own(OwnerKind kind, UUID owner) {
		ownerKind = kind;
		ownerId = owner;
	}

	// --- what it is now ---------------------------------------------------------------------------------------------

	public UUID id() { return id; }
	public Channel channel() { return channel; }
	public String categoryCode() { return categoryCode; }
	public String description() { return description; }
	public double lat() { return lat; }
	public double lng() { return lng; }
	public UUID gridId() { return gridId; }
	public UUID microGridId() { return microGridId; }
	public String scopePath() { return scopePath; }
	public UUID districtId() { return districtId; }
	public IncidentState state() { return state; }
	public Triage triage() { return triage; }
	public WhistleType whistleType() { return whistleType; }
	public RejectReason rejectReason() { return rejectReason; }
	public UUID claimedBy() { return claimedBy; }
	public UUID reporterId() { return reporterId; }
	public Instant reportedAt() { return reportedAt; }
	public Instant updatedAt() { return updatedAt; }
	public Double checkInDistanceM() { return checkInDistanceM; }
	public boolean checkInFlagged() { return checkInFlagged; }
	public Rating rating() { return rating; }
	public String ratingComment() { return ratingComment; }
	public boolean anonymous() { return anonymous; }
	public Tier tier() { return tier; }
	public OwnerKind ownerKind() { return ownerKind; }
	public UUID ownerId() { return ownerId; }
	public DispatchMode dispatchMode() { return dispatchMode; }
	public Instant respondDueAt() { return respondDueAt; }
	public Instant onSiteDueAt() { return onSiteDueAt; }
	public Instant resolveDueAt() { return resolveDueAt; }
	public int yellowCards() { return yellowCards; }
	public int redCards() { return redCards; }
	public int escalations() { return escalations; }
	public int reopened() { return reopened; }
	public UUID duplicateOf() { return duplicateOf; }
	public Instant closedAt() { return closedAt; }
	public UUID unitId() { return unitId; }
	public boolean unsatisfiedPending() { return unsatisfiedPending; }
	public Instant cardedDueAt() { return cardedDueAt; }
	public BindingDeadline binding() { return binding; }
}
