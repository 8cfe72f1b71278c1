package org.zhizhi.party;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.zhizhi.shared.HasText;
import org.zhizhi.shared.PlausibleDate;
import org.zhizhi.shared.TextLength;

/** The shapes of the duty posts' commands: a post, a once-shift and a weekly shift of its roster. */
public final class DutyCommands {

	static final String REQUIRED = "{validation.required}";

	static final String LENGTH = "{party.length}";

	/** More grids than a community has make no post: a post is someone's corner, not the district. */
	static final int GRIDS_MAX = 20;

	private DutyCommands() {
	}

	/** A post of an organisation, what the member on it does, and the grids it covers. */
	public record NewDutyPost(@NotNull(message = REQUIRED) UUID orgId, @NotNull(message = REQUIRED) DutyPostKind kind,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 60, message = LENGTH) String name,
			@HasText(message = REQUIRED) @TextLength(min = 2, max = 500, message = LENGTH) String duty,
			@NotEmpty(message = "{party.duty.gridsRequired}")
			@Size(max = GRIDS_MAX, message = "{party.duty.tooManyGrids}") List<@NotNull UUID> gridIds) {
	}

	/** A member on duty once, from a moment to a later one (a week at most). */
	public record NewOnceShift(@NotNull(message = REQUIRED) UUID memberId,
			@NotNull(message = REQUIRED) @PlausibleDate(yearsBack = 1, yearsAhead = 1) Instant startsAt,
			@NotNull(message = REQUIRED) @PlausibleDate(yearsBack = 1, yearsAhead = 1) Instant endsAt) {
	}

	/**
	 * A member on duty every week on a day, between two local times (an end not after the start runs past
	 * midnight), from a day and, if given, until one.
	 */
	public record NewWeeklyShift(@NotNull(message = REQUIRED) UUID memberId,
			@NotNull(message = REQUIRED) DayOfWeek dayOfWeek, @NotNull(message = REQUIRED) LocalTime startTime,
			@NotNull(message = REQUIRED) LocalTime endTime,
			@NotNull(message = REQUIRED) @PlausibleDate(yearsBack = 1, yearsAhead = 1) LocalDate validFrom,
			@PlausibleDate(yearsBack = 1, yearsAhead = 5) LocalDate validUntil) {
	}
}
