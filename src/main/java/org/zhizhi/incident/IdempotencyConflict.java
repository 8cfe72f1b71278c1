package org.zhizhi.incident;

import org.zhizhi.shared.DomainException;

/** The same Idempotency-Key sent again with a different body: refused, as the key promises one request only. */
public class IdempotencyConflict extends DomainException {

	public IdempotencyConflict() {
		super(Category.INVALID, "IDEMPOTENCY_KEY_REUSED", "incident.idempotencyKeyReused");
	}
}
