package org.zhizhi.incident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 督办: a yellow or red card, with a note for whoever holds the incident.
 */
public record UrgeIncident(@NotNull(message = "{validation.required}") UrgeCard card,
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {
}
