package org.zhizhi.incident.web;

import java.util.ArrayList;
import java.util.List;

import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;
import org.zhizhi.shared.DomainException;

/** What the phone forms share: positions typed as text, uploaded photos, and the domain's refusal beside them. */
final class PhoneForms {

	private PhoneForms() {
	}

	/**
	 * The domain's refusal with the position problems the page found itself (missing, or not a number) in place of
	 * the domain's own for the same fields, which could only say "required" of a value the page could not read.
	 */
	static DomainException merged(DomainException e, List<FieldProblem> positionProblems) {
		if (positionProblems.isEmpty() || e.category() != Category.INVALID || e.fieldProblems().isEmpty()) {
			return e;
		}
		List<FieldProblem> all = new ArrayList<>(positionProblems);
		e.fieldProblems()
			.stream()
			.filter(p -> positionProblems.stream().noneMatch(mine -> mine.field().equals(p.field())))
			.forEach(all::add);
		return DomainException.invalid(all);
	}

	/** A number typed or filled in; a missing or malformed one is a problem of its field. */
	static Double number(String field, String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem(field, "incident.positionMissing"));
			return null;
		}
		try {
			double value = Double.parseDouble(text.strip());
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				problems.add(new FieldProblem(field, "problem.typeMismatch"));
				return null;
			}
			return value;
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "problem.typeMismatch"));
			return null;
		}
	}
}
