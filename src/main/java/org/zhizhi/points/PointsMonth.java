package org.zhizhi.points;

import java.util.List;

/**
 * The points of a scope's people in a period, counted as the module counts them elsewhere: earned — the positive
 * entries of {@code EARN} movements on people's accounts, what an account's total earned (and so every board) adds
 * up; spent — the prices of redemptions the sponsor confirmed in the period, what a scheme's redemption figures add
 * up. Points held for a redemption not yet confirmed are not spent; a reversal or a lapse is neither.
 *
 * @param kinds each kind of scheme with anything earned or spent in the period: 党员积分 is party members', the
 * virtue bank residents', 先锋骑士积分 riders'
 * @param reasons what the most points were earned for, most first
 */
public record PointsMonth(List<ByKind> kinds, List<Reason> reasons) {

	/** The most reasons a month lists. */
	public static final int TOP_REASONS = 5;

	/** @param earners the people who earned anything in the period */
	public record ByKind(SchemeKind kind, long earned, long spent, long earners) {
	}

	/** A reason points were earned for (the rule's name, or the claim's item), the points and how many times. */
	public record Reason(String reason, long points, long times) {
	}

	public long earned() {
		return kinds.stream().mapToLong(ByKind::earned).sum();
	}

	public long spent() {
		return kinds.stream().mapToLong(ByKind::spent).sum();
	}
}
