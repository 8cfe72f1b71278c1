package org.zhizhi.party;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of a post's roster: a member on duty either once ({@code startsAt} … {@code endsAt}) or every week on
 * {@code dayOfWeek} from {@code startTime} to {@code endTime} local time, from {@code validFrom} and, if set, until
 * {@code validUntil} (both days a shift may start on). A weekly shift whose end is not after its start runs past
 * midnight into the next day — the night watch of an estate's gate — and belongs to the day it started.
 */
public record DutyShift(UUID id, UUID postId, UUID memberId, String memberName, ShiftPattern pattern,
		Instant startsAt, Instant endsAt, DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime,
		LocalDate validFrom, LocalDate validUntil) {

	/**
	 * When this shift's duty that covers the moment ends, if it covers it: the moment is inside the once-shift, or
	 * inside the week's hours of a day the weekly shift is valid on (started that day, or the day before when it runs
	 * past midnight). The hours are the platform's local time, so a duty from 20:00 is from 20:00 whatever the
	 * season.
	 */
	public Optional<Instant> coveringUntil(Instant at, ZoneId zone) {
		if (pattern == ShiftPattern.ONCE) {
			return !at.isBefore(startsAt) && at.isBefore(endsAt) ? Optional.of(endsAt) : Optional.empty();
		}
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		LocalDate today = local.toLocalDate();
		for (LocalDate started : new LocalDate[] { today, today.minusDays(1) }) {
			if (started.getDayOfWeek() != dayOfWeek || !validOn(started)) {
				continue;
			}
			ZonedDateTime from = started.atTime(startTime).atZone(zone);
			ZonedDateTime to = (overnight() ? started.plusDays(1) : started).atTime(endTime).atZone(zone);
			if (!at.isBefore(from.toInstant()) && at.isBefore(to.toInstant())) {
				return Optional.of(to.toInstant());
			}
		}
		return Optional.empty();
	}

	/** Whether the weekly hours run past midnight into the next day. */
	public boolean overnight() {
		return pattern == ShiftPattern.WEEKLY && !endTime.isAfter(startTime);
	}

	private boolean validOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
	}
}
