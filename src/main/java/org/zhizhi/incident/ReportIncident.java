package org.zhizhi.incident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * A report as it arrives, from any channel. {@code anonymous} (resident reports only; absent means no) hides the
 * reporter from everyone but himself. Its shape is Bean Validation; whether the category exists and the position lies
 * in a grid of the reporter's scope {@link IncidentManagement} says, together with it.
 */
public record ReportIncident(@NotNull(message = "{validation.required}") Channel channel,
		@HasText(message = "{validation.required}") String categoryCode,
		@HasText(message = "{validation.required}")
		@Size(max = IncidentManagement.MAX_DESCRIPTION, message = "{incident.descriptionTooLong}") String description,
		@NotNull(message = "{validation.required}") @Latitude(message = "{incident.badLat}") Double lat,
		@NotNull(message = "{validation.required}") @Longitude(message = "{incident.badLng}") Double lng,
		Boolean anonymous) {

	public ReportIncident(Channel channel, String categoryCode, String description, Double lat, Double lng) {
		this(channel, categoryCode, description, lat, lng, null);
	}
}
