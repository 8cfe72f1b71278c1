package org.zhizhi.incident;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 线下报到: the handler on site, where he stands (required) and with the photos he attached (the setting says whether one
 * is required).
 */
public record CheckInOnSite(
		@NotNull(message = "{validation.required}")
		@Latitude(message = "{incident.badLat}") Double lat,
		@NotNull(message = "{validation.required}") @Longitude(message = "{incident.badLng}") Double lng,
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		List<UUID> photoIds) implements IncidentCommand {

	public CheckInOnSite {
		photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
	}

	/** The same step with the photos just taken with it. */
	public CheckInOnSite withPhotos(List<UUID> ids) {
		return new CheckInOnSite(lat, lng, note, ids);
	}
}
