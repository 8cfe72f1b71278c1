package org.zhizhi.wish;

import java.time.LocalDate;
import java.util.List;

import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * What the wish commands' shape cannot say on one component: the due date's range counts from today. The shape itself
 * (required, length in characters as a person counts them, the number of takers) is on the command records, checked
 * by {@code shared.CommandShape}; what the wish's state allows is the {@link Wish}'s to say.
 */
final class WishInput {

	static final String REQUIRED = "{validation.required}";

	/** "长度须在 {0} 到 {1} 个字之间": a {@code TextLength} names both bounds. */
	static final String LENGTH = "{wish.length}";

	/** A micro-wish is small and near: further than a year ahead it is a project for the three lists. */
	static final int MAX_DAYS_AHEAD = 366;

	static final int MAX_TAKERS = 50;

	private WishInput() {
	}

	/** A due date from today up to {@link #MAX_DAYS_AHEAD} days ahead; a missing one is the shape's to tell. */
	static void checkDue(LocalDate dueOn, LocalDate today, List<FieldProblem> problems) {
		if (dueOn != null && (dueOn.isBefore(today) || dueOn.isAfter(today.plusDays(MAX_DAYS_AHEAD)))) {
			problems.add(new FieldProblem("dueOn", "wish.dueOnRange", MAX_DAYS_AHEAD));
		}
	}

	/** Text as stored: stripped, none when blank. */
	static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
