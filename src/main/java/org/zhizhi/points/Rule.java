package org.zhizhi.points;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhizhi.shared.DomainException;
import org.zhizhi.shared.DomainException.Category;
import org.zhizhi.shared.DomainException.FieldProblem;

/**
 * One version of a rule of a scheme: what earns how many points, in which dimension, with caps per person per day and
 * month (across all versions of the rule), valid from a day until the next version begins. A version once used is
 * frozen — what was earned under it stays explained by it; a change is a new version from a day on.
 */
public record Rule(UUID id, UUID schemeId, String code, int version, String name, Dimension dimension,
		RuleSource source, int points, Integer dailyCap, Integer monthlyCap, LocalDate validFrom, LocalDate validUntil,
		boolean inUse) {

	/** Whether this version is the one that applies on the day. */
	public boolean appliesOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validUntil == null || day.isBefore(validUntil));
	}

	/**
	 * The points one more deed earns a person who earned {@code today} and {@code thisMonth} under this rule already:
	 * the rule's points, cut to what the caps leave (never below zero).
	 */
	public long pointsWithin(long today, long thisMonth) {
		return pointsWithin(today, thisMonth, 1);
	}

	/** The same for {@code units} of the deed at once (hours served: the rule's points per hour). */
	public long pointsWithin(long today, long thisMonth, long units) {
		long left = points * Math.max(0, units);
		if (dailyCap != null) {
			left = Math.min(left, dailyCap - today);
		}
		if (monthlyCap != null) {
			left = Math.min(left, monthlyCap - thisMonth);
		}
		return Math.max(0, left);
	}

	/**
	 * What goes back to the pool when a deed that paid {@code paid} under this rule is corrected to {@code units} (the
	 * hours an activity's hours are corrected to): what it paid beyond the units' worth — hours the caps never paid are
	 * not taken back — but never more than the holder still has, and never below zero.
	 */
	public long takenBack(long paid, long units, long balance) {
		return Math.max(0, Math.min(paid - (long) points * Math.max(0, units), balance));
	}

	/**
	 * The next version, from {@code from} on: this one ends that day. It must begin after this version began and, once
	 * this version is in use, not before {@code today} — what was earned stays earned under the rule of its day.
	 */
	public Rule revise(UUID newId, String newName, int newPoints, Integer newDailyCap, Integer newMonthlyCap,
			LocalDate from, LocalDate today) {
		if (validUntil != null) {
			throw new DomainException(Category.CONFLICT, "NOT_LATEST_VERSION", "points.notLatestVersion", version);
		}
		if (!from.isAfter(validFrom) || (inUse && from.isBefore(today))) {
			throw DomainException.invalid(List.of(new FieldProblem("validFrom", "points.revisionDate")));
		}
		return new Rule(newId, schemeId, code, version + 1, newName, dimension, source, newPoints, newDailyCap,
				newMonthlyCap, from, null, false);
	}

	/** This version, ended on the day the next begins. */
	public Rule endingOn(LocalDate day) {
		return new Rule(id, schemeId, code, version, name, dimension, source, points, dailyCap, monthlyCap, validFrom,
				day, inUse);
	}
}
