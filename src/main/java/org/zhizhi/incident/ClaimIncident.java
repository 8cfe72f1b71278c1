package org.zhizhi.incident;

import jakarta.validation.constraints.Size;

import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 党员接单: a party member takes an open call.
 */
public record ClaimIncident(@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {
}
