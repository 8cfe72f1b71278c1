package org.zhizhi.wish;

/**
 * Where a wish stands; {@link WishLifecycle} says which steps lead where. TAKEN holds while the takers work (a wish open
 * to several takers stays takeable until it is full); RAISED is an unclaimed wish past its date, back with the community.
 */
public enum WishState {
	POSTED, APPROVED, REFUSED, PUBLISHED, DISPATCHED, TAKEN, FULFILLED, CONFIRMED, RAISED;

	/** Where a take may still come: on the wall, with a named taker, or taken with places left. */
	public boolean takeable() {
		return this == PUBLISHED || this == DISPATCHED || this == TAKEN;
	}

	/** On the wall or with a named taker and nobody has it yet: what the expiry sweep raises. */
	public boolean unclaimed() {
		return this == PUBLISHED || this == DISPATCHED;
	}
}
