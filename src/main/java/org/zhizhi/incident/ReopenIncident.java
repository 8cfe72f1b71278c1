package org.zhizhi.incident;

import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * After an unsatisfied rating, the community reopens the incident, saying why (the note).
 */
public record ReopenIncident(
		@HasText(message = "{incident.reopenNeedsNote}")
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {
}
