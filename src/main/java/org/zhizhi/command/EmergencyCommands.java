package org.zhizhi.command;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Latitude;
import org.zhizhi.shared.Longitude;
import org.zhizhi.shared.TextLength;

/** The shapes of the emergency whistle's commands, one record per step. */
public final class EmergencyCommands {

	static final String REQUIRED = "{validation.required}";

	static final String LENGTH = "{command.length}";

	/** More grids than this in one whistle is a district-wide alarm, not a call to an area's forces. */
	public static final int MAX_GRIDS = 60;

	private EmergencyCommands() {
	}

	/**
	 * An emergency whistle blown over grids of the leader's scope, calling the forces chosen; {@code incidentId} the
	 * incident it answers, if it was blown from one. The grids are those ticked ({@code gridIds}) and those a drawn
	 * {@code area} covers or touches — one of the two at least ({@link EmergencyArea} has the drawing's rules).
	 */
	public record BlowEmergencyWhistle(@NotNull(message = REQUIRED) EmergencyKind kind,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 100, message = LENGTH) String title,
			@TextLength(max = 1000, message = LENGTH) String details,
			@Size(max = MAX_GRIDS, message = "{command.emergencyTooManyGrids}") List<UUID> gridIds,
			@NotEmpty(message = "{command.emergencyNoForce}") Set<EmergencyForce> forces, UUID incidentId,
			DrawnArea area) {

		/** Over ticked grids alone, as before an area could be drawn. */
		public BlowEmergencyWhistle(EmergencyKind kind, String title, String details, List<UUID> gridIds,
				Set<EmergencyForce> forces, UUID incidentId) {
			this(kind, title, details, gridIds, forces, incidentId, null);
		}
	}

	/**
	 * An area drawn on the map, as a GeoJSON Polygon geometry (RFC 7946): {@code type} "Polygon", {@code coordinates}
	 * one ring of [longitude, latitude] positions.
	 */
	public record DrawnArea(String type, List<List<List<Double>>> coordinates) {
	}

	/** 马上到 or 无法前往 (with why). */
	public record AnswerEmergency(@NotNull(message = REQUIRED) AnswerAction answer,
			@TextLength(max = 200, message = LENGTH) String reason) {
	}

	/** 已到达, with the phone's position if it gave one. */
	public record ArriveOnSite(@Latitude(message = "{command.badPosition}") Double lat,
			@Longitude(message = "{command.badPosition}") Double lng) {
	}

	/** 解除: what happened, who came, what was done. */
	public record StandDown(@HasText(message = REQUIRED) @TextLength(min = 2, max = 2000,
			message = LENGTH) String summary) {
	}
}
