package org.zhizhi.incident.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The community's working calendar: the office hours of a working day, which weekdays are working days, the public
 * holidays that are not, and the adjusted working days (调休) — usually a Saturday or Sunday — that are. Time is
 * counted in the calendar's zone; {@code Asia/Shanghai} has had no daylight saving since 1991, but the arithmetic goes
 * through the zone's rules, so a zone with DST would still be right.
 */
public final class WorkingCalendar {

	/** Longer than any deadline we configure (30 working days) by far; only a calendar without working days hits it. */
	private static final int MAX_DAYS_SCANNED = 3_660;

	/** One stretch of office hours within a day, e.g. 09:00–12:00. */
	public record Hours(LocalTime start, LocalTime end) {

		public Hours {
			if (start == null || end == null || !start.isBefore(end)) {
				throw new IllegalArgumentException("office hours run from an earlier to a later time: " + start + "-"
						+ end);
			}
		}

		/** {@code "09:00-12:00"}. */
		public static Hours parse(String text) {
			String[] parts = text.strip().split("-");
			if (parts.length != 2) {
				throw new IllegalArgumentException("office hours look like 09:00-12:00, not " + text);
			}
			return new Hours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
		}

		Duration length() {
			return Duration.between(start, end);
		}
	}

	private record Span(Instant start, Instant end) {
	}

	private final ZoneId zone;

	private final Set<DayOfWeek> workingDays;

	private final List<Hours> hours;

	private final Set<LocalDate> holidays;

	private final Set<LocalDate> adjustedWorkingDays;

	public WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<Hours> hours, Set<LocalDate> holidays,
			Set<LocalDate> adjustedWorkingDays) {
		if (zone == null) {
			throw new IllegalArgumentException("a working calendar needs a time zone");
		}
		if (workingDays == null || workingDays.isEmpty()) {
			throw new IllegalArgumentException("a working calendar needs at least one working weekday");
		}
		if (hours == null || hours.isEmpty()) {
			throw new IllegalArgumentException("a working calendar needs office hours");
		}
		List<Hours> sorted = hours.stream().sorted(Comparator.comparing(Hours::start)).toList();
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
				throw new IllegalArgumentException("office hours overlap: " + sorted.get(i - 1) + ", " + sorted.get(i));
			}
		}
		Set<LocalDate> both = new TreeSet<>(holidays == null ? Set.of() : holidays);
		both.retainAll(adjustedWorkingDays == null ? Set.of() : adjustedWorkingDays);
		if (!both.isEmpty()) {
			throw new IllegalArgumentException("a day cannot be both a holiday and an adjusted working day: " + both);
		}
		this.zone = zone;
		this.workingDays = EnumSet.copyOf(workingDays);
		this.hours = sorted;
		this.holidays = Set.copyOf(holidays == null ? Set.of() : holidays);
		this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays == null ? Set.of() : adjustedWorkingDays);
	}

	public ZoneId zone() {
		return zone;
	}

	/** Whether any public holiday of this year is configured: a year without one has not been entered yet. */
	public boolean hasHolidaysIn(int year) {
		return holidays.stream().anyMatch(day -> day.getYear() == year);
	}

	/** The office hours of a working day, earliest first. */
	public List<Hours> hours() {
		return hours;
	}

	/** An adjusted working day (调休) is one whatever its weekday; a holiday is none; otherwise the weekday decides. */
	public boolean isWorkingDay(LocalDate date) {
		if (adjustedWorkingDays.contains(date)) {
			return true;
		}
		return !holidays.contains(date) && workingDays.contains(date.getDayOfWeek());
	}

	/** Whether the instant falls inside office hours of a working day (an end instant is outside: 12:00 is lunch). */
	public boolean isWorkingTime(Instant instant) {
		return spans(LocalDate.ofInstant(instant, zone), true).stream()
			.anyMatch(s -> !instant.isBefore(s.start()) && instant.isBefore(s.end()));
	}

	/**
	 * The instant by which {@code amount} of office time has passed since {@code start}. Time outside office hours does
	 * not count, so work handed over at 17:30 on a Friday with one hour to go is due at 09:30 on Monday. An amount that
	 * ends exactly at the close of a stretch is due at its close (12:00), not at the next opening. Zero is due at once.
	 */
	public Instant addWorkingTime(Instant start, Duration amount) {
		return add(start, amount, true);
	}

	/** The office time between two instants; negative when {@code to} lies before {@code from}. */
	public Duration workingTimeBetween(Instant from, Instant to) {
		return between(from, to, true);
	}

	/**
	 * The instant by which {@code amount} has passed on working days, counting whole days (around the clock) but
	 * skipping weekends and holidays: "within 24 hours" from a Friday 17:00 is Monday 17:00 (节假日顺延).
	 */
	public Instant addOnWorkingDays(Instant start, Duration amount) {
		return add(start, amount, false);
	}

	/** The time between two instants that lies on working days; negative when {@code to} lies before {@code from}. */
	public Duration timeOnWorkingDaysBetween(Instant from, Instant to) {
		return between(from, to, false);
	}

	private Instant add(Instant start, Duration amount, boolean officeHoursOnly) {
		if (start == null || amount == null) {
			throw new IllegalArgumentException("a start and an amount are needed");
		}
		if (amount.isNegative()) {
			throw new IllegalArgumentException("cannot add a negative amount of working time: " + amount);
		}
		if (amount.isZero()) {
			return start;
		}
		Duration remaining = amount;
		LocalDate date = LocalDate.ofInstant(start, zone);
		for (int day = 0; day < MAX_DAYS_SCANNED; day++, date = date.plusDays(1)) {
			for (Span span : spans(date, officeHoursOnly)) {
				if (!start.isBefore(span.end())) {
					continue;
				}
				Instant from = start.isAfter(span.start()) ? start : span.start();
				Duration available = Duration.between(from, span.end());
				if (remaining.compareTo(available) <= 0) {
					return from.plus(remaining);
				}
				remaining = remaining.minus(available);
			}
		}
		throw new IllegalStateException("no working time within " + MAX_DAYS_SCANNED + " days of " + start);
	}

	private Duration between(Instant from, Instant to, boolean officeHoursOnly) {
		if (from == null || to == null) {
			throw new IllegalArgumentException("two instants are needed");
		}
		if (to.isBefore(from)) {
			return between(to, from, officeHoursOnly).negated();
		}
		Duration total = Duration.ZERO;
		LocalDate last = LocalDate.ofInstant(to, zone);
		for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
			for (Span span : spans(date, officeHoursOnly)) {
				Instant start = from.isAfter(span.start()) ? from : span.start();
				Instant end = to.isBefore(span.end()) ? to : span.end();
				if (start.isBefore(end)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/** The counted stretches of one day, in order: its office hours, or the whole day, or nothing on a day off. */
	private List<Span> spans(LocalDate date, boolean officeHoursOnly) {
		if (!isWorkingDay(date)) {
			return List.of();
		}
		if (!officeHoursOnly) {
			return List.of(new Span(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant()));
		}
		List<Span> spans = new ArrayList<>(hours.size());
		for (Hours h : hours) {
			spans.add(new Span(date.atTime(h.start()).atZone(zone).toInstant(),
					date.atTime(h.end()).atZone(zone).toInstant()));
		}
		return spans;
	}
}
