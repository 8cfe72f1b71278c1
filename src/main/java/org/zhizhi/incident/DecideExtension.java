package org.zhizhi.incident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * The tier above approves ({@code true}) or refuses ({@code false}) the pending extension request.
 */
public record DecideExtension(@NotNull(message = "{validation.required}") Boolean approve,
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {
}
