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
	 * incident it answers, if it was blown from one.
	 */
	public record BlowEmergencyWhistle(@NotNull(message = REQUIRED) EmergencyKind kind,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 100, message = LENGTH) String title,
			@TextLength(max = 1000, message = LENGTH) String details,
			@NotEmpty(message = "{command.emergencyNoGrid}") @Size(max = MAX_GRIDS,
					message = "{command.emergencyTooManyGrids}") List<UUID> gridIds,
			@NotEmpty(message = "{command.emergencyNoForce}") Set<EmergencyForce> forces, UUID incidentId) {
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
