package org.zhizhi.wish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * The shape of the wish commands' input — required, length, range — with the wish's stable message keys, checked
 * before a step and collected per field. What the wish's state allows is the {@link Wish}'s to say.
 */
final class WishInput {

	/** A micro-wish is small and near: further than a year ahead it is a project for the three lists. */
	static final int MAX_DAYS_AHEAD = 366;

	static final int MAX_TAKERS = 50;

	private WishInput() {
	}

	/** The community's edit: each field it names must be well formed. */
	static void checkEdit(EditWish command, LocalDate today) {
		requireValid(problems -> {
			if (command.title() != null) {
				text(command.title(), "title", 2, 60, true, problems);
			}
			if (command.description() != null) {
				text(command.description(), "description", 2, 1000, true, problems);
			}
			if (command.publicLabel() != null) {
				text(command.publicLabel(), "publicLabel", 0, 40, false, problems);
			}
			if (command.dueOn() != null) {
				checkDue(command.dueOn(), today, problems);
			}
			if (command.maxTakers() != null) {
				checkMaxTakers(command.maxTakers(), problems);
			}
		});
	}

	/** Runs the checks and refuses with every problem they found. */
	static void requireValid(Consumer<List<FieldProblem>> check) {
		List<FieldProblem> problems = new ArrayList<>();
		check.accept(problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
	}

	static void checkDue(LocalDate dueOn, LocalDate today, List<FieldProblem> problems) {
		if (dueOn == null) {
			problems.add(new FieldProblem("dueOn", "validation.required"));
		}
		else if (dueOn.isBefore(today) || dueOn.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			problems.add(new FieldProblem("dueOn", "wish.dueOnRange", MAX_DAYS_AHEAD));
		}
	}

	static int checkMaxTakers(Integer maxTakers, List<FieldProblem> problems) {
		int value = maxTakers == null ? 1 : maxTakers;
		if (value < 1 || value > MAX_TAKERS) {
			problems.add(new FieldProblem("maxTakers", "wish.maxTakersRange", MAX_TAKERS));
		}
		return value;
	}

	static String text(String value, String field, int min, int max, boolean required,
			List<FieldProblem> problems) {
		String text = value == null ? null : value.strip();
		if (text == null || text.isEmpty()) {
			if (required) {
				problems.add(new FieldProblem(field, "validation.required"));
			}
			return null;
		}
		if (text.codePointCount(0, text.length()) < min || text.codePointCount(0, text.length()) > max) {
			problems.add(new FieldProblem(field, "wish.length", min, max));
		}
		return text;
	}
}
