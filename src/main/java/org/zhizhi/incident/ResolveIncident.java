package org.zhizhi.incident;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 办结 by the handler: what was done (the note, required) and the after-photos he attached.
 */
public record ResolveIncident(
		@HasText(message = "{incident.resolveNeedsNote}")
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		List<UUID> photoIds,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {

	public ResolveIncident {
		photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
	}

	/** The same step with the photos just taken with it. */
	public ResolveIncident withPhotos(List<UUID> ids) {
		return new ResolveIncident(note, ids, lat, lng);
	}
}
