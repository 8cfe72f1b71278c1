package org.zhizhi.incident;

import java.util.List;
import java.util.UUID;

/**
 * The fields a step may carry: where the actor stood and the photos he took; the step's own choice (reject reason,
 * triage, whistle type, rating, urging card, extension decision) and note or rating comment; for a whistle, how it is
 * dispatched — to a named member ({@code assigneeId}) or unit ({@code unitId}, the lead unit of a tough whistle with
 * its {@code task}, and {@code coUnits} with theirs); for an extension request, the {@code hours} asked.
 */
public record StepRequest(RejectReason reason, Triage triage, WhistleType type, String note, Double lat, Double lng,
		Rating rating, String comment, DispatchMode mode, UUID assigneeId, UUID unitId, String task,
		List<PartRequest> coUnits, Integer hours, UrgeCard card, Boolean approve, List<UUID> photoIds) {

	/** A co-unit's part of a tough whistle. */
	public record PartRequest(UUID unitId, String task) {
	}

	public StepRequest {
		coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
		photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
	}

	public StepRequest(RejectReason reason, Triage triage, WhistleType type, String note, Double lat, Double lng) {
		this(reason, triage, type, note, lat, lng, null, null);
	}

	public StepRequest(RejectReason reason, Triage triage, WhistleType type, String note, Double lat, Double lng,
			Rating rating, String comment) {
		this(reason, triage, type, note, lat, lng, rating, comment, null, null, null, null, null, null, null, null,
				null);
	}

	/** The same request with these photos. */
	public StepRequest withPhotos(List<UUID> ids) {
		return new StepRequest(reason, triage, type, note, lat, lng, rating, comment, mode, assigneeId, unitId, task,
				coUnits, hours, card, approve, ids);
	}

	public static StepRequest empty() {
		return new StepRequest(null, null, null, null, null, null, null, null);
	}

	public static StepRequest note(String note) {
		return new StepRequest(null, null, null, note, null, null);
	}
}
