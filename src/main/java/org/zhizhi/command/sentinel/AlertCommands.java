package org.zhizhi.command.sentinel;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.Range;
import org.zhizhi.shared.HasText;
import org.zhizhi.shared.Role;
import org.zhizhi.shared.TextLength;

/** The shapes of the sentinel's commands, one record per step; a rule's bounds by kind are {@code Rules}' to check. */
public final class AlertCommands {

	static final String REQUIRED = "{validation.required}";

	static final String LENGTH = "{command.length}";

	private AlertCommands() {
	}

	public record AssignAlert(@NotNull(message = REQUIRED) UUID ownerId) {
	}

	/** Handled: what was done; a note it cannot do without. */
	public record HandleAlert(@HasText(message = REQUIRED) @TextLength(min = 2, max = 500,
			message = LENGTH) String note) {
	}

	/** Closed after handling; a note is optional. */
	public record CloseAlert(@TextLength(min = 0, max = 500, message = LENGTH) String note) {
	}

	/** Closed without action: why it needed none. */
	public record DismissAlert(@HasText(message = REQUIRED) @TextLength(min = 2, max = 500,
			message = LENGTH) String reason) {
	}

	/** A rule as its district's admin sets it; the threshold's bounds depend on the kind. */
	public record UpdateRule(@NotNull(message = REQUIRED) Integer threshold,
			@NotNull(message = REQUIRED) @Range(min = 1, max = 366, message = "{command.windowRange}") Integer windowDays,
			@NotNull(message = REQUIRED) Role ownerRole,
			@NotNull(message = REQUIRED) @Range(min = 1, max = 2160,
					message = "{command.handleWithinRange}") Integer handleWithinHours,
			@NotNull(message = REQUIRED) Boolean enabled) {
	}
}
