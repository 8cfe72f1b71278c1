package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhizhi.partnership.Claim.ClaimerKind;
import org.zhizhi.shared.AggregateRoot;

/**
 * A public pledge (公开承诺) — a claim on a list item — as its steps change it: each asks {@link ClaimLifecycle},
 * changes only what its step changes and registers a past-tense {@link PledgeEvent}. Who may take a step is
 * {@link ClaimPolicy}'s; how much of the item is left is the item's (its take); how it is stored, {@code persistence}'s.
 * {@link Claim} is what is shown: the pledge with its item's title and the units' names.
 */
public final class Pledge extends AggregateRoot<PledgeEvent> {

	// which pledge, on what, by whom, for how much: fixed when it is made
	private final UUID id;
	private final UUID itemId;
	private final ClaimerKind claimerKind;
	private final UUID claimerId;
	private final UUID partnerId;
	private final BigDecimal amount;
	private final LocalDate dueOn;
	private final UUID claimedBy;
	private final Instant claimedAt;

	// where it stands, and what the delivery and the acceptance recorded
	private ClaimStatus status;
	private Instant deliveredAt;
	private Instant acceptedAt;
	private UUID acceptedBy;
	private BigDecimal valueYuan;
	private BigDecimal hours;
	private Integer peopleServed;

	// a progress note stays PLEDGED and changes no column: its save writes no row (see moved())
	private boolean moved;

	/** A pledge as stored; registers nothing. */
	public Pledge(UUID id, UUID itemId, ClaimerKind claimerKind, UUID claimerId, UUID partnerId, BigDecimal amount,
			LocalDate dueOn, UUID claimedBy, Instant claimedAt, ClaimStatus status, Instant deliveredAt,
			Instant acceptedAt, UUID acceptedBy, BigDecimal valueYuan, BigDecimal hours, Integer peopleServed,
			int version) {
		super(version);
		this.id = id;
		this.itemId = itemId;
		this.claimerKind = claimerKind;
		this.claimerId = claimerId;
		this.partnerId = partnerId;
		this.amount = amount;
		this.dueOn = dueOn;
		this.claimedBy = claimedBy;
		this.claimedAt = claimedAt;
		this.status = status;
		this.deliveredAt = deliveredAt;
		this.acceptedAt = acceptedAt;
		this.acceptedBy = acceptedBy;
		this.valueYuan = valueYuan;
		this.hours = hours;
		this.peopleServed = peopleServed;
	}

	/**
	 * A claim makes the pledge, PLEDGED (the item's TAKE row and what is left decide whether it may be made, not the
	 * pledge). {@code partnerId} is the unit that delivers: the claimer of a need or project, the offerer of a resource.
	 */
	public static Pledge make(UUID id, UUID itemId, ClaimerKind claimerKind, UUID claimerId, UUID partnerId,
			BigDecimal amount, LocalDate dueOn, UUID by, Instant at) {
		Pledge pledge = new Pledge(id, itemId, claimerKind, claimerId, partnerId, amount, dueOn, by, at,
				ClaimStatus.PLEDGED, null, null, null, null, null, null, 0);
		pledge.register(new PledgeMade(id, itemId, partnerId, claimerKind, claimerId, amount, dueOn, by, at));
		return pledge;
	}

	/** The deliverer notes how far it has come; the pledge stays as it is. */
	public void progress(String note, UUID photoId, UUID by, Instant at) {
		status = ClaimLifecycle.TABLE.next(status, ClaimAction.PROGRESS);
		register(new PledgeProgressed(id, itemId, partnerId, note, photoId, by, at));
	}

	/** The deliverer reports completion with evidence and what it added up to (each figure may be left out). */
	public void deliver(String note, UUID evidenceId, BigDecimal valueYuan, BigDecimal hours, Integer peopleServed,
			UUID by, Instant at) {
		status = ClaimLifecycle.TABLE.next(status, ClaimAction.DELIVER);
		this.deliveredAt = at;
		this.valueYuan = valueYuan;
		this.hours = hours;
		this.peopleServed = peopleServed;
		moved = true;
		register(new PledgeDelivered(id, itemId, partnerId, note, evidenceId, valueYuan, hours, peopleServed, by, at));
	}

	/** The community accepts the delivery; the unit's contribution record counts it from now on. */
	public void accept(String note, UUID by, Instant at) {
		status = ClaimLifecycle.TABLE.next(status, ClaimAction.ACCEPT);
		this.acceptedAt = at;
		this.acceptedBy = by;
		moved = true;
		register(new PledgeAccepted(id, itemId, partnerId, note, by, at));
	}

	/**
	 * The community refuses the delivery: back to PLEDGED, and what the delivery reported (its time, value, hours and
	 * people served) is cleared, so that the next delivery reports it anew and no contribution counts it meanwhile.
	 */
	public void sendBack(String reason, UUID by, Instant at) {
		status = ClaimLifecycle.TABLE.next(status, ClaimAction.SEND_BACK);
		this.deliveredAt = null;
		this.valueYuan = null;
		this.hours = null;
		this.peopleServed = null;
		moved = true;
		register(new PledgeSentBack(id, itemId, partnerId, reason, by, at));
	}

	/**
	 * Whether a step changed the stored pledge. A progress note does not: the repository writes no row and keeps the
	 * version, so that a delivery that read the pledge before the note still finds the version it read.
	 */
	public boolean moved() {
		return moved;
	}

	public UUID id() {
		return id;
	}

	public UUID itemId() {
		return itemId;
	}

	public ClaimerKind claimerKind() {
		return claimerKind;
	}

	public UUID claimerId() {
		return claimerId;
	}

	public UUID partnerId() {
		return partnerId;
	}

	public BigDecimal amount() {
		return amount;
	}

	public LocalDate dueOn() {
		return dueOn;
	}

	public UUID claimedBy() {
		return claimedBy;
	}

	public Instant claimedAt() {
		return claimedAt;
	}

	public ClaimStatus status() {
		return status;
	}

	public Instant deliveredAt() {
		return deliveredAt;
	}

	public Instant acceptedAt() {
		return acceptedAt;
	}

	public UUID acceptedBy() {
		return acceptedBy;
	}

	public BigDecimal valueYuan() {
		return valueYuan;
	}

	public BigDecimal hours() {
		return hours;
	}

	public Integer peopleServed() {
		return peopleServed;
	}
}
