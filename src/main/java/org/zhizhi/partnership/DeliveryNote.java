package org.zhizhi.partnership;

import java.time.Instant;
import java.util.UUID;

/**
 * An insert-only entry of a pledge's delivery: progress with a photo, the completion with its evidence, the acceptance
 * — or the community's refusal of a delivery with its reason (SENT_BACK), after which the pledge is delivered again.
 */
public record DeliveryNote(UUID id, UUID claimId, Kind kind, String note, UUID documentId, Instant at) {

	public enum Kind {
		PROGRESS, COMPLETION, ACCEPTANCE, SENT_BACK
	}
}
