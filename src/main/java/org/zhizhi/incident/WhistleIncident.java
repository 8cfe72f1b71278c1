package org.zhizhi.incident;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 网格吹哨: a whistle of a {@code type} (required), dispatched by {@code mode} — by default a quick or emergency
 * whistle is an open call and a tough one goes to its lead unit — with the target fields of {@link AssignIncident}.
 */
public record WhistleIncident(@NotNull(message = "{validation.required}") WhistleType type, DispatchMode mode,
		UUID assigneeId, UUID unitId, String task, List<CoUnitTask> coUnits,
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {

	public WhistleIncident {
		coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
	}

	/** The dispatch that follows the whistle, in the mode it was blown with. */
	AssignIncident dispatch(DispatchMode chosen) {
		return new AssignIncident(chosen, assigneeId, unitId, task, coUnits, note, lat, lng);
	}
}
