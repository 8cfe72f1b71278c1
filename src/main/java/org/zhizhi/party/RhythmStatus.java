package org.zhizhi.party;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Where an organisation stands with one kind of meeting on a day: the period it is in (from {@code periodStart} to the
 * day before {@code periodEnd}), whether a meeting of the kind was held in it or is scheduled in it, whether the
 * previous period went by without one, and so whether the organisation is behind its rhythm.
 */
public record RhythmStatus(MeetingKind kind, int months, LocalDate periodStart, LocalDate periodEnd, boolean held,
		boolean scheduled, boolean missedLastPeriod, boolean behind) {

	/**
	 * The status on {@code today}, from the days of the kind's meetings held and still scheduled. Behind is: nothing
	 * held in this period yet, and either the last period ended without a meeting held (unless the organisation was
	 * founded after it began) or this period is within its warning days of ending with nothing scheduled either. A
	 * meeting held now puts it back on its rhythm; the missed period stays told.
	 */
	public static RhythmStatus of(MeetingRhythm rhythm, Collection<LocalDate> heldOn,
			Collection<LocalDate> scheduledOn, LocalDate foundedOn, LocalDate today) {
		LocalDate start = rhythm.periodStart(today);
		LocalDate end = rhythm.periodEnd(today);
		LocalDate lastStart = start.minusMonths(rhythm.months());
		boolean held = heldOn.stream().anyMatch(day -> within(day, start, end));
		boolean scheduled = scheduledOn.stream().anyMatch(day -> within(day, start, end));
		boolean missed = !foundedOn.isAfter(lastStart) && heldOn.stream().noneMatch(day -> within(day, lastStart, start));
		boolean late = !scheduled && !today.plusDays(rhythm.warnDays()).isBefore(end);
		return new RhythmStatus(rhythm.kind(), rhythm.months(), start, end, held, scheduled, missed,
				!held && (missed || late));
	}

	private static boolean within(LocalDate day, LocalDate from, LocalDate until) {
		return !day.isBefore(from) && day.isBefore(until);
	}
}
