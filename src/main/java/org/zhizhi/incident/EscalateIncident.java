package org.zhizhi.incident;

import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 分级响应 by hand: the incident goes one tier up, with the reason (the note).
 */
public record EscalateIncident(
		@HasText(message = "{incident.escalateNeedsNote}")
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {
}
