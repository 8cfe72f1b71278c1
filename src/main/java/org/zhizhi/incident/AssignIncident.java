package org.zhizhi.incident;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;

/**
 * 指派 or 轮派 of an order waiting for a taker: {@code mode} ASSIGN (the default) to a named member
 * ({@code assigneeId}) or unit ({@code unitId}, a tough whistle's lead unit with its {@code task} and its
 * {@code coUnits}), or ROUND_ROBIN to the next member in turn. Which target is allowed, and whether it serves the
 * place, depends on the whistle and is {@link IncidentDispatch}'s to say.
 */
public record AssignIncident(DispatchMode mode, UUID assigneeId, UUID unitId, String task,
		List<CoUnitTask> coUnits,
		@Size(max = IncidentSteps.MAX_NOTE, message = "{incident.noteTooLong}") String note,
		@Latitude(message = "{incident.badLat}") Double lat,
		@Longitude(message = "{incident.badLng}") Double lng) implements IncidentCommand {

	public AssignIncident {
		coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
	}
}
