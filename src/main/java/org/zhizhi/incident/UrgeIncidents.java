package org.zhizhi.incident;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 批量督办: one card and note for up to {@link BatchUrging#MAX} incidents, each named once.
 */
public record UrgeIncidents(
		@NotEmpty(message = "{validation.required}")
		@Size(max = BatchUrging.MAX, message = "{incident.batchTooLarge}") List<UUID> ids,
		@NotNull(message = "{validation.required}") UrgeCard card,
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note) {

	public UrgeIncidents {
		// an incident chosen twice is urged once, and counts once towards the limit
		ids = ids == null ? null : ids.stream().distinct().toList();
	}

	/** The step each incident of the batch takes. */
	UrgeIncident each() {
		return new UrgeIncident(card, note, null, null);
	}
}
