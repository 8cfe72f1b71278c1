package org.zhizhi.incident;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 进展: a progress note (required), with photos the writer attached, maybe; the incident does not move.
 */
public record AddNote(
		@HasText(message = "{incident.noteRequired}")
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		List<UUID> photoIds,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {

	public AddNote {
		photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
	}

	/** The same step with the photos just taken with it. */
	public AddNote withPhotos(List<UUID> ids) {
		return new AddNote(note, ids, lat, lng);
	}
}
