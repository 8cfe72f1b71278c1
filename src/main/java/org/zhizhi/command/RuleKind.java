package org.zhizhi.command;

import org.zhizhi.shared.Role;

/**
 * The conditions the sentinel knows, each read from the module that holds its facts, with how the measure compares to
 * the threshold, the bounds a district admin may set, and the defaults a district starts with (the seeds' figures).
 *
 * @param comparison how the measure meets the threshold
 * @param subject what one alert of the kind is about
 */
public enum RuleKind {

	/** 物业矛盾纠纷: disputes about one estate's property recorded within the window (seed 003: ≥3 in 7 days). */
	ESTATE_COMPLAINTS(Comparison.AT_LEAST, SubjectKind.ESTATE, 3, 7, 1, 100, Role.COMMUNITY_STAFF, 72),
	/** Closed incidents of a grid rated 不满意 within the window. */
	GRID_UNSATISFIED(Comparison.AT_LEAST, SubjectKind.GRID, 2, 30, 1, 100, Role.COMMUNITY_STAFF, 72),
	/** Incidents of a grid whose resolution deadline passed within the window before they were closed. */
	OVERDUE_SPIKE(Comparison.AT_LEAST, SubjectKind.GRID, 3, 7, 1, 200, Role.STREET_STAFF, 48),
	/** A self-run building whose share of bills paid, for the months begun within the window, is below the threshold. */
	SELF_RUN_FEES(Comparison.BELOW, SubjectKind.BUILDING, 80, 31, 1, 100, Role.COMMUNITY_STAFF, 168),
	/** A property company whose latest inspection of an estate scored this many points (of 100) below the one before. */
	INSPECTION_DROP(Comparison.AT_LEAST, SubjectKind.COMPANY, 10, 62, 1, 100, Role.STREET_STAFF, 168),
	/** A grid in use with no patrol report for this many days (looked for within the window; seeds: daily rounds). */
	GRID_WITHOUT_PATROL(Comparison.AT_LEAST, SubjectKind.GRID, 21, 60, 1, 365, Role.COMMUNITY_STAFF, 48),
	/** An elder living alone whose paired visit is this many days past due (the window is not used). */
	ELDER_NOT_VISITED(Comparison.AT_LEAST, SubjectKind.PAIRING, 3, 92, 0, 92, Role.COMMUNITY_STAFF, 48),
	/**
	 * 三会一课 / 主题党日: a party organisation behind the rhythm of this many of its meeting formats (the party module's
	 * rhythm: nothing held yet this period, and the last period missed or this one ending with nothing scheduled).
	 * The window is not used: the rhythm has its own periods.
	 */
	MEETINGS_BEHIND(Comparison.AT_LEAST, SubjectKind.PARTY_ORG, 1, 31, 1, 5, Role.COMMUNITY_STAFF, 168);

	/** How a measure meets a threshold. */
	public enum Comparison {
		AT_LEAST, BELOW;

		public boolean meets(int measure, int threshold) {
			return this == AT_LEAST ? measure >= threshold : measure < threshold;
		}
	}

	private final Comparison comparison;

	private final SubjectKind subject;

	private final int defaultThreshold;

	private final int defaultWindowDays;

	private final int minThreshold;

	private final int maxThreshold;

	private final Role defaultOwner;

	private final int defaultHandleWithinHours;

	RuleKind(Comparison comparison, SubjectKind subject, int defaultThreshold, int defaultWindowDays, int minThreshold,
			int maxThreshold, Role defaultOwner, int defaultHandleWithinHours) {
		this.comparison = comparison;
		this.subject = subject;
		this.defaultThreshold = defaultThreshold;
		this.defaultWindowDays = defaultWindowDays;
		this.minThreshold = minThreshold;
		this.maxThreshold = maxThreshold;
		this.defaultOwner = defaultOwner;
		this.defaultHandleWithinHours = defaultHandleWithinHours;
	}

	public Comparison comparison() {
		return comparison;
	}

	public SubjectKind subject() {
		return subject;
	}

	public int defaultThreshold() {
		return defaultThreshold;
	}

	public int defaultWindowDays() {
		return defaultWindowDays;
	}

	public int minThreshold() {
		return minThreshold;
	}

	public int maxThreshold() {
		return maxThreshold;
	}

	public Role defaultOwner() {
		return defaultOwner;
	}

	public int defaultHandleWithinHours() {
		return defaultHandleWithinHours;
	}
}
