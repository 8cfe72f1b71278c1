package org.zhizhi.servicepoint;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.TextLength;

/** The shapes of the errand commands, one record per step. */
public final class ErrandCommands {

	private static final String REQUIRED = ServicePointCommands.REQUIRED;

	private static final String LENGTH = ServicePointCommands.LENGTH;

	private static final String MONEY = "{servicepoint.badMoney}";

	private ErrandCommands() {
	}

	/**
	 * An errand asked: of a kind, with what is needed. {@code residentId} null: for the asker himself (a resident
	 * signed in); otherwise for that resident of the asker's scope, and {@code channel} says how it came in.
	 */
	public record RequestErrand(@HasText(message = REQUIRED) String kind,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 500, message = LENGTH) String details,
			UUID residentId, ErrandChannel channel) {
	}

	public record AssignErrand(@NotNull(message = REQUIRED) UUID runnerId) {
	}

	public record HandBackErrand(@HasText(message = REQUIRED) @TextLength(min = 2, max = 200,
			message = LENGTH) String reason) {
	}

	/** Done: what the runner did, and the money — what he was given and what he spent, in yuan — if any. */
	public record CompleteErrand(@HasText(message = REQUIRED) @TextLength(min = 2, max = 500,
			message = LENGTH) String note,
			@DecimalMin(value = "0", message = MONEY) @DecimalMax(value = "99999", message = MONEY)
			@Digits(integer = 5, fraction = 2, message = MONEY) BigDecimal moneyReceived,
			@DecimalMin(value = "0", message = MONEY) @DecimalMax(value = "99999", message = MONEY)
			@Digits(integer = 5, fraction = 2, message = MONEY) BigDecimal moneySpent) {
	}

	public record CancelErrand(@HasText(message = REQUIRED) @TextLength(min = 2, max = 200,
			message = LENGTH) String reason) {
	}
}
