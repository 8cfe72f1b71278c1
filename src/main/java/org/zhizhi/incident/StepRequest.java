package org.zhizhi.incident;

/**
 * The fields a step may carry: where the actor stood, and the step's own choice (reject reason, triage, whistle type)
 * and note.
 */
public record StepRequest(RejectReason reason, Triage triage, WhistleType type, String note, Double lat, Double lng) {

	public static StepRequest empty() {
		return new StepRequest(null, null, null, null, null, null);
	}
}
