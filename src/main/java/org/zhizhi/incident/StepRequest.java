package org.zhizhi.incident;

/**
 * The fields a step may carry: where the actor stood, and the step's own choice (reject reason, triage, whistle type,
 * rating) and note or rating comment.
 */
public record StepRequest(RejectReason reason, Triage triage, WhistleType type, String note, Double lat, Double lng,
		Rating rating, String comment) {

	public StepRequest(RejectReason reason, Triage triage, WhistleType type, String note, Double lat, Double lng) {
		this(reason, triage, type, note, lat, lng, null, null);
	}

	public static StepRequest empty() {
		return new StepRequest(null, null, null, null, null, null, null, null);
	}
}
