package org.zhizhi.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * Values typed into a server-rendered form, read as what the command expects: blank is "not given" (the command decides
 * whether that is allowed), and text that is not a number or a date is refused as a problem of its field — the same
 * refusal the API gives for a mistyped JSON value, so the page can name the field in Chinese.
 */
public final class FormValues {

	private FormValues() {
	}

	public static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw mistyped(field);
		}
	}

	public static BigDecimal decimal(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException e) {
			throw mistyped(field);
		}
	}

	public static Integer integer(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw mistyped(field);
		}
	}

	private static DomainException mistyped(String field) {
		return DomainException.invalid(List.of(new FieldProblem(field, "problem.typeMismatch")));
	}
}
