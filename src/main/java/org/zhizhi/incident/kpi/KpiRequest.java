package org.zhizhi.incident.kpi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * A KPI request as the API and the desk page take it, all text: an org unit id, and either a preset period
 * ({@code MONTH}: this month so far, {@code YEAR}: this year so far) or the days {@code from}–{@code to} (ISO dates,
 * both included). Nothing given: this month. Bad input is answered with the fields named.
 */
public record KpiRequest(String orgUnitId, String preset, String from, String to) {

	public enum Preset {
		MONTH, YEAR
	}

	public UUID orgUnit() {
		if (orgUnitId == null || orgUnitId.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(orgUnitId.strip());
		}
		catch (IllegalArgumentException e) {
			throw DomainException.invalid(List.of(new FieldProblem("orgUnitId", "kpi.badOrgUnit")));
		}
	}

	public KpiPeriod period(LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate start = date("from", from, today, problems);
		LocalDate end = date("to", to, today, problems);
		Preset chosen = null;
		if (preset != null && !preset.isBlank()) {
			try {
				chosen = Preset.valueOf(preset.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.add(new FieldProblem("preset", "kpi.badPreset"));
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		if (start == null && end == null) {
			return chosen == Preset.YEAR ? KpiPeriod.yearOf(today) : KpiPeriod.monthOf(today);
		}
		if (start == null || end == null) {
			throw DomainException.invalid(List.of(new FieldProblem(start == null ? "from" : "to",
					"validation.required")));
		}
		return new KpiPeriod(start, end);
	}

	/** Years a report's day may lie before or after today, as for every date a person gives (shared PlausibleDate). */
	static final int PLAUSIBLE_YEARS = 10;

	private static LocalDate date(String field, String text, LocalDate today, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.strip());
			if (day.isBefore(today.minusYears(PLAUSIBLE_YEARS)) || day.isAfter(today.plusYears(PLAUSIBLE_YEARS))) {
				// 0001-01-01 would have the report walk two thousand years of empty days
				problems.add(new FieldProblem(field, "validation.implausibleDate", PLAUSIBLE_YEARS, PLAUSIBLE_YEARS));
				return null;
			}
			return day;
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, "kpi.badDate"));
			return null;
		}
	}
}
