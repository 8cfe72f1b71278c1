package org.zhizhi.deliberation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The count of a vote: one vote per household, as cast now; the owners among the yes votes with their floor area (for
 * 双过半); the electorate it is counted against. Exact: counts are whole numbers, areas decimals, and no percentage is
 * ever compared — a rule compares {@code 2 × yes} with its denominator.
 */
public record Tally(long yes, long no, long abstain, long ownersYes, BigDecimal ownersYesArea, Electorate electorate) {

	public Tally {
		if (yes < 0 || no < 0 || abstain < 0 || ownersYes < 0 || ownersYes > yes
				|| yes + no + abstain > electorate.households() || ownersYes > electorate.owners()
				|| ownersYesArea.compareTo(electorate.ownerArea()) > 0) {
			throw new IllegalArgumentException("an impossible tally: " + yes + "/" + no + "/" + abstain + " of "
					+ electorate);
		}
	}

	public static Tally empty(Electorate electorate) {
		return new Tally(0, 0, 0, 0, BigDecimal.ZERO, electorate);
	}

	/** How many households voted (abstaining is voting). */
	public long cast() {
		return yes + no + abstain;
	}

	/** Turnout in per cent of the households concerned, one decimal, for people to read — never for a rule. */
	public BigDecimal turnoutPercent() {
		return percent(cast(), electorate.households());
	}

	public BigDecimal yesPercentOfCast() {
		return percent(yes, cast());
	}

	static BigDecimal percent(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}
}
