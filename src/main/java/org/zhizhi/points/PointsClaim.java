package org.zhizhi.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * A deed claimed for points — by the person himself with a photo, or named by a nominator (a grid worker, a building
 * head) — vetted by the desk, on public notice (公示) for the scheme's days, then credited unless an objection is
 * upheld. Nobody vets his own deed or his own nomination: the one who vets is not the one who gains.
 */
public final class PointsClaim extends AggregateRoot<PointsClaimEvent> {

	/** What was claimed and by whom, fixed at submission. */
	public record Deed(UUID schemeId, UUID ruleId, String ruleCode, String ruleName, int points, Holder claimant,
			UUID nominatedBy, String nominatedByName, LocalDate deedOn, String description, UUID photoId,
			String photoHash, String flags) {
	}

	private final UUID id;

	private final Deed deed;

	private final Instant submittedAt;

	private PointsClaimState state;

	private UUID vettedBy;

	private String vettedByName;

	private Instant vettedAt;

	private LocalDate noticeUntil;

	private String objection;

	private UUID objectedBy;

	private Instant objectedAt;

	private String decisionNote;

	private UUID movementId;

	private Integer creditedPoints;

	private Instant settledAt;

	/** As stored: every field, for the repository. */
	public PointsClaim(UUID id, Deed deed, Instant submittedAt, PointsClaimState state, UUID vettedBy, String vettedByName,
			Instant vettedAt, LocalDate noticeUntil, String objection, UUID objectedBy, Instant objectedAt,
			String decisionNote, UUID movementId, Integer creditedPoints, Instant settledAt, int version) {
		super(version);
		this.id = Objects.requireNonNull(id);
		this.deed = Objects.requireNonNull(deed);
		this.submittedAt = submittedAt;
		this.state = state;
		this.vettedBy = vettedBy;
		this.vettedByName = vettedByName;
		this.vettedAt = vettedAt;
		this.noticeUntil = noticeUntil;
		this.objection = objection;
		this.objectedBy = objectedBy;
		this.objectedAt = objectedAt;
		this.decisionNote = decisionNote;
		this.movementId = movementId;
		this.creditedPoints = creditedPoints;
		this.settledAt = settledAt;
	}

	public static PointsClaim submit(UUID id, Deed deed, Instant at) {
		return new PointsClaim(id, deed, at, PointsClaimState.SUBMITTED, null, null, null, null, null, null, null, null,
				null, null, null, 0);
	}

	/** Onto public notice until {@code noticeUntil} (credited the day after). */
	public void approve(UUID by, String byName, Instant at, LocalDate until) {
		notHisOwn(by);
		state = PointsClaimLifecycle.TABLE.next(state, PointsClaimAction.APPROVE);
		vettedBy = by;
		vettedByName = byName;
		vettedAt = at;
		noticeUntil = until;
		register(new PointsClaimEvent.ClaimOnNotice(id, deed.claimant().id(), until, at));
	}

	public void reject(String reason, UUID by, String byName, Instant at) {
		notHisOwn(by);
		state = PointsClaimLifecycle.TABLE.next(state, PointsClaimAction.REJECT);
		vettedBy = by;
		vettedByName = byName;
		vettedAt = at;
		decisionNote = reason;
		settledAt = at;
		register(new PointsClaimEvent.ClaimRejected(id, deed.claimant().id(), reason, at));
	}

	public void withdraw(UUID by, Instant at) {
		if (!by.equals(deed.claimant().id()) && !by.equals(deed.nominatedBy())) {
			throw new DomainException(Category.FORBIDDEN, "NOT_YOUR_CLAIM", "points.notYourClaim");
		}
		state = PointsClaimLifecycle.TABLE.next(state, PointsClaimAction.WITHDRAW);
		settledAt = at;
	}

	/** Someone of the place doubts the deed during its notice; the person himself withdraws instead. */
	public void object(String reason, UUID by, Instant at) {
		if (by.equals(deed.claimant().id())) {
			throw new DomainException(Category.FORBIDDEN, "OWN_CLAIM", "points.ownClaim");
		}
		state = PointsClaimLifecycle.TABLE.next(state, PointsClaimAction.OBJECT);
		objection = reason;
		objectedBy = by;
		objectedAt = at;
	}

	/** The objection holds: no points. */
	public void uphold(String note, UUID by, String byName, Instant at) {
		notHisOwn(by);
		state = PointsClaimLifecycle.TABLE.next(state, PointsClaimAction.UPHOLD);
		decisionNote = note;
		settledAt = at;
		register(new PointsClaimEvent.ClaimRejected(id, deed.claimant().id(), note, at));
	}

	/** The objection does not hold: back on notice until its day. */
	public void dismiss(String note, UUID by, String byName, Instant at) {
		notHisOwn(by);
		state = PointsClaimLifecycle.TABLE.next(state, PointsClaimAction.DISMISS);
		decisionNote = note;
	}

	/** The notice has run: the points the ledger paid (what the caps left), or none. */
	public void credit(UUID movement, long points, Instant at) {
		state = PointsClaimLifecycle.TABLE.next(state, PointsClaimAction.CREDIT);
		movementId = movement;
		creditedPoints = (int) points;
		settledAt = at;
		register(new PointsClaimEvent.ClaimCredited(id, deed.claimant().id(), points, at));
	}

	public void check(PointsClaimAction action) {
		PointsClaimLifecycle.TABLE.require(state, action);
	}

	private void notHisOwn(UUID by) {
		if (by.equals(deed.claimant().id()) || by.equals(deed.nominatedBy())) {
			throw new DomainException(Category.FORBIDDEN, "OWN_CLAIM", "points.ownClaim");
		}
	}

	public UUID id() {
		return id;
	}

	public Deed deed() {
		return deed;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public PointsClaimState state() {
		return state;
	}

	public UUID vettedBy() {
		return vettedBy;
	}

	public String vettedByName() {
		return vettedByName;
	}

	public Instant vettedAt() {
		return vettedAt;
	}

	public LocalDate noticeUntil() {
		return noticeUntil;
	}

	public String objection() {
		return objection;
	}

	public UUID objectedBy() {
		return objectedBy;
	}

	public Instant objectedAt() {
		return objectedAt;
	}

	public String decisionNote() {
		return decisionNote;
	}

	public UUID movementId() {
		return movementId;
	}

	public Integer creditedPoints() {
		return creditedPoints;
	}

	public Instant settledAt() {
		return settledAt;
	}
}
