package org.zhizhi.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the pages write rates, dates and deadlines, one way on every page ({@code ${@pageFormat.rate(r)}} in a
 * template). A rate always has one decimal ("80.0%", never "80%" beside it); a deadline that falls at midnight is the
 * end of the day before, so it reads "12-07 当日" and not "12-08 00:00", which people take for the 8th; years and
 * ids are written as plain digits, never "1,998" — the message bundles' number format groups them.
 */
@Component
public class PageFormat {

	private static final String NONE = "—";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MM-dd");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final ZoneId zone;

	private final MessageSource messages;

	PageFormat(ZoneId zone, MessageSource messages) {
		this.zone = zone;
		this.messages = messages;
	}

	/** A share (0.8) as a rate with one decimal: "80.0%"; "—" where there is nothing to divide. */
	public String rate(Number share) {
		if (share == null || share instanceof Double d && (d.isNaN() || d.isInfinite())) {
			return NONE;
		}
		return percent(new BigDecimal(share.toString()).movePointRight(2));
	}

	/** A value already in percent (80, 91.25) written as a rate is: "80.0%", "91.3%". */
	public String percent(Number percent) {
		if (percent == null || percent instanceof Double d && (d.isNaN() || d.isInfinite())) {
			return NONE;
		}
		return new BigDecimal(percent.toString()).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	/** A year, an id or a code as plain digits: 1998, never 1,998. */
	public String digits(Number number) {
		return number == null ? NONE : new BigDecimal(number.toString()).toPlainString();
	}

	/** A day: "2026-12-07". */
	public String day(Instant at) {
		return at == null ? NONE : DAY.format(at.atZone(zone));
	}

	/** A day and time: "2026-12-07 09:30". */
	public String dateTime(Instant at) {
		return at == null ? NONE : DAY.format(at.atZone(zone)) + " " + TIME.format(at.atZone(zone));
	}

	/** A deadline within this year's sight, without the year: "12-07 17:30", or "12-07 当日" for one at midnight. */
	public String deadline(Instant due) {
		return deadline(due, SHORT_DAY);
	}

	/** A deadline with its year: "2026-12-07 17:30", or "2026-12-07 当日" for one at midnight. */
	public String fullDeadline(Instant due) {
		return deadline(due, DAY);
	}

	private String deadline(Instant due, DateTimeFormatter days) {
		if (due == null) {
			return NONE;
		}
		LocalDateTime local = LocalDateTime.ofInstant(due, zone);
		if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			// due at 00:00 means "by the end of the day before": the day a person has to finish it
			return endOfDay(local.toLocalDate().minusDays(1), days);
		}
		return days.format(local) + " " + TIME.format(local);
	}

	/** A deadline given as a day, which is the last day to finish on: "12-07 当日". */
	public String deadline(LocalDate lastDay) {
		return lastDay == null ? NONE : endOfDay(lastDay, SHORT_DAY);
	}

	private String endOfDay(LocalDate day, DateTimeFormatter days) {
		return messages.getMessage("format.endOfDay", new Object[] { days.format(day) }, LocaleContextHolder.getLocale());
	}
}
