package org.zhizhi.partnership;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.zhizhi.shared.AggregateRoot;
import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;

/**
 * A list item (a need, a resource or a project) as its steps change it: each asks {@link ItemLifecycle}, checks the
 * item's own rules (what is left, that nobody claimed it yet, that every pledge is accepted), changes only what its step
 * changes and registers a past-tense {@link ItemEvent}. Who may take a step is {@link ItemPolicy}'s; {@link ListItem}
 * is what is shown. Only what a step reads or changes is here: the title, the period and the place stay the record's.
 */
public final class Item extends AggregateRoot<ItemEvent> {

	private final UUID id;
	private final UUID communityId;
	private final ItemKind kind;
	// the unit that offers a resource; null for needs and projects
	private final UUID offeredBy;
	private final BigDecimal quantity;

	private ItemStatus status;
	private BigDecimal claimed;
	private Instant firstClaimedAt;
	private Instant completedAt;

	/** An item as stored; registers nothing. */
	public Item(UUID id, UUID communityId, ItemKind kind, UUID offeredBy, BigDecimal quantity, ItemStatus status,
			BigDecimal claimed, Instant firstClaimedAt, Instant completedAt, int version) {
		super(version);
		this.id = id;
		this.communityId = communityId;
		this.kind = kind;
		this.offeredBy = offeredBy;
		this.quantity = quantity;
		this.status = status;
		this.claimed = claimed;
		this.firstClaimedAt = firstClaimedAt;
		this.completedAt = completedAt;
	}

	/**
	 * A claim takes {@code amount}: only from OPEN (409 {@code NOT_OPEN}, the TAKE row's refusal) and only while that
	 * much is left (409 {@code OVER_CLAIMED} with what is left); FULLY_CLAIMED when nothing is left after it. The save
	 * decides a race by what is left, not by the version, so that claimers of parts at once all succeed.
	 */
	public void take(BigDecimal amount, UUID by, Instant at) {
		ItemLifecycle.TABLE.require(status, ItemAction.TAKE);
		if (amount.compareTo(remaining()) > 0) {
			throw new DomainException(Category.CONFLICT, "OVER_CLAIMED", "partnership.overClaimed", remaining());
		}
		ItemStatus from = status;
		claimed = claimed.add(amount);
		status = ItemLifecycle.TABLE.move(status, ItemAction.TAKE,
				claimed.compareTo(quantity) == 0 ? ItemStatus.FULLY_CLAIMED : ItemStatus.OPEN);
		if (firstClaimedAt == null) {
			firstClaimedAt = at;
		}
		register(new ItemTaken(id, communityId, from, status, amount, claimed, by, at));
	}

	/** Taken off the list: from OPEN and before anybody claimed any of it (409 naming its state otherwise). */
	public void withdraw(UUID by, Instant at) {
		if (claimed.signum() != 0) {
			// claimed but still OPEN: the table would allow it, the item's own rule does not
			throw ItemLifecycle.TABLE.illegal(status, ItemAction.WITHDRAW);
		}
		ItemStatus from = status;
		status = ItemLifecycle.TABLE.next(status, ItemAction.WITHDRAW);
		register(new ItemWithdrawn(id, communityId, from, status, by, at));
	}

	/**
	 * Completes the item when its table allows it (fully claimed) and every pledge on it is accepted; otherwise
	 * nothing changes — the acceptance of a pledge asks this and goes on either way. True if it completed.
	 */
	public boolean completeIfDone(Collection<ClaimStatus> pledges, Instant at) {
		if (!ItemLifecycle.TABLE.allows(status, ItemAction.COMPLETE)
				|| !pledges.stream().allMatch(ClaimStatus.ACCEPTED::equals)) {
			return false;
		}
		ItemStatus from = status;
		status = ItemLifecycle.TABLE.next(status, ItemAction.COMPLETE);
		completedAt = at;
		register(new ItemCompleted(id, communityId, from, status, at));
		return true;
	}

	public BigDecimal remaining() {
		return quantity.subtract(claimed);
	}

	public UUID id() {
		return id;
	}

	public UUID communityId() {
		return communityId;
	}

	public ItemKind kind() {
		return kind;
	}

	public UUID offeredBy() {
		return offeredBy;
	}

	public BigDecimal quantity() {
		return quantity;
	}

	public ItemStatus status() {
		return status;
	}

	public BigDecimal claimed() {
		return claimed;
	}

	public Instant firstClaimedAt() {
		return firstClaimedAt;
	}

	public Instant completedAt() {
		return completedAt;
	}
}
