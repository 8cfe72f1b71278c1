package org.zhizhi.points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/** The shapes of the points desk's commands: a scheme, a rule, a rule's next version, a reversal. */
public final class PointsCommands {

	static final String REQUIRED = "{validation.required}";

	static final String LENGTH = "{points.length}";

	static final String RANGE = "{points.range}";

	private PointsCommands() {
	}

	/** A scheme run by a node of the caller's scope. */
	public record NewScheme(@NotNull(message = REQUIRED) SchemeKind kind,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String name,
			@NotNull(message = REQUIRED) UUID orgUnitId,
			@NotNull(message = REQUIRED) @DecimalMin(value = "0", message = RANGE)
			@DecimalMax(value = "1000", message = RANGE) BigDecimal yuanPerPoint,
			@Min(value = 1, message = RANGE) @Max(value = 120, message = RANGE) Integer expiryMonths,
			@Min(value = 0, message = RANGE) @Max(value = 30, message = RANGE) Integer noticeDays) {
	}

	/** A rule's first version. */
	public record NewRule(@HasText(message = REQUIRED) @TextLength(min = 2, max = 40, message = LENGTH) String code,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String name,
			Dimension dimension, @NotNull(message = REQUIRED) RuleSource source,
			@NotNull(message = REQUIRED) @Min(value = 1, message = RANGE) @Max(value = 1000, message = RANGE) Integer points,
			@Min(value = 1, message = RANGE) @Max(value = 100000, message = RANGE) Integer dailyCap,
			@Min(value = 1, message = RANGE) @Max(value = 1000000, message = RANGE) Integer monthlyCap,
			@NotNull(message = REQUIRED) @PlausibleDate LocalDate validFrom) {
	}

	/** A rule's next version, from a day on. */
	public record ReviseRule(@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String name,
			@NotNull(message = REQUIRED) @Min(value = 1, message = RANGE) @Max(value = 1000, message = RANGE) Integer points,
			@Min(value = 1, message = RANGE) @Max(value = 100000, message = RANGE) Integer dailyCap,
			@Min(value = 1, message = RANGE) @Max(value = 1000000, message = RANGE) Integer monthlyCap,
			@NotNull(message = REQUIRED) @PlausibleDate LocalDate validFrom) {
	}

	/** A correction: the movement undone by its mirror image, with the reason. */
	public record ReverseMovement(
			@HasText(message = REQUIRED) @TextLength(min = 4, max = 200, message = LENGTH) String reason) {
	}
}
