package org.zhizhi.points;

import java.time.Instant;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;

/**
 * A reward redeemed: its price in points held from the person's account until the sponsor confirms it with the code
 * the person shows (the points go to the sponsor) or someone cancels it (they go back, and so does the stock).
 */
public final class Redemption extends AggregateRoot<Void> {

	private final UUID id;

	private final UUID schemeId;

	private final UUID rewardId;

	private final UUID sponsorId;

	private final UUID holderId;

	private final String holderName;

	private final int price;

	private final String code;

	private final Instant heldAt;

	private final UUID holdMovement;

	private RedemptionState state;

	private Instant settledAt;

	private UUID settledBy;

	private UUID settleMovement;

	public Redemption(UUID id, UUID schemeId, UUID rewardId, UUID sponsorId, UUID holderId, String holderName,
			int price, String code, Instant heldAt, UUID holdMovement, RedemptionState state, Instant settledAt,
			UUID settledBy, UUID settleMovement, int version) {
		super(version);
		this.id = id;
		this.schemeId = schemeId;
		this.rewardId = rewardId;
		this.sponsorId = sponsorId;
		this.holderId = holderId;
		this.holderName = holderName;
		this.price = price;
		this.code = code;
		this.heldAt = heldAt;
		this.holdMovement = holdMovement;
		this.state = state;
		this.settledAt = settledAt;
		this.settledBy = settledBy;
		this.settleMovement = settleMovement;
	}

	public void confirm(UUID by, Instant at, UUID movement) {
		settle(RedemptionAction.CONFIRM, by, at, movement);
	}

	public void cancel(UUID by, Instant at, UUID movement) {
		settle(RedemptionAction.CANCEL, by, at, movement);
	}

	private void settle(RedemptionAction action, UUID by, Instant at, UUID movement) {
		state = RedemptionLifecycle.TABLE.next(state, action);
		settledBy = by;
		settledAt = at;
		settleMovement = movement;
	}

	public void check(RedemptionAction action) {
		RedemptionLifecycle.TABLE.require(state, action);
	}

	public UUID id() {
		return id;
	}

	public UUID schemeId() {
		return schemeId;
	}

	public UUID rewardId() {
		return rewardId;
	}

	public UUID sponsorId() {
		return sponsorId;
	}

	public UUID holderId() {
		return holderId;
	}

	public String holderName() {
		return holderName;
	}

	public int price() {
		return price;
	}

	public String code() {
		return code;
	}

	public Instant heldAt() {
		return heldAt;
	}

	public UUID holdMovement() {
		return holdMovement;
	}

	public RedemptionState state() {
		return state;
	}

	public Instant settledAt() {
		return settledAt;
	}

	public UUID settledBy() {
		return settledBy;
	}

	public UUID settleMovement() {
		return settleMovement;
	}
}
