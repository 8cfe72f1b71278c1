package org.zhizhi.points;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/** The shapes of a claim's commands. */
public final class PointsClaimCommands {

	private PointsClaimCommands() {
	}

	/**
	 * A deed claimed under a rule of a scheme on a day: by the person himself (with a photo), or for
	 * {@code nomineeId} by a nominator.
	 */
	public record ClaimDeed(@NotNull(message = PointsCommands.REQUIRED) UUID schemeId,
			@HasText(message = PointsCommands.REQUIRED) String ruleCode,
			@NotNull(message = PointsCommands.REQUIRED) @PlausibleDate LocalDate deedOn,
			@HasText(message = PointsCommands.REQUIRED) @TextLength(min = 4, max = 500,
					message = PointsCommands.LENGTH) String description,
			UUID nomineeId) {
	}

	/** Why: a rejection, an objection, the decision on an objection. */
	public record Reason(@HasText(message = PointsCommands.REQUIRED) @TextLength(min = 2, max = 500,
			message = PointsCommands.LENGTH) String reason) {
	}
}
