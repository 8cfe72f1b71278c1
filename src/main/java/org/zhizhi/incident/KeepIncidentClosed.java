package org.zhizhi.incident;

import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * After an unsatisfied rating, the community records why the incident stays closed (the note).
 */
public record KeepIncidentClosed(
		@HasText(message = "{incident.keepClosedNeedsNote}")
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {
}
