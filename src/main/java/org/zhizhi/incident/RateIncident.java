package org.zhizhi.incident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 评价: the reporter's rating of a closed incident (or staff's from a call-back), with a comment — which an unsatisfied
 * rating must have, as the lifecycle says.
 */
public record RateIncident(@NotNull(message = "{validation.required}") Rating rating,
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String comment,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {

	/** A rating's note on the timeline is its comment. */
	@Override
	public String note() {
		return comment;
	}
}
