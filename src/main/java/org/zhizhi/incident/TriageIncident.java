package org.zhizhi.incident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 三事分流: public, community or private; a private matter needs its note, which the lifecycle says (it depends on the
 * choice).
 */
public record TriageIncident(@NotNull(message = "{validation.required}") Triage triage,
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {
}
