package org.zhizhi.deliberation;

import java.math.BigDecimal;

/**
 * How a topic is decided, chosen when its vote opens and frozen from the first vote:
 * <ul>
 * <li>{@code SIMPLE_MAJORITY} — more than half of the households that voted said yes (abstaining is voting);
 * <li>{@code HOUSEHOLD_MAJORITY} — more than half of all households concerned said yes;
 * <li>{@code DOUBLE_MAJORITY} (双过半) — owners saying yes are more than half of the owners concerned by number and
 * hold more than half of their floor area, as the Civil Code (art. 278) asks for property matters;
 * <li>{@code REPRESENTATIVES} — a residents' representatives' meeting decides, its minutes recorded;
 * <li>{@code BRANCH} — the party branch decides, its minutes recorded.
 * </ul>
 * The last two take no household vote ({@link #byHouseholds}).
 */
public enum VoteRule {
	SIMPLE_MAJORITY, HOUSEHOLD_MAJORITY, DOUBLE_MAJORITY, REPRESENTATIVES, BRANCH;

	public boolean byHouseholds() {
		return this == SIMPLE_MAJORITY || this == HOUSEHOLD_MAJORITY || this == DOUBLE_MAJORITY;
	}

	/** Whether the tally carries the topic under this rule; a rule without a household vote is never counted. */
	public boolean passes(Tally tally) {
		return switch (this) {
			case SIMPLE_MAJORITY -> tally.cast() > 0 && 2 * tally.yes() > tally.cast();
			case HOUSEHOLD_MAJORITY -> tally.electorate().households() > 0
					&& 2 * tally.yes() > tally.electorate().households();
			case DOUBLE_MAJORITY -> tally.electorate().owners() > 0
					&& 2 * tally.ownersYes() > tally.electorate().owners()
					&& tally.ownersYesArea().multiply(BigDecimal.TWO).compareTo(tally.electorate().ownerArea()) > 0;
			case REPRESENTATIVES, BRANCH -> throw new IllegalStateException(this + " is decided by a meeting, not counted");
		};
	}
}
