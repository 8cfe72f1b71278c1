package org.zhizhi.open311.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.zhizhi.open311.Open311Refusal;
import org.zhizhi.open311.ServiceRequests;

/** The query parameters of the request searches, read the way GeoReport v2 writes them; mistakes go to {@code errors}. */
final class Open311Query {

	private final Clock clock;

	private final ZoneId zone;

	Open311Query(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
	}

	/** start and end of a query: both given, or the default 90 days up to end_date (or now). */
	Instant[] window(String startDate, String endDate, List<Open311Refusal.Error> errors) {
		boolean endGiven = endDate != null && !endDate.isBlank();
		Instant end = endGiven ? instant(endDate, true, "end_date", errors) : clock.instant();
		Instant start = startDate == null || startDate.isBlank()
				? (end == null ? null : end.minus(Duration.ofDays(ServiceRequests.DEFAULT_DAYS)))
				: instant(startDate, false, "start_date", errors);
		if (!endGiven && start != null && start.isAfter(end)) {
			// a start in the future alone is a question with an empty answer, not a mistake
			end = start;
		}
		if (start != null && end != null && start.isAfter(end)) {
			errors.add(new Open311Refusal.Error(400, "start_date", "open311.startAfterEnd"));
		}
		return new Instant[] { start, end };
	}

	/** A W3C date-time with offset; without an offset the installation's; a bare date its first or last second. */
	private Instant instant(String text, boolean end, String field, List<Open311Refusal.Error> errors) {
		String value = text.strip();
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			// try the lesser forms
		}
		try {
			return LocalDateTime.parse(value).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			// try a bare date
		}
		try {
			LocalDate date = LocalDate.parse(value);
			return end ? date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
					: date.atStartOfDay(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			errors.add(new Open311Refusal.Error(400, field, "open311.badDate", value));
			return null;
		}
	}

	/** open, closed or both (comma list); null means either. */
	static Boolean status(String status, List<Open311Refusal.Error> errors) {
		List<String> wanted = list(status);
		if (wanted.isEmpty()) {
			return null;
		}
		boolean open = false;
		boolean closed = false;
		for (String s : wanted) {
			switch (s.toLowerCase(Locale.ROOT)) {
				case "open" -> open = true;
				case "closed" -> closed = true;
				default -> errors.add(new Open311Refusal.Error(400, "status", "open311.badStatus", s));
			}
		}
		return open == closed ? null : closed;
	}

	/** page (from 1) and page_size (1 to 1000, default 1000). */
	static int[] paging(String page, String pageSize, List<Open311Refusal.Error> errors) {
		int number = integer(page, 1, "page", 1, org.zhizhi.shared.Paging.MAX_PAGE, errors);
		int size = integer(pageSize, ServiceRequests.MAX_RESULTS, "page_size", 1, ServiceRequests.MAX_RESULTS,
				errors);
		return new int[] { number, size };
	}

	private static int integer(String text, int fallback, String field, int min, int max,
			List<Open311Refusal.Error> errors) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(text.strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// told below
		}
		errors.add(new Open311Refusal.Error(400, field, "open311.badNumber", min, max));
		return fallback;
	}

	static List<String> list(String commaList) {
		if (commaList == null || commaList.isBlank()) {
			return List.of();
		}
		return Arrays.stream(commaList.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
