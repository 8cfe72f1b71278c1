package org.zhizhi.incident;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * A co-unit's step on its part of a tough whistle (answer, done, hand back); which of them needs the note the step
 * says.
 */
public record MovePart(@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		List<UUID> photoIds,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {

	public MovePart {
		photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
	}

	/** The same step with the photos just taken with it. */
	public MovePart withPhotos(List<UUID> ids) {
		return new MovePart(note, ids, lat, lng);
	}
}
