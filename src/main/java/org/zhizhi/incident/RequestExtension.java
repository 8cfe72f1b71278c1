package org.zhizhi.incident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.Range;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 延期申请: so many hours more (1 to {@link IncidentLifecycle#MAX_EXTENSION_HOURS}), with the reason (the note).
 */
public record RequestExtension(
		@NotNull(message = "{validation.required}")
		@Range(min = 1, max = IncidentLifecycle.MAX_EXTENSION_HOURS,
				message = "{incident.extensionHours}") Integer hours,
		@HasText(message = "{incident.extensionNeedsReason}")
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {
}
